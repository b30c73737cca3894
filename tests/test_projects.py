"""Project countries and funders from a project's own text."""

import pytest

from extractors.document import Block
from parsers.agencies import Agency
from parsers.projects import _cell_title, _countries, _facts_years, _funders, _labelled_years, _period_years, listed_projects, project_id, project_sections, table_projects, text_years
from parsers.periods import split_trailing_years
from parsers.sections import Section

AGENCIES = [Agency("Ministry of Health, Labour and Welfare", "MHLW", "government", 0),
            Agency("Ministry of Economy, Trade and Industry", "METI", "government", 0),
            Agency("Japanese International Cooperation Agency", "JICA", "government", 0)]


def test_funded_by_names_the_funder():
    assert _funders("The project funded by the METI is implemented in Asia.", AGENCIES, "Japan") == ["METI"]


def test_a_donor_label_naming_two_agencies_with_their_acronyms_names_both():
    text = "Donor: Ministry of Economy, Trade and Industry (METI) and Japanese International Cooperation Agency (JICA)"
    assert _funders(text, AGENCIES, "Japan") == ["METI", "JICA"]


def test_a_labelled_duration_left_ongoing_has_no_end_year():
    assert text_years("Duration: October 2023 – ongoing. Location: Cambodia") == (2023, None)


def test_an_agency_acting_as_subject_of_a_funding_verb_is_a_funder():
    assert _funders("The MHLW established the SSN Fund in 2011.", AGENCIES, "Japan") == ["MHLW"]


def test_cooperation_alone_does_not_make_a_funder():
    assert _funders("The project is implemented by the ILO in cooperation with JICA.", AGENCIES, "Japan") == []


def test_the_partner_funding_within_an_agency_framework_names_that_agency():
    text = "Within the cooperation framework between the ILO and the MHLW, Japan provides financial support."
    assert _funders(text, AGENCIES, "Japan") == ["MHLW"]


def test_the_partner_as_donor_is_not_a_project_country():
    text = "As part of Japan's commitment, the project works in Bangladesh, Cambodia, Japan and Viet Nam."
    assert [c.iso3 for c in _countries(text, "JPN")] == ["BGD", "KHM", "JPN", "VNM"]
    assert _countries("Japan provides financial support. Japan's experts benefit.", "JPN") == []


def test_project_id_is_stable_across_editions_and_small_typography_changes():
    assert project_id("Japan", "Safety + Health for All Workers") == project_id("Japan", "Safety + Health for all workers")
    assert project_id("Japan", "A") != project_id("Norway", "A")


def _sections(*blocks):
    from extractors.document import Block, Document
    from parsers.sections import outline

    made = [Block(kind=kind, text=text, page=1, size=size, bold=kind == "heading") for kind, text, size in blocks]
    return outline(Document(source="x.pdf", page_count=1, blocks=made, body_size=10.0)).sections


@pytest.mark.parametrize(
    ("line", "years"),
    [("2019–2022 · Egypt, Morocco, Tunisia", (2019, 2022)), ("2021–23 · Albania", (2021, 2023)),
     ("Since 2019 · Angola, Mozambique", (2019, None)), ("2018 through 2022 | Lebanon", (2018, 2022))],
)
def test_a_facts_line_under_a_project_heading_opens_with_its_years(line, years):
    assert _facts_years(line) == years


@pytest.mark.parametrize(
    ("line", "years"),
    [("Period: 2019–2023 (phase II)", (2019, 2023)), ("Period: 2017–", (2017, None)), ("Duration: 2022", (2022, 2022)),
     ("Period: FY2020–FY2024 | Countries: Mexico | Funding: USDOL", (2020, 2024)),
     ("Period: Sept. 2021 – Aug. 2025 | Countries: Haiti", (2021, 2025))],
)
def test_a_labelled_period_line_under_a_project_heading_gives_its_years(line, years):
    assert _labelled_years(line) == years


