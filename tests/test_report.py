"""The data quality report, built from warehouses that real ingest runs wrote."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from briefs.cli import app
from briefs.report import build_report, run_summary_markdown, run_summary_rows, write_report
from briefs.report_data import UnknownRun
from report_pages import table_with_header
from warehouse.loader import BRIEF_TABLES, open_warehouse

REJECTED = {
    "japan-truncated.pdf": "truncated or damaged PDF",
    "japan-web-page.pdf": "not a PDF: the file is an HTML page",
}


@pytest.fixture(scope="module")
def japan_report(japan_with_rejections_warehouse) -> str:
    with duckdb.connect(str(japan_with_rejections_warehouse[0]), read_only=True) as con:
        return build_report(con)


@pytest.fixture(scope="module")
def all_briefs_report(all_briefs_warehouse) -> str:
    with duckdb.connect(str(all_briefs_warehouse[0]), read_only=True) as con:
        return build_report(con)


def test_report_lists_both_rejected_files_as_quarantined_with_their_reasons(japan_report):
    files = {row["file"]: row for row in table_with_header(japan_report, "file", "status")}
    for name, reason in REJECTED.items():
        assert files[name]["status"] == "quarantined"
        assert files[name]["reason"].startswith(reason)


def test_report_says_how_the_loaded_brief_was_read(japan_report):
    files = {row["file"]: row for row in table_with_header(japan_report, "file", "status")}
    assert files["japan-ilo-cooperation-2023-04.pdf"]["read as"] == "text"


def test_report_shows_the_japan_brief_row_counts_per_table(japan_report, japan_with_rejections_warehouse):
    with duckdb.connect(str(japan_with_rejections_warehouse[0]), read_only=True) as con:
        expected = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in BRIEF_TABLES[1:]}
    (japan,) = table_with_header(japan_report, "partner", "edition", "file")
    assert japan["file"] == "japan-ilo-cooperation-2023-04.pdf"
    assert {table: int(japan[table]) for table in BRIEF_TABLES[1:]} == expected
    assert expected["projects"] > 0 and expected["contributions"] > 0


def test_report_draws_its_charts_as_inline_svg(japan_report):
    charts = re.findall(r"<svg\b.*?</svg>", japan_report, flags=re.S)
    assert len(charts) >= 3  # contributions, projects per country, runs over time
    assert all("<rect" in chart for chart in charts)


def test_report_loads_nothing_from_the_network(japan_report):
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=", japan_report)
    assert not re.search(r"url\(", japan_report)


def test_report_charts_each_currency_apart(all_briefs_report, all_briefs_warehouse):
    with duckdb.connect(str(all_briefs_warehouse[0]), read_only=True) as con:
        currencies = {c for (c,) in con.execute(
            "SELECT DISTINCT currency FROM contributions JOIN briefs USING (brief_id) WHERE is_current").fetchall()}
    assert len(currencies) > 1
    captions = set(re.findall(r"<figcaption>Contributions in (\w+),", all_briefs_report))
    assert captions == currencies


def test_report_lists_funders_that_are_not_agency_acronyms_of_their_brief(all_briefs_report, all_briefs_warehouse):
    with duckdb.connect(str(all_briefs_warehouse[0]), read_only=True) as con:
        unknown = set(con.execute("""
            SELECT b.partner, f.agency FROM project_funders f JOIN briefs b USING (brief_id)
            WHERE NOT EXISTS (SELECT 1 FROM agencies a WHERE a.brief_id = f.brief_id AND a.acronym = f.agency)
        """).fetchall())
    shown = {(row["partner"], row["funder named"])
             for row in table_with_header(all_briefs_report, "partner", "edition", "funder named")}
    assert unknown and shown == unknown


def test_report_shows_the_share_of_non_null_values_per_column(all_briefs_report, all_briefs_warehouse):
    with duckdb.connect(str(all_briefs_warehouse[0]), read_only=True) as con:
        filled, total = con.execute("SELECT count(protocols_ratified), count(*) FROM briefs").fetchone()
    assert 0 < filled < total
    rows = {row["column"]: row for row in table_with_header(all_briefs_report, "column", "filled", "share")}
    assert rows["protocols_ratified"]["filled"] == f"{filled} / {total}"
    assert rows["protocols_ratified"]["share"] == f"{filled / total:.0%}"


def test_report_of_an_earlier_run_can_name_it_by_a_prefix_of_its_id(tmp_path, japan_with_rejections_warehouse):
    db, summary = japan_with_rejections_warehouse
    with duckdb.connect(str(db), read_only=True) as con:
        html = build_report(con, summary.run_id[:8])
    assert summary.run_id in html


def test_report_of_an_unknown_run_raises(japan_with_rejections_warehouse):
    with duckdb.connect(str(japan_with_rejections_warehouse[0]), read_only=True) as con:
        with pytest.raises(UnknownRun, match="no ingest run"):
            build_report(con, "not-a-run")


def test_report_of_a_warehouse_without_runs_says_so(tmp_path):
    con = open_warehouse(tmp_path / "empty.duckdb")
    try:
        assert "No ingest run is recorded" in build_report(con)
    finally:
        con.close()


def test_write_report_puts_the_page_beside_the_warehouse_without_changing_it(japan_with_rejections_warehouse):
    db = japan_with_rejections_warehouse[0]
    before = db.read_bytes()
    out = write_report(db)
    assert out == db.with_name("briefs-report.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert db.read_bytes() == before


def test_run_summary_rows_give_one_json_ready_row_per_file(japan_with_rejections_warehouse):
    db, summary = japan_with_rejections_warehouse
    with duckdb.connect(str(db), read_only=True) as con:
        rows = run_summary_rows(con, summary.run_id)
    assert {row["file"]: row["status"] for row in rows} == {
        "japan-ilo-cooperation-2023-04.pdf": "loaded", **{name: "quarantined" for name in REJECTED}}
    assert all(isinstance(value, (str, int, float)) for row in rows for value in row.values())


def test_run_summary_markdown_counts_the_files_and_gives_the_reasons(japan_with_rejections_warehouse):
    db, summary = japan_with_rejections_warehouse
    with duckdb.connect(str(db), read_only=True) as con:
        markdown = run_summary_markdown(con, summary.run_id)
    assert "3 files: 1 loaded, 0 unchanged, 2 quarantined." in markdown
    for name, reason in REJECTED.items():
        assert re.search(rf"^\| {re.escape(name)} \| quarantined \|.*{re.escape(reason)}", markdown, flags=re.M)


def test_cli_report_writes_the_page_where_asked(japan_with_rejections_warehouse, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", str(japan_with_rejections_warehouse[0]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "japan-web-page.pdf" in out.read_text(encoding="utf-8")


def test_cli_report_without_a_warehouse_fails_cleanly(tmp_path):
    result = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no warehouse at" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "none.duckdb").exists()


def test_cli_report_of_an_unknown_run_fails_cleanly(japan_with_rejections_warehouse, tmp_path):
    result = CliRunner().invoke(app, ["report", "--db", str(japan_with_rejections_warehouse[0]), "--run", "nope",
                                      "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "no ingest run 'nope'" in result.output
    assert not Path(tmp_path / "r.html").exists()
