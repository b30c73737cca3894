"""Contributions to the ILO from bullets, prose and tables."""

from decimal import Decimal

from extractors.document import Block
from parsers.contributions import distinct, find_contributions


def _paragraph(text: str, kind: str = "paragraph") -> Block:
    return Block(kind=kind, text=text, page=2, size=10.0)


def test_a_bullet_lead_gives_the_kind_of_the_amount_in_its_second_sentence():
    block = _paragraph("Assessed contributions, which are paid by all ILO member States. Japan provided "
                       "US$ 177.8 million between 2018 and 2022.", "list_item")
    (row,) = find_contributions([block])
    assert (row.kind, row.amount, row.qualifier, row.period_start, row.period_end) == (
        "assessed", Decimal("177800000.00"), "exact", 2018, 2022)


def test_earmarked_in_the_lead_makes_voluntary_money_non_core():
    block = _paragraph("Voluntary contributions earmarked to priority programmes. Between 2018 and 2022, "
                       "Japan's voluntary contributions totalled more than US$ 50.9 million.", "list_item")
    (row,) = find_contributions([block])
    assert (row.kind, row.qualifier, row.period_start) == ("voluntary_non_core", "more_than", 2018)


def test_one_prose_sentence_can_state_several_kinds():
    block = _paragraph("From 2019 to 2023, the Republic of Korea contributed US$121.7 million in assessed "
                       "contributions and over USD 12.6 million in voluntary funding, of which US$ 3.1 million "
                       "was un-earmarked core funding (RBSA).")
    rows = find_contributions([block])
    assert [(r.kind, r.qualifier, r.period_start, r.period_end) for r in rows] == [
        ("assessed", "exact", 2019, 2023), ("voluntary", "more_than", 2019, 2023),
        ("voluntary_core", "exact", 2019, 2023)]


def test_a_total_named_after_the_kind_it_includes_is_a_total():
    block = _paragraph("Including its assessed contributions, Saudi Arabia's total funding to the ILO over the "
                       "period 2019–2023 came to approximately USD 54 million.")
    (row,) = find_contributions([block])
    assert (row.kind, row.amount, row.period_start, row.period_end) == ("total", Decimal("54000000.00"), 2019, 2023)


def test_the_total_of_one_kind_is_that_kind():
    block = _paragraph("The total of assessed contributions paid by Norway in 2021 came to USD 5 million.")
    (row,) = find_contributions([block])
    assert row.kind == "assessed"


def test_a_table_row_gives_kind_period_and_amount():
    table = Block(kind="table", text="", page=3, size=10.0, rows=[
        ["Type", "Period", "Amount"],
        ["Assessed contribution", "2020–2021", "EUR 900,000"],
        ["Voluntary core (RBSA)", "2020–2021", "EUR 250,000"],
    ])
    rows = find_contributions([table])
    assert [(r.kind, r.amount, r.currency, r.period_start) for r in rows] == [
        ("assessed", Decimal("900000.00"), "EUR", 2020), ("voluntary_core", Decimal("250000.00"), "EUR", 2020)]


def test_a_table_with_a_column_per_year_gives_a_contribution_per_filled_cell_in_the_captions_unit():
    caption = _paragraph("Table 1. Contributions of Kuwait to the ILO by year (US$ million)")
    table = Block(kind="table", text="", page=1, size=10.0, rows=[
        ["Type of contribution", "2020", "2021"],
        ["Assessed contribution to the regular budget", "1.10", "1.05"],
        ["Voluntary core contribution (RBSA)", "–", "0.50"],
    ])
    rows = find_contributions([caption, table])
    assert [(r.kind, r.amount, r.currency, r.period_start, r.period_end) for r in rows] == [
        ("assessed", Decimal("1100000.00"), "USD", 2020, 2020), ("assessed", Decimal("1050000.00"), "USD", 2021, 2021),
        ("voluntary_core", Decimal("500000.00"), "USD", 2021, 2021)]