@pytest.mark.parametrize(("cell", "years"), [("2017–", (2017, None)), ("from 2023", (2023, None)), ("07/2020–06/2024", (2020, 2024)),
                                             ("Since March 2023", (2023, None)), ("January 2022 – December 2024", (2022, 2024)),
                                             ("FY2021/22 – FY2023/24", (2021, 2024))])
def test_period_cells_open_or_with_months_in_numbers(cell, years):
    assert _period_years(cell) == years


def test_a_title_cell_holding_a_description_sentence_gives_only_the_title():
    cell = "Labour Inspection Reform in Georgia Support to the new Labour Inspection Service: law, procedures, training."
    assert _cell_title(cell) == "Labour Inspection Reform in Georgia"


def test_a_title_cell_without_a_sentence_is_the_title_as_it_is():
    assert _cell_title("Decent Work in Garment Supply Chains") == "Decent Work in Garment Supply Chains"


def test_a_sentence_with_a_dot_is_no_facts_line():
    assert _facts_years("Funded by AICS · the programme trained inspectors in 2021") is None


def test_a_heading_set_like_the_dated_ones_under_another_part_of_the_brief_is_no_project():
    from parsers.projects import project_sections

    sections = _sections(("heading", "Switzerland and the ILO", 14), ("heading", "Host country and founding member", 12),
                         ("paragraph", "Text.", 10), ("heading", "Projects funded by Switzerland", 14),
                         ("heading", "Skills for All (2020-23)", 12), ("paragraph", "Text.", 10),
                         ("heading", "Fair Recruitment from Nepal", 12), ("paragraph", "Since 2018, the SDC has funded it.", 10))
    assert [s.title for s, _ in project_sections(sections)] == ["Skills for All (2020-23)", "Fair Recruitment from Nepal"]


def test_a_description_opening_with_since_a_year_gives_an_open_period():
    assert text_years("Since 2018, the SDC has funded ILO work on fair recruitment.") == (2018, None)


def test_a_description_opening_from_one_year_to_another_gives_that_period():
    assert text_years("From 2017 to 2020 the OIS funded the ILO's work with the Kenya Ports Authority.") == (2017, 2020)


def test_the_years_a_project_is_funded_over_are_its_period():
    assert text_years("The new programme, to be funded by the OIS in 2024–2025, will start in mid-2024.") == (2024, 2025)


def test_a_range_from_one_year_to_another_later_in_the_text_is_no_project_period():
    assert text_years("The port's workforce doubled. From 2010 to 2015 exports grew.") == (None, None)


def test_since_a_year_in_a_later_sentence_is_no_project_period():
    assert text_years("The ILO has worked in Nepal for decades. It has had an office there since 1994.") == (None, None)


def test_a_question_set_in_the_style_of_project_headings_is_no_project():
    from parsers.projects import project_sections

    sections = _sections(("heading", "France and the ILO", 22), ("heading", "Did you know?", 12), ("paragraph", "Text.", 10),
                         ("heading", "Skills for All (2020-23)", 12), ("paragraph", "Text.", 10))
    assert [s.title for s, _ in project_sections(sections)] == ["Skills for All (2020-23)"]


def test_headings_in_the_style_of_dated_project_headings_are_projects_too():
    from parsers.projects import project_sections

    sections = _sections(("heading", "Sweden ILO Cooperation", 22), ("heading", "Sweden's contribution to the ILO", 14),
                         ("paragraph", "Text.", 10), ("heading", "Skills for All (2020-23)", 12), ("paragraph", "Text.", 10),
                         ("heading", "Decent Work in Fisheries", 12), ("paragraph", "Text.", 10),
                         ("heading", "Contact", 12), ("paragraph", "x@ilo.org", 10))
    assert [s.title for s, _ in project_sections(sections)] == ["Skills for All (2020-23)", "Decent Work in Fisheries"]


