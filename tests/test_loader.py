"""The warehouse loader against real DuckDB files."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from schemas import CheckFailure
from parsers.frames import stack
from tables_factory import valid_brief, valid_records
from warehouse import (
    finish_run,
    load_batch,
    load_brief,
    load_briefs,
    loaded_sha256s,
    open_warehouse,
    record_checks,
    record_files,
    start_run,
)
from warehouse.loader import BRIEF_TABLES

T0 = dt.datetime(2024, 5, 1, 12, 0)
CONTRACT_TYPES = {
    "briefs": {
        "brief_id": "VARCHAR", "sha256": "VARCHAR", "source_file": "VARCHAR", "partner": "VARCHAR",
        "partner_iso3": "VARCHAR", "title": "VARCHAR", "published": "DATE", "page_count": "INTEGER",
        "conventions_ratified": "INTEGER", "fundamental_conventions": "INTEGER",
        "governance_conventions": "INTEGER", "technical_conventions": "INTEGER",
        "protocols_ratified": "INTEGER", "contact_email": "VARCHAR", "contact_phone": "VARCHAR",
        "ingested_at": "TIMESTAMP", "run_id": "VARCHAR", "is_current": "BOOLEAN",
    },
    "contributions": {
        "brief_id": "VARCHAR", "kind": "VARCHAR", "amount": "DECIMAL(18,2)", "currency": "VARCHAR",
        "qualifier": "VARCHAR", "period_start": "INTEGER", "period_end": "INTEGER", "page": "INTEGER",
        "evidence": "VARCHAR",
    },
    "indicators": {
        "brief_id": "VARCHAR", "name": "VARCHAR", "value": "DOUBLE", "year": "INTEGER",
        "page": "INTEGER", "evidence": "VARCHAR",
    },
    "projects": {
        "project_id": "VARCHAR", "brief_id": "VARCHAR", "title": "VARCHAR", "start_year": "INTEGER",
        "end_year": "INTEGER", "description": "VARCHAR", "page": "INTEGER",
    },
    "project_countries": {"project_id": "VARCHAR", "brief_id": "VARCHAR", "iso3": "VARCHAR", "country": "VARCHAR"},
    "project_funders": {"project_id": "VARCHAR", "brief_id": "VARCHAR", "agency": "VARCHAR"},
    "agencies": {"brief_id": "VARCHAR", "name": "VARCHAR", "acronym": "VARCHAR", "kind": "VARCHAR"},
    "priorities": {"brief_id": "VARCHAR", "ordinal": "INTEGER", "text": "VARCHAR"},
    "sections": {
        "brief_id": "VARCHAR", "ordinal": "INTEGER", "heading": "VARCHAR", "body": "VARCHAR",
        "page_start": "INTEGER", "page_end": "INTEGER",
    },
}


@pytest.fixture
def con(tmp_path: Path):
    connection = open_warehouse(tmp_path / "warehouse" / "briefs.duckdb")
    yield connection
    connection.close()


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in BRIEF_TABLES}


def current(con: duckdb.DuckDBPyConnection) -> list[tuple[str, bool]]:
    return con.execute("SELECT brief_id, is_current FROM briefs ORDER BY published NULLS FIRST").fetchall()


def assert_same_rows(one: duckdb.DuckDBPyConnection, other: duckdb.DuckDBPyConnection) -> None:
    """Both warehouses hold the same rows in every brief table."""
    for table in BRIEF_TABLES:
        query = f"SELECT * FROM {table} ORDER BY ALL"
        assert one.execute(query).fetchall() == other.execute(query).fetchall(), table


def test_open_warehouse_creates_folder_and_contract_tables(tmp_path: Path) -> None:
    con = open_warehouse(tmp_path / "new" / "w.duckdb")
    for table, columns in CONTRACT_TYPES.items():
        declared = con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
            [table],
        ).fetchall()
        assert dict(declared) == columns, table
    con.close()


def test_open_warehouse_twice_keeps_loaded_rows(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    con = open_warehouse(path)
    load_brief(con, valid_brief(), "run-1", T0)
    con.close()
    con = open_warehouse(path)
    assert row_counts(con)["briefs"] == 1
    con.close()


def test_load_brief_reports_rows_per_table(con) -> None:
    tables = valid_brief()
    assert load_brief(con, tables, "run-1", T0) == {t: len(tables[t]) for t in BRIEF_TABLES}
    assert row_counts(con) == {t: len(tables[t]) for t in BRIEF_TABLES}


def test_load_brief_stamps_run_and_ingest_time(con) -> None:
    load_brief(con, valid_brief(), "run-1", T0)
    assert con.execute("SELECT run_id, ingested_at FROM briefs").fetchall() == [("run-1", T0)]


def test_aware_ingest_time_is_stored_as_utc(con) -> None:
    tokyo = dt.timezone(dt.timedelta(hours=9))
    load_brief(con, valid_brief(), "run-1", dt.datetime(2024, 5, 1, 21, 0, tzinfo=tokyo))
    assert con.execute("SELECT ingested_at FROM briefs").fetchone()[0] == T0


def test_money_round_trips_exactly_as_decimal(con) -> None:
    tables = valid_brief()
    tables["contributions"].loc[1, "amount"] = Decimal("9999999999999999.99")
    load_brief(con, tables, "run-1", T0)
    amounts = [a for (a,) in con.execute("SELECT amount FROM contributions ORDER BY amount").fetchall()]
    assert amounts == [Decimal("34142216.00"), Decimal("9999999999999999.99")]
    assert all(isinstance(a, Decimal) for a in amounts)


def test_money_below_one_keeps_its_cents(con) -> None:
    load_brief(con, valid_brief(), "run-1", T0)
    assert con.execute("SELECT amount FROM contributions WHERE amount < 1").fetchall() == [(Decimal("0.10"),)]


def test_money_given_as_float_is_refused(con) -> None:
    tables = valid_brief()
    tables["contributions"].loc[1, "amount"] = 0.1
    with pytest.raises(TypeError, match="decimal.Decimal"):
        load_brief(con, tables, "run-1", T0)
    assert row_counts(con)["briefs"] == 0


def test_empty_object_dtype_tables_load_no_rows(con) -> None:
    tables = valid_brief()
    tables["project_funders"] = pd.DataFrame(columns=tables["project_funders"].columns)
    tables["sections"] = pd.DataFrame(columns=tables["sections"].columns)
    counts = load_brief(con, tables, "run-1", T0)
    assert counts["project_funders"] == counts["sections"] == 0
    assert row_counts(con)["projects"] == 2


def test_published_as_datetime64_loads_as_date(con) -> None:
    tables = valid_brief()
    tables["briefs"]["published"] = pd.to_datetime(tables["briefs"]["published"])
    load_brief(con, tables, "run-1", T0)
    assert con.execute("SELECT published FROM briefs").fetchone()[0] == dt.date(2023, 4, 1)


def test_failure_mid_load_leaves_no_rows_of_the_brief(con) -> None:
    tables = valid_brief()
    tables["sections"].loc[1, "ordinal"] = 1  # primary key clash in the last table
    with pytest.raises(duckdb.ConstraintException):
        load_brief(con, tables, "run-1", T0)
    assert row_counts(con) == dict.fromkeys(BRIEF_TABLES, 0)


def test_failed_load_leaves_earlier_briefs_and_connection_usable(con) -> None:
    load_brief(con, valid_brief(b"2022 edition", published=dt.date(2022, 4, 1)), "run-1", T0)
    broken = valid_brief(b"2023 edition")
    broken["sections"].loc[1, "ordinal"] = 1
    with pytest.raises(duckdb.ConstraintException):
        load_brief(con, broken, "run-1", T0)
    assert current(con) == [(valid_brief(b"2022 edition")["briefs"].at[0, "brief_id"], True)]
    assert load_brief(con, valid_brief(b"2023 edition"), "run-1", T0)["briefs"] == 1


def test_same_bytes_twice_is_unchanged_and_adds_no_rows(con) -> None:
    load_brief(con, valid_brief(), "run-1", T0)
    before = row_counts(con)
    assert load_brief(con, valid_brief(), "run-2", T0 + dt.timedelta(days=1)) == {}
    assert row_counts(con) == before
    assert con.execute("SELECT run_id FROM briefs").fetchall() == [("run-1",)]


def test_loaded_sha256s_know_loaded_bytes(con) -> None:
    tables = valid_brief()
    sha256 = tables["briefs"].at[0, "sha256"]
    assert loaded_sha256s(con) == set()
    load_brief(con, tables, "run-1", T0)
    assert loaded_sha256s(con) == {sha256}


@pytest.mark.parametrize("newer_first", [False, True], ids=["older_first", "newer_first"])
def test_latest_published_edition_is_current_whatever_the_load_order(con, newer_first: bool) -> None:
    older = valid_brief(b"2022 edition", published=dt.date(2022, 4, 1))
    newer = valid_brief(b"2023 edition", published=dt.date(2023, 4, 1))
    for tables in [newer, older] if newer_first else [older, newer]:
        load_brief(con, tables, "run-1", T0)
    assert current(con) == [
        (older["briefs"].at[0, "brief_id"], False),
        (newer["briefs"].at[0, "brief_id"], True),
    ]


def test_edition_without_published_date_counts_as_oldest(con) -> None:
    dated = valid_brief(b"dated", published=dt.date(2021, 1, 1))
    undated = valid_brief(b"undated", published=None)
    load_brief(con, dated, "run-1", T0)
    load_brief(con, undated, "run-2", T0 + dt.timedelta(days=1))
    assert current(con) == [
        (undated["briefs"].at[0, "brief_id"], False),
        (dated["briefs"].at[0, "brief_id"], True),
    ]


def test_same_published_date_goes_to_the_latest_ingested(con) -> None:
    first, second = valid_brief(b"first"), valid_brief(b"second")
    load_brief(con, second, "run-2", T0 + dt.timedelta(days=1))
    load_brief(con, first, "run-1", T0)
    is_current = dict(con.execute("SELECT brief_id, is_current FROM briefs").fetchall())
    assert is_current == {second["briefs"].at[0, "brief_id"]: True, first["briefs"].at[0, "brief_id"]: False}


def test_new_edition_leaves_other_partners_current(con) -> None:
    japan = valid_brief(b"japan", partner="Japan", published=dt.date(2022, 1, 1))
    korea = valid_brief(b"korea", partner="Korea", published=dt.date(2021, 1, 1))
    load_brief(con, japan, "run-1", T0)
    load_brief(con, korea, "run-1", T0)
    assert con.execute("SELECT partner FROM briefs WHERE is_current ORDER BY partner").fetchall() == [
        ("Japan",), ("Korea",)
    ]


def test_finish_run_counts_the_runs_files(con) -> None:
    start_run(con, "run-1", T0)
    record_files(con, "run-1", [
        {"source_file": "a.pdf", "sha256": "aa", "status": "loaded", "seconds": 1.5, "brief_id": "a", "rows": 12},
        {"source_file": "b.pdf", "sha256": "bb", "status": "unchanged", "reason": "same bytes already loaded", "seconds": 0.1},
        {"source_file": "c.pdf", "sha256": "cc", "status": "quarantined", "reason": "2 checks failed", "seconds": 0.7},
    ])
    counts = finish_run(con, "run-1", T0 + dt.timedelta(minutes=1), "succeeded")
    assert counts == {"files_seen": 3, "loaded": 1, "unchanged": 1, "quarantined": 1}
    assert con.execute("SELECT status, finished_at, files_seen FROM ingest_runs").fetchall() == [
        ("succeeded", T0 + dt.timedelta(minutes=1), 3)
    ]


def test_started_run_is_visible_as_running(con) -> None:
    start_run(con, "run-1", T0)
    assert con.execute("SELECT run_id, status, finished_at FROM ingest_runs").fetchall() == [
        ("run-1", "running", None)
    ]


def test_record_files_stores_reason_and_additions(con) -> None:
    record_files(con, "run-1", [{
        "source_file": "c.pdf", "sha256": "cc", "status": "quarantined", "reason": "partner is missing",
        "seconds": 0.7, "partner": "Japan", "published": dt.date(2023, 4, 1),
    }])
    assert con.execute("SELECT source_file, status, reason, partner, published FROM ingest_files").fetchall() == [
        ("c.pdf", "quarantined", "partner is missing", "Japan", dt.date(2023, 4, 1))
    ]


def test_record_checks_stores_one_row_per_failure(con) -> None:
    failures = [
        CheckFailure("briefs", "iso3_exists", "partner_iso3", 1, "error", "XXX"),
        CheckFailure("contributions", "has_contributions", None, 1, "warning", "0 rows"),
    ]
    record_checks(con, "run-1", "0123456789abcdef", failures)
    assert con.execute(
        "SELECT run_id, brief_id, table_name, check_name, column_name, failures, severity, example "
        "FROM quality_checks ORDER BY table_name"
    ).fetchall() == [
        ("run-1", "0123456789abcdef", "briefs", "iso3_exists", "partner_iso3", 1, "error", "XXX"),
        ("run-1", "0123456789abcdef", "contributions", "has_contributions", None, 1, "warning", "0 rows"),
    ]


def test_record_checks_without_failures_writes_nothing(con) -> None:
    record_checks(con, "run-1", "0123456789abcdef", [])
    assert con.execute("SELECT count(*) FROM quality_checks").fetchone()[0] == 0


def test_load_briefs_writes_the_same_rows_as_loading_one_by_one(tmp_path: Path) -> None:
    briefs = [valid_brief(b"a"), valid_brief(b"b", partner="Norway"), valid_brief(b"c", published=None)]
    together, apart = open_warehouse(tmp_path / "together.duckdb"), open_warehouse(tmp_path / "apart.duckdb")
    results = load_briefs(together, briefs, "run-1", T0)
    for tables in briefs:
        load_brief(apart, tables, "run-1", T0)
    assert_same_rows(together, apart)
    assert [r.rows for r in results] == [{t: len(b[t]) for t in BRIEF_TABLES} for b in briefs]
    together.close()
    apart.close()


def test_a_batch_of_records_loads_the_rows_its_briefs_load_one_by_one(tmp_path: Path) -> None:
    briefs = [valid_records(b"a"), valid_records(b"b", partner="Norway"), valid_records(b"c", published=None)]
    batch, apart = open_warehouse(tmp_path / "batch.duckdb"), open_warehouse(tmp_path / "apart.duckdb")
    results = load_batch(batch, stack(briefs), "run-1", T0)
    for position in range(len(briefs)):
        load_brief(apart, stack(briefs).brief(position), "run-1", T0)
    assert_same_rows(batch, apart)
    assert [r.rows for r in results] == [{t: len(b[t]) for t in BRIEF_TABLES} for b in briefs]
    batch.close()
    apart.close()


def test_a_batch_skips_only_the_bytes_already_loaded(con) -> None:
    load_brief(con, valid_brief(b"b"), "run-1", T0)
    results = load_batch(con, stack([valid_records(b"a"), valid_records(b"b"), valid_records(b"c")]), "run-2", T0)
    assert [bool(r.rows) for r in results] == [True, False, True]
    assert con.execute("SELECT run_id, count(*) FROM briefs GROUP BY ALL ORDER BY ALL").fetchall() == [
        ("run-1", 1), ("run-2", 2)]
    assert con.execute("SELECT count(DISTINCT brief_id) FROM sections").fetchone() == (3,)


def test_load_briefs_keeps_out_only_the_brief_the_warehouse_refuses(con) -> None:
    broken = valid_brief(b"b")
    broken["sections"].loc[1, "ordinal"] = 1  # primary key clash
    results = load_briefs(con, [valid_brief(b"a"), broken, valid_brief(b"c")], "run-1", T0)
    assert [bool(r.rows) for r in results] == [True, False, True]
    assert results[1].error and "ConstraintException" in results[1].error
    assert row_counts(con)["briefs"] == 2
    assert con.execute("SELECT count(*) FROM sections WHERE brief_id = ?", [broken["briefs"].at[0, "brief_id"]]).fetchone() == (0,)


def test_load_briefs_skips_bytes_already_loaded(con) -> None:
    load_brief(con, valid_brief(b"a"), "run-1", T0)
    results = load_briefs(con, [valid_brief(b"a"), valid_brief(b"b")], "run-2", T0)
    assert [r.rows == {} for r in results] == [True, False]
    assert row_counts(con)["briefs"] == 2


def test_load_briefs_marks_the_latest_edition_of_each_partner_whatever_the_order(con) -> None:
    old = valid_brief(b"2022", published=dt.date(2022, 4, 1))
    new = valid_brief(b"2023", published=dt.date(2023, 4, 1))
    norway = valid_brief(b"norway", partner="Norway")
    load_briefs(con, [new, norway, old], "run-1", T0)
    assert sorted(current(con)) == sorted([
        (new["briefs"].at[0, "brief_id"], True), (old["briefs"].at[0, "brief_id"], False),
        (norway["briefs"].at[0, "brief_id"], True)])


def test_record_files_writes_every_file_even_past_one_statement(con) -> None:
    from warehouse.loader import FILES_PER_INSERT

    files = [{"source_file": f"{n}.pdf", "status": "unchanged", "seconds": 0.1} for n in range(FILES_PER_INSERT + 3)]
    record_files(con, "run-1", files)
    assert con.execute("SELECT count(*), count(DISTINCT source_file) FROM ingest_files WHERE run_id = 'run-1'"
                       ).fetchone() == (len(files), len(files))
