"""Exporting the warehouse to files, and ad-hoc SQL from the command line."""

from __future__ import annotations

import csv
from decimal import Decimal

import duckdb
import pytest
from typer.testing import CliRunner

from briefs.cli import app
from briefs.export import ANALYST_VIEWS, CONTRACT_TABLES, export_tables, run_sql
from briefs.reading import WarehouseUnavailable
from warehouse.loader import open_warehouse

WIDE = {"COLUMNS": "200"}


@pytest.fixture(scope="module")
def db(japan_with_rejections_warehouse):
    return japan_with_rejections_warehouse[0]


@pytest.fixture(scope="module")
def row_counts(db) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                for name in (*CONTRACT_TABLES, *ANALYST_VIEWS)}


def test_cli_export_parquet_reads_back_into_duckdb_with_identical_row_counts(db, row_counts, tmp_path):
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "parquet", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    with duckdb.connect() as con:
        exported = {name: con.execute("SELECT count(*) FROM read_parquet(?)", [str(tmp_path / f"{name}.parquet")]
                                      ).fetchone()[0] for name in row_counts}
    assert exported == row_counts
    assert row_counts["projects"] > 0 and row_counts["ingest_files"] == 3


def test_export_writes_one_file_per_contract_table_and_analyst_view(db, tmp_path):
    written = export_tables(db, "csv", tmp_path)
    assert sorted(path.name for path in written) == sorted(f"{name}.csv" for name in (*CONTRACT_TABLES, *ANALYST_VIEWS))
    assert sorted(tmp_path.iterdir()) == sorted(written)


def test_cli_export_defaults_to_a_folder_beside_the_warehouse(db):
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert (db.parent / "export" / "briefs.csv").is_file()


def test_parquet_export_keeps_amounts_decimal(db, tmp_path):
    export_tables(db, "parquet", tmp_path)
    with duckdb.connect() as con:
        kind = con.execute("SELECT typeof(amount) FROM read_parquet(?) LIMIT 1",
                           [str(tmp_path / "contributions.parquet")]).fetchone()[0]
        amounts = con.execute("SELECT amount FROM read_parquet(?)", [str(tmp_path / "contributions.parquet")]).fetchall()
    assert kind == "DECIMAL(18,2)"
    assert all(isinstance(amount, Decimal) for (amount,) in amounts)


def test_csv_export_has_a_header_and_exact_amounts(db, tmp_path):
    export_tables(db, "csv", tmp_path)
    with open(tmp_path / "contributions_by_partner_period.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["partner", "kind", "currency", "period_start", "period_end", "amount", "qualifier"]
    assert {row["amount"] for row in rows} >= {"177800000.00"}


def test_export_of_a_warehouse_without_the_analyst_views_says_how_to_add_them(tmp_path):
    db = tmp_path / "old.duckdb"
    con = open_warehouse(db)
    con.execute("DROP VIEW projects_by_country")
    con.close()
    with pytest.raises(WarehouseUnavailable, match="run briefs ingest once"):
        export_tables(db, "parquet", tmp_path / "out")


def test_cli_export_without_a_warehouse_fails_cleanly(tmp_path):
    result = CliRunner().invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "--format", "parquet"])
    assert result.exit_code == 1
    assert "no warehouse at" in result.output and "Traceback" not in result.output


def test_run_sql_returns_column_names_and_decimal_amounts(db):
    columns, rows = run_sql(db, "SELECT partner, amount FROM contributions_by_partner_period ORDER BY amount DESC")
    assert columns == ["partner", "amount"]
    assert rows[0] == ("Japan", Decimal("177800000.00"))


def test_cli_sql_prints_the_result_as_a_table(db):
    result = CliRunner().invoke(app, ["sql", "--db", str(db), "SELECT partner, published FROM current_briefs"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "partner" in result.output and "Japan" in result.output and "2023-04-01" in result.output
    assert "1 row" in result.output


def test_cli_sql_with_invalid_sql_fails_cleanly(db):
    result = CliRunner().invoke(app, ["sql", "--db", str(db), "SELEC partner FROM briefs"], env=WIDE)
    assert result.exit_code == 1
    assert "the SQL failed" in result.output and "syntax error" in result.output
    assert "Traceback" not in result.output


def test_cli_sql_naming_a_missing_table_fails_cleanly(db):
    result = CliRunner().invoke(app, ["sql", "--db", str(db), "SELECT * FROM no_such_table"], env=WIDE)
    assert result.exit_code == 1 and "no_such_table" in result.output


def test_cli_sql_cannot_change_the_warehouse(db, row_counts):
    result = CliRunner().invoke(app, ["sql", "--db", str(db), "DELETE FROM briefs"], env=WIDE)
    assert result.exit_code == 1 and "read-only" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM briefs").fetchone()[0] == row_counts["briefs"]


def test_cli_sql_without_a_warehouse_fails_cleanly(tmp_path):
    result = CliRunner().invoke(app, ["sql", "--db", str(tmp_path / "none.duckdb"), "SELECT 1"])
    assert result.exit_code == 1
    assert "no warehouse at" in result.output and "Traceback" not in result.output