def test_without_any_years_the_headings_under_a_projects_heading_are_projects():
    from parsers.projects import project_sections

    sections = _sections(("heading", "Sweden ILO Cooperation", 22), ("heading", "Overview", 14), ("paragraph", "Text.", 10),
                         ("heading", "Development cooperation projects", 14), ("heading", "Skills for All", 12),
                         ("paragraph", "Text.", 10), ("heading", "Decent Work in Fisheries", 12), ("paragraph", "Text.", 10),
                         ("heading", "Contact", 14), ("paragraph", "x@ilo.org", 10))
    assert [s.title for s, _ in project_sections(sections)] == ["Skills for All", "Decent Work in Fisheries"]


def test_a_table_header_under_a_projects_heading_is_not_a_project():
    from parsers.projects import project_sections

    sections = _sections(("heading", "Saudi Arabia ILO Cooperation", 22), ("heading", "Projects and programmes", 14),
                         ("paragraph", "The table below lists the main projects.", 10),
                         ("heading", "Project Period Countries Funding agency", 9),
                         ("paragraph", "Labour Market Information System 2021–2024 Saudi Arabia MHRSD", 9),
                         ("heading", "Contact", 14), ("paragraph", "x@ilo.org", 10))
    assert project_sections(sections) == []


def test_one_column_label_set_as_a_heading_is_not_a_project():
    from parsers.projects import project_sections

    sections = _sections(("heading", "Spain ILO Cooperation", 22), ("heading", "Projects funded by Spain", 14),
                         ("heading", "PROJECT", 7.6), ("heading", "Youth Employment in the Andean Region", 8.4),
                         ("heading", "PERIOD COUNTRIES FUNDED BY", 7.6), ("paragraph", "FY2020–23 Bolivia AECID", 8.4),
                         ("heading", "Contact", 14), ("paragraph", "x@ilo.org", 10))
    assert "PROJECT" not in [s.title for s, _ in project_sections(sections)]


def test_a_duration_in_months_before_the_years_gives_the_years():
    assert text_years("Duration: 36 months (2019–2022)") == (2019, 2022)
    assert text_years("Duration: to be confirmed") == (None, None)


def _brief_with_table(tmp_path, rows: list[list[str]], table_rules: str = "grid") -> dict:
    """The records of a Sweden brief whose projects section is one ruled table of `rows`."""
    from briefs.analyse import read_brief
    from pdf_factory import write_brief

    pdf = write_brief(tmp_path / "sweden.pdf", "Sweden ILO Cooperation", "May 2021", [
        ("Overview", ["Sweden is a founding Member State of the ILO. The Swedish International Development "
                      "Cooperation Agency (Sida) funds most of Sweden's cooperation with the ILO."]),
        ("Sweden's financial contribution to the ILO", ["Between 2016 and 2020 Sweden provided US$ 20 million in "
                                                        "assessed contributions to the ILO."]),
        ("Projects and programmes", ["The table lists the projects funded by Sweden.", rows]),
        ("Contact", ["partnerships@ilo.org"]),
    ], table_rules=table_rules)
    return read_brief(pdf, "0" * 64).records


def test_a_project_table_ruled_only_by_cell_borders_as_a_browser_prints_it_gives_every_row(tmp_path):
    records = _brief_with_table(tmp_path, [
        ["Project", "Period", "Countries", "Funder"],
        ["Decent Work in Garment Supply Chains", "2019-2023", "Bangladesh, Cambodia", "Sida"],
        ["Skills for Youth Employment", "2021-2024", "Kenya", "Sida"],
        ["Green Jobs at Home", "2020-2022", "Sweden", "Sida"],
    ], table_rules="cells")
    assert [(p["title"], p["start_year"], p["end_year"]) for p in records["projects"]] == [
        ("Decent Work in Garment Supply Chains", 2019, 2023), ("Skills for Youth Employment", 2021, 2024),
        ("Green Jobs at Home", 2020, 2022)]