def test_a_table_whose_bienniums_sit_under_a_grouping_header_reads_dotted_thousands():
    table = Block(kind="table", text="", page=1, size=10.0, rows=[
        ["Type of contribution", "Amount (US$)", ""],
        ["", "2018–2019", "2020–2021"],
        ["Assessed contribution (regular budget)", "16.872.430", "17.205.118"],
        ["Voluntary core contribution (RBSA)", "–", "500.000"],
    ])
    rows = find_contributions([table])
    assert [(r.kind, r.amount, r.currency, r.period_start, r.period_end) for r in rows] == [
        ("assessed", Decimal("16872430.00"), "USD", 2018, 2019), ("assessed", Decimal("17205118.00"), "USD", 2020, 2021),
        ("voluntary_core", Decimal("500000.00"), "USD", 2020, 2021)]


def test_a_year_table_row_naming_its_currency_reads_its_figures_in_it():
    table = Block(kind="table", text="", page=1, size=10.0, rows=[
        ["", "2020", "2021"],
        ["Assessed (CHF)", "412,650", "398,210"],
        ["Voluntary – projects (EUR)", "260,000", "–"],
    ])
    rows = find_contributions([table])
    assert [(r.kind, r.amount, r.currency, r.period_start) for r in rows] == [
        ("assessed", Decimal("412650.00"), "CHF", 2020), ("assessed", Decimal("398210.00"), "CHF", 2021),
        ("voluntary_non_core", Decimal("260000.00"), "EUR", 2020)]


def test_bare_numbers_in_a_year_table_without_a_unit_are_no_money():
    table = Block(kind="table", text="", page=1, size=10.0, rows=[
        ["Type", "2020", "2021"], ["Assessed contribution", "1.10", "1.05"], ["Earmarked projects", "2", "3"]])
    assert find_contributions([table]) == []


def test_a_table_with_a_column_per_kind_reads_each_column_as_one_statement():
    table = Block(kind="table", text="", page=2, size=10.0, rows=[
        ["Assessed contributions", "Core voluntary funding", "Earmarked funding"],
        ["some US$ 35 million", "(RBSA)", "more than £85 million"],
        ["2022–23 biennium", "GBP 12,000,000 2018–2021", "2018-22"],
    ])
    rows = find_contributions([table])
    assert [(r.kind, r.amount, r.currency, r.qualifier, r.period_start, r.period_end) for r in rows] == [
        ("assessed", Decimal("35000000.00"), "USD", "about", 2022, 2023),
        ("voluntary_core", Decimal("12000000.00"), "GBP", "exact", 2018, 2021),
        ("voluntary_non_core", Decimal("85000000.00"), "GBP", "more_than", 2018, 2022)]


def test_official_development_assistance_is_not_a_contribution_to_the_ilo():
    block = _paragraph("In 2021, Japan provided US$ 17.6 billion in Official Development Assistance.")
    assert find_contributions([block]) == []


def test_evidence_is_the_sentence_and_page_is_kept():
    block = _paragraph("Norway provided assessed contributions of US$ 10 million in 2021. Other text.")
    (row,) = find_contributions([block])
    assert (row.evidence, row.page) == ("Norway provided assessed contributions of US$ 10 million in 2021.", 2)


def test_a_key_figures_label_and_the_amount_under_it_are_one_statement():
    blocks = [_paragraph("Assessed contribution, 2022–23"), _paragraph("USD 2.7 million"),
              _paragraph("Earmarked voluntary funding, 2018–2023"), _paragraph("over NZD 14 million")]
    rows = find_contributions(blocks)
    assert [(r.kind, r.amount, r.currency, r.qualifier, r.period_start, r.period_end) for r in rows] == [
        ("assessed", Decimal("2700000.00"), "USD", "exact", 2022, 2023),
        ("voluntary_non_core", Decimal("14000000.00"), "NZD", "more_than", 2018, 2023)]


