"""Validation of parsed briefs: what fails, at which severity, and how it is reported."""

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

from parsers.frames import stack, to_frames
from schemas import CheckFailure, has_errors, validate_batch, validate_brief, validate_briefs
from tables_factory import frame, valid_brief, valid_records


def found(tables: dict[str, pd.DataFrame], severity: str = "error") -> set[tuple[str, str, str | None]]:
    """(table, check, column) of every failure at `severity`."""
    return {
        (f.table_name, f.check_name, f.column_name)
        for f in validate_brief(tables)
        if f.severity == severity
    }


def test_valid_brief_has_no_failures() -> None:
    assert validate_brief(valid_brief()) == []


def test_empty_object_dtype_tables_are_valid() -> None:
    tables = valid_brief()
    for table in ("project_countries", "project_funders", "priorities", "sections"):
        tables[table] = pd.DataFrame(columns=tables[table].columns)
    assert validate_brief(tables) == []


def test_published_as_datetime64_is_accepted() -> None:
    tables = valid_brief()
    tables["briefs"]["published"] = pd.to_datetime(tables["briefs"]["published"])
    assert validate_brief(tables) == []


def test_plain_int64_columns_are_accepted() -> None:
    tables = valid_brief()
    tables["sections"]["ordinal"] = tables["sections"]["ordinal"].astype("int64")
    assert validate_brief(tables) == []


def _set(table: str, row: int = 0, **values: object):
    """A mutation setting cells of one row; a column goes to object dtype to take any value."""

    def mutate(tables: dict[str, pd.DataFrame]) -> None:
        for column, value in values.items():
            if not isinstance(value, int | None):
                tables[table][column] = tables[table][column].astype(object)
            tables[table].loc[row, column] = value

    return mutate


def _duplicate_first_row(table: str):
    def mutate(tables: dict[str, pd.DataFrame]) -> None:
        tables[table] = pd.concat([tables[table], tables[table].iloc[:1]], ignore_index=True)

    return mutate