def test_a_project_table_drawn_without_any_rule_gives_every_row(tmp_path):
    records = _brief_with_table(tmp_path, [
        ["PROJECT", "PERIOD", "COUNTRIES", "FUNDED BY"],
        ["Decent Work in Garment Supply Chains", "2019-2023", "Bangladesh, Cambodia", "Sida"],
        ["Skills for Youth Employment", "2021-2024", "Kenya", "Sida"],
    ], table_rules="none")
    assert [(p["title"], p["start_year"], p["end_year"]) for p in records["projects"]] == [
        ("Decent Work in Garment Supply Chains", 2019, 2023), ("Skills for Youth Employment", 2021, 2024)]


def test_the_rows_of_a_ruled_project_table_are_projects(tmp_path):
    records = _brief_with_table(tmp_path, [
        ["Project", "Period", "Countries", "Funder"],
        ["Decent Work in Garment Supply Chains", "2019-2023", "Bangladesh, Cambodia", "Sida"],
        ["Skills for Youth Employment", "2021-2024", "Kenya", "Sida"],
    ])
    projects = {p["project_id"]: p for p in records["projects"]}
    assert [(p["title"], p["start_year"], p["end_year"]) for p in projects.values()] == [
        ("Decent Work in Garment Supply Chains", 2019, 2023), ("Skills for Youth Employment", 2021, 2024)]
    assert sorted((projects[c["project_id"]]["title"], c["iso3"]) for c in records["project_countries"]) == [
        ("Decent Work in Garment Supply Chains", "BGD"), ("Decent Work in Garment Supply Chains", "KHM"),
        ("Skills for Youth Employment", "KEN")]
    assert [f["agency"] for f in records["project_funders"]] == ["Sida", "Sida"]


def test_the_partner_in_a_countries_column_is_a_project_country(tmp_path):
    records = _brief_with_table(tmp_path, [["Project", "Period", "Countries"], ["Green Jobs at Home", "2020-2022", "Sweden"]])
    assert [c["iso3"] for c in records["project_countries"]] == ["SWE"]


def test_a_table_row_without_years_is_not_a_project(tmp_path):
    records = _brief_with_table(tmp_path, [["Project", "Status", "Countries"], ["Skills for Youth Employment", "ongoing", "Kenya"]])
    assert records["projects"] == []


def test_a_table_without_a_project_column_gives_no_projects(tmp_path):
    records = _brief_with_table(tmp_path, [["Type", "Period", "Amount"], ["Voluntary", "2019-2023", "USD 5 million"]])
    assert records["projects"] == []


def _table(page: int, rows: list[list[str]]) -> Block:
    return Block(kind="table", text="", page=page, size=9.0, rows=rows)


def test_a_table_continued_on_the_next_page_without_its_header_keeps_its_columns():
    section = Section(heading=None, blocks=[
        _table(2, [["Project", "Period", "Countries"], ["Skills for Youth Employment", "2021-2024", "Kenya"]]),
        _table(3, [["Green Jobs at Home", "2020-2022", "Sweden"], ["Safe Ports", "2019-2023", "Ghana, Togo"]]),
    ])
    projects = table_projects([section], "Sweden", "SWE", [])
    assert [(p.title, p.page, [c.iso3 for c in p.countries]) for p in projects] == [
        ("Skills for Youth Employment", 2, ["KEN"]), ("Green Jobs at Home", 3, ["SWE"]), ("Safe Ports", 3, ["GHA", "TGO"])]


def test_period_cells_in_fiscal_years_or_through_a_year_give_the_projects_years():
    section = Section(heading=None, blocks=[_table(2, [
        ["Project", "Period", "Countries"],
        ["Youth Employment in the Andean Region", "FY2020–23", "Peru"],
        ["Modernising Labour Inspection in Morocco", "2018 through 2022", "Morocco"]])])
    projects = table_projects([section], "Spain", "ESP", [])
    assert [(p.start_year, p.end_year) for p in projects] == [(2020, 2023), (2018, 2022)]