def test_a_label_without_an_amount_under_it_states_nothing():
    assert find_contributions([_paragraph("Assessed contribution, 2022–23"), _paragraph("See the annex.")]) == []


def test_a_run_in_heading_gives_the_kind_of_its_paragraphs_money():
    block = _paragraph("In 2021, Irish Aid provided €1,250,000 to the ILO.")
    (row,) = find_contributions([block], "Core voluntary funding", run_in=True)
    assert (row.kind, row.currency) == ("voluntary_core", "EUR")


def test_the_same_money_stated_twice_is_one_contribution():
    key_figure = _paragraph("Assessed contribution, 2022–23: USD 2.7 million")
    sentence = _paragraph("For 2022–23 the assessed contribution of New Zealand was USD 2.7 million.")
    rows = distinct(find_contributions([key_figure]) + find_contributions([sentence]))
    assert [(r.kind, r.amount) for r in rows] == [("assessed", Decimal("2700000.00"))]


def test_a_grant_for_a_programme_is_earmarked_money():
    block = _paragraph("The Board approved a new grant of up to CHF 1.5 million for 2024–2026 for a new programme on green skills.")
    (row,) = find_contributions([block])
    assert (row.kind, row.qualifier, row.period_start, row.period_end) == ("voluntary_non_core", "up_to", 2024, 2026)


def test_money_for_the_programme_and_budget_is_not_earmarked():
    block = _paragraph("Spain paid USD 10 million for the programme and budget of the 2022–23 biennium.")
    assert all(row.kind != "voluntary_non_core" for row in find_contributions([block]))


def test_money_obligated_to_ilo_projects_is_earmarked():
    block = _paragraph("From FY2019 through FY2023, USDOL obligated more than US$ 290 million to ILO projects.")
    (row,) = find_contributions([block])
    assert (row.kind, row.qualifier, row.period_start, row.period_end) == ("voluntary_non_core", "more_than", 2019, 2023)


def test_an_amount_converted_in_brackets_is_the_same_money_once():
    block = _paragraph("Between 2018 and 2022, the Foundation contributed MXN 24 million (approximately USD 1.2 million) "
                       "to ILO programmes.")
    (row,) = find_contributions([block])
    assert (row.kind, row.amount, row.currency) == ("voluntary_non_core", Decimal("24000000.00"), "MXN")


def test_money_for_a_projects_second_phase_is_earmarked():
    block = _paragraph("In January 2023 its Board approved a further $5,000,000 MXN for the second phase of the programme in 2023–2024.")
    (row,) = find_contributions([block])
    assert (row.kind, row.currency, row.period_start, row.period_end) == ("voluntary_non_core", "MXN", 2023, 2024)


def test_a_share_of_the_money_just_stated_has_its_period():
    block = _paragraph("Over the five years 2019–2023, Austria's voluntary contributions reached EUR 14.8 million. "
                       "Of this, EUR 2.5 million was un-earmarked core funding to the RBSA.")
    core = next(row for row in find_contributions([block]) if row.kind == "voluntary_core")
    assert (core.period_start, core.period_end) == (2019, 2023)


def test_each_amount_takes_its_kind_from_its_own_clause_and_its_nearest_year():
    block = _paragraph("Since 2019 its institutions have provided more than US$ 4.5 mn in earmarked funding for ILO projects, "
                       "and in 2021 the MoLSS made an un-earmarked contribution of US$ 750k to the RBSA.")
    rows = {(r.kind, r.amount, r.period_start, r.period_end) for r in find_contributions([block])}
    assert rows == {("voluntary_non_core", Decimal("4500000.00"), 2019, None), ("voluntary_core", Decimal("750000.00"), 2021, 2021)}