ERROR_CASES = {
    "partner_missing": (_set("briefs", partner=None), "briefs", "not_nullable", "partner"),
    "brief_id_not_16_hex": (
        _set("briefs", brief_id="XYZ"), "briefs", "str_matches('^[0-9a-f]{16}$')", "brief_id"),
    "sha256_not_64_hex": (
        _set("briefs", sha256="abc"), "briefs", "str_matches('^[0-9a-f]{64}$')", "sha256"),
    "brief_id_not_sha256_prefix": (
        _set("briefs", sha256="f" * 64), "briefs", "brief_id_is_sha256_prefix", "brief_id,sha256"),
    "partner_iso3_unknown": (_set("briefs", partner_iso3="XXX"), "briefs", "iso3_exists", "partner_iso3"),
    "partner_iso3_lowercase": (_set("briefs", partner_iso3="jpn"), "briefs", "iso3_exists", "partner_iso3"),
    "published_not_first_of_month": (
        _set("briefs", published=dt.date(2023, 4, 15)), "briefs", "first_of_month", "published"),
    "page_count_zero": (_set("briefs", page_count=0), "briefs", "greater_than_or_equal_to(1)", "page_count"),
    "conventions_over_200": (
        _set("briefs", conventions_ratified=201), "briefs", "in_range(0, 200)", "conventions_ratified"),
    "protocols_negative": (
        _set("briefs", protocols_ratified=-1), "briefs", "greater_than_or_equal_to(0)", "protocols_ratified"),
    "conventions_do_not_add_up": (
        _set("briefs", technical_conventions=40), "briefs", "conventions_add_up",
        "conventions_ratified,fundamental_conventions,governance_conventions,technical_conventions"),
    "integer_given_as_text": (
        _set("briefs", page_count="four"), "briefs", "coerce_dtype('Int64')", "page_count"),
    "contribution_kind_unknown": (
        _set("contributions", kind="gift"), "contributions",
        "isin(('assessed', 'voluntary_core', 'voluntary_non_core', 'voluntary', 'total'))", "kind"),
    "qualifier_unknown": (
        _set("contributions", qualifier="roughly"), "contributions",
        "isin(('exact', 'more_than', 'about', 'up_to'))", "qualifier"),
    "currency_not_iso4217": (_set("contributions", currency="XYZ"), "contributions", "iso4217_exists", "currency"),
    "amount_zero": (_set("contributions", amount=Decimal("0.00")), "contributions", "greater_than(0)", "amount"),
    "amount_as_float": (_set("contributions", amount=0.1), "contributions", "dtype('Decimal(18, 2)')", "amount"),
    "amount_with_three_decimals": (
        _set("contributions", amount=Decimal("1.005")), "contributions", "dtype('Decimal(18, 2)')", "amount"),
    "amount_missing": (_set("contributions", amount=None), "contributions", "not_nullable", "amount"),
    "year_before_1900": (
        _set("contributions", period_start=1899), "contributions", "in_range(1900, 2100)", "period_start"),
    "period_end_before_start": (
        _set("contributions", period_end=2017), "contributions", "period_end_not_before_start",
        "period_start,period_end"),
    "page_zero": (_set("indicators", page=0), "indicators", "greater_than_or_equal_to(1)", "page"),
    "indicator_name_unknown": (
        _set("indicators", name="gdp"), "indicators",
        "isin(('oda_usd', 'oda_gni_percent', 'oda_donor_rank'))", "name"),
    "end_year_before_start": (
        _set("projects", end_year=2020), "projects", "end_year_not_before_start", "start_year,end_year"),
    "project_key_duplicated": (
        _duplicate_first_row("projects"), "projects", "multiple_fields_uniqueness", "project_id,brief_id"),
    "project_country_unknown": (_set("project_countries", iso3="XXA"), "project_countries", "iso3_exists", "iso3"),
    "project_country_key_duplicated": (
        _duplicate_first_row("project_countries"), "project_countries", "multiple_fields_uniqueness",
        "project_id,brief_id,iso3"),
    "project_country_for_unknown_project": (
        _set("project_countries", project_id="nowhere"), "project_countries", "project_exists", "project_id"),
    "project_funder_key_duplicated": (
        _duplicate_first_row("project_funders"), "project_funders", "multiple_fields_uniqueness",
        "project_id,brief_id,agency"),
    "project_funder_for_unknown_project": (
        _set("project_funders", project_id="nowhere"), "project_funders", "project_exists", "project_id"),
    "agency_kind_unknown": (
        _set("agencies", kind="ngo"), "agencies", "isin(('government', 'private'))", "kind"),
    "priority_ordinal_duplicated": (
        _set("priorities", ordinal=2), "priorities", "multiple_fields_uniqueness", "brief_id,ordinal"),
    "section_ordinal_duplicated": (
        _set("sections", ordinal=2), "sections", "multiple_fields_uniqueness", "brief_id,ordinal"),
    "section_page_end_before_start": (
        _set("sections", page_end=1, row=1), "sections", "page_end_not_before_start", "page_start,page_end"),
    "child_row_from_another_brief": (
        _set("agencies", brief_id="0123456789abcdef"), "agencies", "brief_id_matches_briefs", "brief_id"),
}


@pytest.mark.parametrize("case", ERROR_CASES, ids=list(ERROR_CASES))
def test_error_check_fires_on(case: str) -> None:
    mutate, table, check, column = ERROR_CASES[case]
    tables = valid_brief()
    mutate(tables)
    assert (table, check, column) in found(tables)
    assert has_errors(validate_brief(tables))


def test_more_than_one_brief_row_is_an_error() -> None:
    tables = valid_brief()
    _duplicate_first_row("briefs")(tables)
    assert ("briefs", "one_row", None) in found(tables)