def test_a_table_with_start_and_end_columns_and_merged_funder_cells_gives_each_row_its_years_and_funder():
    agencies = [Agency("Unemployment Insurance Fund", "UIF", "government", 0)]
    section = Section(heading=None, blocks=[_table(2, [
        ["Funded by", "Project", "Countries", "Start", "End"],
        ["UIF", "Youth Employment through Public Employment Services", "South Africa", "2019", "2022"],
        ["", "Activation of Unemployed Women in Township Economies", "", "2021", "ongoing"]])])
    projects = table_projects([section], "South Africa", "ZAF", agencies)
    assert [(p.start_year, p.end_year, p.funders, [c.iso3 for c in p.countries]) for p in projects] == [
        (2019, 2022, ["UIF"], ["ZAF"]), (2021, None, ["UIF"], ["ZAF"])]


def test_a_table_caption_set_as_a_heading_is_no_project():
    from parsers.projects import project_sections

    sections = _sections(("heading", "South Africa and the ILO", 22), ("heading", "Projects", 14),
                         ("heading", "Table 1. ILO projects funded by South African institutions", 11), ("paragraph", "Text.", 10))
    assert project_sections(sections) == []


def test_a_headerless_table_is_no_continuation_away_from_the_next_page_or_with_other_columns():
    section = Section(heading=None, blocks=[
        _table(2, [["Project", "Period", "Countries"], ["Skills for Youth Employment", "2021-2024", "Kenya"]]),
        _table(3, [["Green Jobs at Home", "2020-2022"], ["Safe Ports", "2019-2023"]]),
        _table(5, [["Fair Recruitment", "2018-2020", "Nepal"], ["Decent Work in Tea", "2019-2021", "Malawi"]]),
    ])
    assert [p.title for p in table_projects([section], "Sweden", "SWE", [])] == ["Skills for Youth Employment"]


def test_a_labelled_duration_may_give_months_or_a_single_year():
    assert text_years("Country: Cabo Verde · Duration: from January 2018 to December 2021 · Funding: MFEA") == (2018, 2021)
    assert text_years("Duration: Jan 2012 – Jun 2021") == (2012, 2021)
    assert text_years("Duration: 2022 (pilot phase)") == (2022, 2022)


def test_a_project_running_in_a_biennium_runs_over_its_years():
    assert text_years("Duration: 24 months. Running in the 2022–23 biennium, the project helps cooperatives.") == (2022, 2023)


def test_a_funding_label_names_the_funder():
    agencies = [Agency("Ministry of Foreign and European Affairs", "MFEA", "government", 0)]
    assert _funders("Country: Cabo Verde · Duration: 2018–2021 · Funding: MFEA", agencies, "Luxembourg") == ["MFEA"]


def _listing(*paragraphs: str, title: str = "Projects supported by the United Kingdom") -> Section:
    heading = Block(kind="heading", text=title, page=2, size=14.0, bold=True)
    return Section(heading=heading, blocks=[Block(kind="paragraph", text=p, page=2, size=10.0) for p in paragraphs])


def test_a_paragraph_opening_with_a_title_and_its_places_and_years_in_brackets_is_a_project():
    fcdo = [Agency("Foreign, Commonwealth & Development Office", "FCDO", "government", 0)]
    section = _listing("Forced Labour in Thai Fishing (Thailand, 2018–21) – Financed by the FCDO, the project helped.",
                       "Work in Freedom (Bangladesh, India and Nepal, 2013–2023) – The FCDO funded it.")
    projects = listed_projects([section], "United Kingdom", "GBR", fcdo)
    assert [(p.title, p.start_year, p.end_year, sorted(c.iso3 for c in p.countries), p.funders) for p in projects] == [
        ("Forced Labour in Thai Fishing", 2018, 2021, ["THA"], ["FCDO"]),
        ("Work in Freedom", 2013, 2023, ["BGD", "IND", "NPL"], ["FCDO"])]