def test_an_amount_takes_the_year_of_its_own_clause_over_a_range_in_another():
    block = _paragraph("In 2021 the ARF granted R 12,5 million for an ILO project for 2021–2023, and in 2022 South Africa "
                       "paid its first un-earmarked contribution to the ILO's RBSA, US$ 750k.")
    rows = {(r.currency, r.period_start, r.period_end) for r in find_contributions([block])}
    assert rows == {("ZAR", 2021, 2023), ("USD", 2022, 2022)}


def test_words_after_an_abbreviated_scale_still_say_the_amounts_kind():
    block = _paragraph("Since 2016 the City has contributed € 3,5 Mio. to ILO projects, all of it earmarked. For 2024–2025 "
                       "the Council has approved up to € 1,2 Mio. for a new programme on port labour.")
    rows = {(r.kind, r.amount, r.qualifier) for r in find_contributions([block])}
    assert rows == {("voluntary_non_core", Decimal("3500000.00"), "exact"),
                    ("voluntary_non_core", Decimal("1200000.00"), "up_to")}


def test_money_for_both_the_rbsa_and_projects_is_voluntary_of_neither_kind_alone():
    block = _paragraph("Under the agreement Luxembourg will provide up to EUR 12 million in voluntary funding, both to the "
                       "RBSA and to projects.")
    assert [(r.kind, r.qualifier) for r in find_contributions([block])] == [("voluntary", "up_to")]


def test_a_loan_is_no_contribution():
    block = _paragraph("The renovation (2016–2020) was financed in part by an interest-free loan of CHF 80 million granted "
                       "by the Confederation, to be repaid by the ILO over 50 years.")
    assert find_contributions([block]) == []


def test_a_table_with_a_row_per_year_and_a_column_per_kind_gives_each_filled_cell():
    rows = [["Year", "Assessed contribution (CHF)", "Voluntary core – RBSA (CHF)", "Voluntary earmarked (CHF)"],
            ["2020", "243,150", "–", "215,500"], ["2021", "236,980", "100,000", "302,750"],
            ["Total 2019–2023", "1,211,660", "350,000", "1,493,450"]]
    table = Block(kind="table", text="", page=1, size=9.5, rows=rows)
    found = {(c.kind, c.amount, c.period_start, c.period_end) for c in find_contributions([table])}
    assert found == {("assessed", Decimal("243150.00"), 2020, 2020), ("voluntary_non_core", Decimal("215500.00"), 2020, 2020),
                     ("assessed", Decimal("236980.00"), 2021, 2021), ("voluntary_core", Decimal("100000.00"), 2021, 2021),
                     ("voluntary_non_core", Decimal("302750.00"), 2021, 2021), ("assessed", Decimal("1211660.00"), 2019, 2023),
                     ("voluntary_core", Decimal("350000.00"), 2019, 2023), ("voluntary_non_core", Decimal("1493450.00"), 2019, 2023)}


def test_a_table_of_bienniums_with_one_column_of_assessed_amounts_gives_each():
    rows = [["Biennium", "Assessed contribution (CHF)", "Share of total"], ["2020–21", "2,598,410", "0.33%"],
            ["2022–23", "2,741,900", "0.34%"]]
    table = Block(kind="table", text="", page=1, size=10.9, rows=rows)
    assert {(c.kind, c.amount, c.period_start, c.period_end) for c in find_contributions([table])} == {
        ("assessed", Decimal("2598410.00"), 2020, 2021), ("assessed", Decimal("2741900.00"), 2022, 2023)}


def test_un_earmarked_with_its_hyphen_lost_is_still_core_and_money_for_the_ilos_project_earmarked():
    block = _paragraph("In 2022 the MoLE contributed USD 2.5mn in un earmarked funds to the ILO's Regular Budget Supplementary "
                       "Account (RBSA). In 2023 the MSDE agreed to contribute €0.8 million for 2023–2025 to the ILO's project on "
                       "skills recognition.")
    assert {(c.kind, c.currency) for c in find_contributions([block])} == {("voluntary_core", "USD"), ("voluntary_non_core", "EUR")}