def test_missing_column_is_an_error_named_for_the_column() -> None:
    tables = valid_brief()
    tables["contributions"] = tables["contributions"].drop(columns=["currency"])
    assert ("contributions", "column_in_dataframe", "currency") in found(tables)


def test_unexpected_column_is_an_error_named_for_the_column() -> None:
    tables = valid_brief()
    tables["projects"]["countries"] = "IDN"
    assert ("projects", "column_in_schema", "countries") in found(tables)


def test_missing_table_is_an_error() -> None:
    tables = valid_brief()
    del tables["sections"]
    assert found(tables) == {("sections", "table_present", None)}


def test_conventions_are_not_summed_when_a_part_is_unstated() -> None:
    tables = valid_brief()
    tables["briefs"].loc[0, "technical_conventions"] = None
    assert validate_brief(tables) == []


def test_no_contributions_is_only_a_warning() -> None:
    tables = valid_brief()
    tables["contributions"] = frame("contributions", [])
    assert found(tables, "warning") == {("contributions", "has_contributions", None)}
    assert not has_errors(validate_brief(tables))


WARNING_CASES = {
    "published_missing": (_set("briefs", published=None), "briefs", "published_present", "published"),
    "contact_email_missing": (
        _set("briefs", contact_email=None), "briefs", "contact_email_present", "contact_email"),
    "contribution_evidence_missing": (
        _set("contributions", evidence=None), "contributions", "evidence_present", "evidence"),
    "indicator_evidence_blank": (
        _set("indicators", evidence="  "), "indicators", "evidence_present", "evidence"),
    "project_without_years": (
        _set("projects", start_year=None, end_year=None),
        "projects", "years_stated", "title"),
    "project_description_empty": (
        _set("projects", description=""), "projects", "description_present", "title"),
    "funder_not_among_agencies": (
        _set("project_funders", agency="JICA"), "project_funders", "agency_known", "agency"),
}


@pytest.mark.parametrize("case", WARNING_CASES, ids=list(WARNING_CASES))
def test_warning_check_fires_without_error_on(case: str) -> None:
    mutate, table, check, column = WARNING_CASES[case]
    tables = valid_brief()
    mutate(tables)
    assert found(tables, "warning") == {(table, check, column)}
    assert not has_errors(validate_brief(tables))


def test_all_failures_are_collected_in_one_call() -> None:
    tables = valid_brief()
    tables["briefs"].loc[0, "partner_iso3"] = "XXX"
    tables["contributions"].loc[1, "currency"] = "usd"
    tables["sections"].loc[1, "ordinal"] = 1
    tables["indicators"].loc[0, "evidence"] = None
    assert found(tables) == {
        ("briefs", "iso3_exists", "partner_iso3"),
        ("contributions", "iso4217_exists", "currency"),
        ("sections", "multiple_fields_uniqueness", "brief_id,ordinal"),
    }
    assert found(tables, "warning") == {("indicators", "evidence_present", "evidence")}


def test_failure_counts_rows_and_shows_their_values() -> None:
    tables = valid_brief()
    tables["project_countries"]["iso3"] = ["XXA", "XXB"]
    [failure] = validate_brief(tables)
    assert failure == CheckFailure(
        "project_countries", "iso3_exists", "iso3", 2, "error", "XXA; XXB"
    )


def test_row_check_example_shows_only_the_columns_involved() -> None:
    tables = valid_brief()
    tables["contributions"].loc[0, "period_end"] = 2017
    [failure] = validate_brief(tables)
    assert failure.example == "period_start=2018, period_end=2017"


def test_garbage_is_reported_not_raised() -> None:
    tables = valid_brief()
    tables["briefs"] = pd.DataFrame({"published": ["April 2023"], "page_count": [[4]], "junk": [object()]})
    tables["contributions"] = tables["contributions"].astype(object).assign(period_start=["x", None])
    tables["sections"] = pd.DataFrame({"x": [1, 2]})
    failures = validate_brief(tables)
    assert has_errors(failures)
    assert {"briefs", "contributions", "sections"} <= {f.table_name for f in failures}