def test_such_paragraphs_outside_a_projects_section_are_not_projects():
    section = _listing("The Strategy (United Kingdom, 2022–2030) – sets four priorities.", title="UK development priorities")
    assert listed_projects([section], "United Kingdom", "GBR", []) == []


def test_a_second_by_after_a_funded_by_names_a_second_funder():
    agencies = [Agency("Department for International Development", "DFID", "government", 0),
                Agency("Foreign, Commonwealth & Development Office", "FCDO", "government", 0)]
    text = "Funded first by DFID and, since 2020, by the FCDO, the programme works with recruiters."
    assert _funders(text, agencies, "United Kingdom") == ["DFID", "FCDO"]


def test_a_duration_cell_with_months_or_one_year_gives_the_years():
    section = Section(heading=None, blocks=[_table(2, [
        ["Programme", "Duration", "Location"],
        ["Roads for Development (R4D)", "Jan 2012 – Jun 2021", "Timor-Leste"],
        ["Future of Work Dialogue in Papua New Guinea", "2021", "Papua New Guinea"],
    ])])
    assert [(p.title, p.start_year, p.end_year) for p in table_projects([section], "Australia", "AUS", [])] == [
        ("Roads for Development (R4D)", 2012, 2021), ("Future of Work Dialogue in Papua New Guinea", 2021, 2021)]


def test_the_partner_given_as_a_projects_labelled_place_is_a_project_country():
    assert [c.iso3 for c in _countries("Heat Stress Protection. 2019 – 2021. Where: Qatar. Funded by: MOL", "QAT")] == ["QAT"]


def test_a_project_still_running_has_a_start_and_no_end():
    assert text_years("2022 – ongoing. Where: Afghanistan. Funded by: QFFD") == (2022, None)
    assert text_years("The programme runs from 2020 onwards in three provinces.") == (2020, None)


def test_a_heading_that_is_only_years_is_no_project():
    heading = Block(kind="heading", text="Emergency Livelihoods in Afghanistan", page=5, size=14.5, bold=True)
    years = Block(kind="heading", text="2022 – ongoing", page=5, size=12.5, bold=True)
    dated = Block(kind="heading", text="Skills for Youth (2020–2023)", page=5, size=14.5, bold=True)
    sections = [Section(heading=dated, blocks=[]), Section(heading=heading, blocks=[]),
                Section(heading=years, blocks=[Block(kind="paragraph", text="Where: Afghanistan", page=5, size=11.0)])]
    titles = [s.title for s, _ in project_sections(sections)]
    assert "2022 – ongoing" not in titles and "Emergency Livelihoods in Afghanistan" in titles


def test_a_listed_project_may_give_its_years_after_a_dash():
    section = _listing("Employment through Labour-Intensive Infrastructure in Jordan — 2020 to 2023. A grant finances it.",
                       "Livelihoods Recovery in Yemen — 2022 onwards. Cash-for-work in Aden.",
                       title="ILO projects funded by Kuwait")
    assert [(p.title, p.start_year, p.end_year) for p in listed_projects([section], "Kuwait", "KWT", [])] == [
        ("Employment through Labour-Intensive Infrastructure in Jordan", 2020, 2023), ("Livelihoods Recovery in Yemen", 2022, None)]


def test_a_heading_may_end_in_a_dash_and_its_years_or_in_since_a_year():
    assert split_trailing_years("Labour Migration between Asia and Kuwait — 2021–2024.") == ("Labour Migration between Asia and Kuwait", 2021, 2024)
    assert split_trailing_years("Women in Logistics (since 2021)") == ("Women in Logistics", 2021, None)
    assert split_trailing_years("Member State of the ILO since 1972") == ("Member State of the ILO since 1972", None, None)


