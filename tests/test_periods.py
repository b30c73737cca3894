"""Periods and project year ranges as briefs write them."""

import pytest

from parsers.periods import find_periods, split_trailing_years


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("between 2018 and 2022", 2018, 2022),
        ("Between 2018 and 2022, Japan", 2018, 2022),
        ("from 2015 to 2018", 2015, 2018),
        ("2018-2022", 2018, 2022),
        ("2018-19", 2018, 2019),
        ("the 2020–21 biennium", 2020, 2021),
        ("in 2021", 2021, 2021),
        ("FY2021–22", 2021, 2022),
        ("2018 through 2022", 2018, 2022),
        ("From FY2019 through FY2023, USDOL obligated", 2019, 2023),
    ],
)
def test_periods_are_read_in_their_written_forms(text, start, end):
    period = find_periods(text)[0]
    assert (period.start, period.end) == (start, end)


def test_a_range_that_runs_backwards_is_not_a_period():
    assert all(p.start == p.end for p in find_periods("2022-2018"))


@pytest.mark.parametrize(
    ("heading", "title", "start", "end"),
    [
        ("Promoting and Building Social Protection in Asia (4th phase) (2021-24)",
         "Promoting and Building Social Protection in Asia (4th phase)", 2021, 2024),
        ("Consolidation of OSH knowledge (2019-2023)", "Consolidation of OSH knowledge", 2019, 2023),
        ("Skills for Youth 2021–2024", "Skills for Youth", 2021, 2024),
        ("Assessing the Impact of COVID-19 on Child Labour", "Assessing the Impact of COVID-19 on Child Labour", None, None),
        ("Decent Work in Garment Supply Chains, 2021–2023 (extended to 2025)", "Decent Work in Garment Supply Chains", 2021, 2025),
    ],
)
def test_heading_year_ranges_are_split_from_the_title(heading, title, start, end):
    assert split_trailing_years(heading) == (title, start, end)


def test_since_a_year_is_an_open_period():
    period = find_periods("Since 2010, Korea has contributed")[0]
    assert (period.start, period.end) == (2010, None)


def test_a_heading_ending_in_an_open_period_has_a_start_and_no_end():
    assert split_trailing_years("Emergency Livelihoods (2022 – ongoing)") == ("Emergency Livelihoods", 2022, None)