def _mutated(mutate) -> dict[str, pd.DataFrame]:
    tables = valid_brief(b"the odd one")
    mutate(tables)
    return tables


BATCH_CASES = {
    **{name: case[0] for name, case in {**ERROR_CASES, **WARNING_CASES}.items()},
    "valid": lambda tables: None,
    "two_brief_rows": _duplicate_first_row("briefs"),
    "no_contributions": lambda tables: tables.update(contributions=frame("contributions", [])),
    "column_missing": lambda tables: tables.update(contributions=tables["contributions"].drop(columns=["currency"])),
    "table_missing": lambda tables: tables.pop("sections"),
    "published_as_datetime64": _set("briefs", published=pd.Timestamp("2023-04-01")),
}


@pytest.mark.parametrize("case", BATCH_CASES, ids=list(BATCH_CASES))
def test_briefs_validated_together_fail_as_each_does_alone(case: str) -> None:
    odd = _mutated(BATCH_CASES[case])
    batch = [valid_brief(b"first"), odd, valid_brief(b"last", partner="Norway")]
    assert validate_briefs(batch) == [[], validate_brief(odd), []]


def test_failures_are_traced_to_the_brief_of_their_row_when_several_fail() -> None:
    first, second = valid_brief(b"first"), valid_brief(b"second")
    first["project_countries"]["iso3"] = ["XXA", "XXB"]
    second["contributions"].loc[0, "period_end"] = 2017
    assert validate_briefs([first, second]) == [validate_brief(first), validate_brief(second)]
    assert [len(failures) for failures in validate_briefs([first, second])] == [1, 1]


def _as_records(tables: dict[str, pd.DataFrame]) -> dict[str, list[dict]]:
    """A brief's frames back as the rows an extraction child hands over."""
    return {table: frame.astype(object).where(frame.notna(), None).to_dict("records") for table, frame in tables.items()}


# What an extraction child can hand over: every table, every column, integers as integers.
RECORD_CASES = {
    name: mutate for name, mutate in BATCH_CASES.items()
    if name not in ("column_missing", "table_missing", "integer_given_as_text")
}


@pytest.mark.parametrize("case", RECORD_CASES, ids=list(RECORD_CASES))
def test_a_batch_of_records_fails_as_each_brief_does_alone(case: str) -> None:
    odd = _as_records(_mutated(RECORD_CASES[case]))
    batch = stack([valid_records(b"first"), odd, valid_records(b"last", partner="Norway")])
    alone = validate_brief(to_frames(odd))
    assert validate_batch(batch) == [[], alone, []]
    assert alone or case in ("valid", "published_as_datetime64")


def test_a_batch_traces_failures_to_their_brief_when_several_fail() -> None:
    first, second = valid_records(b"first"), valid_records(b"second")
    first["project_countries"][0]["iso3"] = "XXA"
    second["contributions"][0]["period_end"] = 2017
    found_together = validate_batch(stack([first, second]))
    assert found_together == [validate_brief(to_frames(first)), validate_brief(to_frames(second))]
    assert [{f.check_name for f in failures} for failures in found_together] == [
        {"iso3_exists"}, {"period_end_not_before_start"}]


def test_building_the_schemas_loads_no_dask_when_dask_dataframe_cannot_be_imported() -> None:
    import subprocess
    import sys

    check = ("import importlib.util, sys; from schemas.tables import ERROR_MODELS; "
             "[model.to_schema() for model in ERROR_MODELS.values()]; "
             "print(importlib.util.find_spec('pyarrow') is None, 'dask.array' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout.split()
    if found[0] != "True":
        pytest.skip("pyarrow is installed: dask.dataframe can be imported, and Pandera does")
    assert found[1] == "False"