def test_a_bullet_that_is_only_a_title_and_its_bracketed_places_and_years_is_a_listed_project():
    section = _listing("Decent Work in Tuna Fisheries (Indonesia, Philippines, 2019–2023)",
                       "Maritime Skills for Coastal Youth (Kenya, 2023–ongoing)", title="ILO projects")
    assert [(p.title, p.start_year, p.end_year, sorted(c.iso3 for c in p.countries))
            for p in listed_projects([section], "Halden Foundation", None, [])] == [
        ("Decent Work in Tuna Fisheries", 2019, 2023, ["IDN", "PHL"]), ("Maritime Skills for Coastal Youth", 2023, None, ["KEN"])]


def test_a_bracketed_note_without_years_is_no_listed_project():
    section = _listing("Safety and health at sea (see Annex 2)", title="ILO projects")
    assert listed_projects([section], "Halden Foundation", None, []) == []


def test_a_list_headed_as_funded_by_the_partner_names_it_the_funder_of_each_item():
    section = _listing("Women in Seafood Processing (Viet Nam, Thailand, 2022–2025)",
                       title="ILO projects funded by the Foundation")
    assert [p.funders for p in listed_projects([section], "Halden Foundation", None, [])] == [["Halden Foundation"]]


def test_a_cards_period_set_as_a_heading_under_its_title_gives_the_years_and_keeps_its_text():
    from parsers.projects import build_projects

    sections = _sections(("heading", "Saudi Arabia and the ILO", 30), ("paragraph", "Text.", 10),
                         ("heading", "ILO projects supported by Saudi Arabia", 17),
                         ("heading", "Skills Anticipation and Labour Market Intelligence", 15),
                         ("heading", "January 2022 – December 2024", 11), ("paragraph", "Countries: Saudi Arabia", 10),
                         ("paragraph", "Funded by: HRDF", 10),
                         ("heading", "Vocational Training Centres in Sudan", 15),
                         ("heading", "Since March 2023", 11), ("paragraph", "Funded by: HRDF", 10))
    hrdf = [Agency("Human Resources Development Fund", "HRDF", "government", 0)]
    projects = build_projects(sections, "Saudi Arabia", "SAU", hrdf)
    assert [(p.title, p.start_year, p.end_year, p.funders) for p in projects] == [
        ("Skills Anticipation and Labour Market Intelligence", 2022, 2024, ["HRDF"]),
        ("Vocational Training Centres in Sudan", 2023, None, ["HRDF"])]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [("2016–2021 Strengthening Labour Mobility Governance", ("Strengthening Labour Mobility Governance", 2016, 2021)),
     ("Since 2021 Occupational Safety for Seasonal Workers", ("Occupational Safety for Seasonal Workers", 2021, None)),
     ("2022 Labour Force Surveys in Niue", ("Labour Force Surveys in Niue", 2022, 2022)),
     ("2007 Tax Table", ("2007 Tax Table", None, None)),
     ("Mar 2023 – Feb 2026 Social Security Modernisation", ("Social Security Modernisation", 2023, 2026)),
     ("2021 – ongoing Social and Solidarity Economy", ("Social and Solidarity Economy", 2021, None))],
)
def test_a_year_badge_before_a_cards_title_gives_its_years(heading, expected):
    from parsers.projects import _leading_years

    assert _leading_years(heading) == expected


def test_an_agency_that_provides_materials_or_data_is_no_funder():
    worksafe = [Agency("WorkSafe New Zealand", "WorkSafe", "government", 0)]
    assert _funders("WorkSafe New Zealand provides the training materials on chemical handling.", worksafe, "New Zealand") == []


def test_an_agency_that_funds_training_is_a_funder():
    fcdo = [Agency("Foreign, Commonwealth & Development Office", "FCDO", "government", 0)]
    assert _funders("The FCDO funded vocational training and cash-for-work.", fcdo, "United Kingdom") == ["FCDO"]


def test_a_funding_line_under_a_tables_title_gives_the_funders_and_a_budget_column_none():
    from extractors.document import Block

    rows = [["Year", "Project", "Countries", "Funding (USD)"],
            ["2021-present", "Just Transition in Coal Regions\nFunded by MINTRAB and SENCE", "Chile", "1,100,000"]]
    table = Block(kind="table", text="", page=1, size=10.0, rows=rows)
    section = Section(heading=Block(kind="heading", text="ILO projects funded by Chile", page=1, size=13.0, bold=True), blocks=[table])
    agencies = [Agency("Ministry of Labour and Social Security", "MINTRAB", "government", 0),
                Agency("National Training and Employment Service", "SENCE", "government", 0)]
    (project,) = table_projects([section], "Chile", "CHL", agencies)
    assert (project.title, project.start_year, project.end_year, project.funders) == (
        "Just Transition in Coal Regions", 2021, None, ["MINTRAB", "SENCE"])


def test_the_partner_named_in_a_facts_line_is_a_project_country():
    assert [c.iso3 for c in _countries("Support to the Labour Justice Reform. 2019–2023 · Mexico\n\nFunded by the STPS.", "MEX")] == ["MEX"]


def test_a_line_of_title_places_and_years_parted_by_dashes_is_a_listed_project():
    section = _listing("Safe Mines: OSH in Artisanal Gold Mining — Ghana — 2017–2020",
                       "Just Transition in Coal-Mining Districts — Indonesia — 2024–ongoing", "Title — Country — Years",
                       title="Projects funded by the Foundation")
    assert [(p.title, p.start_year, p.end_year, [c.iso3 for c in p.countries])
            for p in listed_projects([section], "Orvik Foundation", None, [])] == [
        ("Safe Mines: OSH in Artisanal Gold Mining", 2017, 2020, ["GHA"]), ("Just Transition in Coal-Mining Districts", 2024, None, ["IDN"])]


def test_a_listed_project_may_name_its_places_after_the_bracketed_years():
    ltda = [Agency("Development Cooperation and Democracy Promotion Agency", "LTDA", "government", 0)]
    section = _listing("Youth Employment in Georgia and Armenia (2021–2024), Georgia, Armenia — co-funded by the LTDA.",
                       title="Projects")
    assert [(p.title, p.start_year, p.end_year, sorted(c.iso3 for c in p.countries), p.funders)
            for p in listed_projects([section], "Lithuania", "LTU", ltda)] == [
        ("Youth Employment in Georgia and Armenia", 2021, 2024, ["ARM", "GEO"], ["LTDA"])]


def test_projects_listed_under_country_headings_take_place_in_those_countries():
    croatia = [Agency("Ministry of Foreign and European Affairs", "MVEP", "government", 0)]
    listing = _listing("Croatia's projects are grouped below by country.", title="Projects funded by Croatia, by country")
    montenegro = Section(heading=Block(kind="heading", text="MONTENEGRO", page=2, size=10.0, bold=True), blocks=[
        Block(kind="list_item", text="Skills for the Blue Economy, 2023–2025. Funded by the MVEP. Courses.", page=2, size=10.0)])
    projects = listed_projects([listing, montenegro], "Croatia", "HRV", croatia)
    assert [(p.title, p.start_year, p.end_year, [c.iso3 for c in p.countries], p.funders) for p in projects] == [
        ("Skills for the Blue Economy", 2023, 2025, ["MNE"], ["MVEP"])]


def test_a_heading_that_only_names_countries_is_no_project():
    listing = _listing("Croatia's projects are grouped below by country.", title="Projects funded by Croatia, by country")
    heading = Block(kind="heading", text="BOSNIA AND HERZEGOVINA", page=2, size=10.0, bold=True)
    item = Block(kind="list_item", text="Youth Employment in the Una-Sana Canton, 2019–2022. Funded by the MVEP.", page=2, size=10.0)
    assert project_sections([listing, Section(heading=heading, blocks=[item])]) == []


def test_agencies_marked_funding_in_a_partners_line_are_the_funders():
    text = "Partners: METI and JICA (funding); MHLW (technical advice)"
    assert _funders(text, AGENCIES, "Japan") == ["METI", "JICA"]
