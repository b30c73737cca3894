"""Editions of one partner's brief: is_current and edition_changes whatever the arrival order."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from briefs.cli import app
from briefs.editions import choose_pair, diff, editions
from conftest import fixture_builder
from flows.ingest import ingest
from tables_factory import valid_brief
from warehouse.loader import load_brief, open_warehouse


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory) -> tuple[Path, Path]:
    """Two editions of Norway's brief (different years, figures and project lists)."""
    folder = tmp_path_factory.mktemp("corpus")
    fixture_builder().build_corpus(folder, 24, seed=7)
    older, newer = sorted(folder.glob("norway-*.pdf"))[:2]
    return older, newer


def _ingest_in_order(tmp_path: Path, pdfs: list[Path]) -> Path:
    db = tmp_path / "w.duckdb"
    for pdf in pdfs:
        inbox = tmp_path / pdf.stem
        inbox.mkdir()
        shutil.copy(pdf, inbox / pdf.name)
        ingest(paths=[inbox], db=db)
    return db


def _state(db: Path) -> tuple[list, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        current = con.execute("SELECT source_file, is_current FROM briefs ORDER BY source_file").fetchall()
        changes = con.execute("SELECT * FROM edition_changes ORDER BY ALL").fetchall()
    return current, changes


@pytest.fixture(scope="module")
def both_orders(prefect_harness, two_editions, tmp_path_factory):
    older, newer = two_editions
    oldest_first = _ingest_in_order(tmp_path_factory.mktemp("oldest-first"), [older, newer])
    newest_first = _ingest_in_order(tmp_path_factory.mktemp("newest-first"), [newer, older])
    return oldest_first, newest_first


def test_the_latest_edition_is_current_whatever_the_arrival_order(both_orders, two_editions):
    older, newer = two_editions
    for db in both_orders:
        assert _state(db)[0] == [(older.name, False), (newer.name, True)]


def test_edition_changes_are_the_same_whatever_the_arrival_order(both_orders):
    oldest_first, newest_first = both_orders
    assert _state(oldest_first)[1] == _state(newest_first)[1]
    assert _state(oldest_first)[1]


def test_projects_added_and_dropped_match_the_two_editions_gold_records(both_orders, two_editions):
    older, newer = (json.loads(p.with_suffix(".gold.json").read_text()) for p in two_editions)
    old_titles = {p["title"] for p in older["projects"]}
    new_titles = {p["title"] for p in newer["projects"]}
    with duckdb.connect(str(both_orders[0]), read_only=True) as con:
        rows = con.execute("SELECT change, item FROM edition_changes WHERE entity = 'project'").fetchall()
    assert {item for change, item in rows if change == "added"} == new_titles - old_titles
    assert {item for change, item in rows if change == "dropped"} == old_titles - new_titles


def test_changed_contributions_carry_old_and_new_amounts_with_evidence_and_pages(both_orders):
    with duckdb.connect(str(both_orders[0]), read_only=True) as con:
        rows = con.execute("SELECT old_value, new_value, old_evidence, new_evidence, old_page, new_page "
                           "FROM edition_changes WHERE entity = 'contribution' AND change = 'changed'").fetchall()
    assert rows and all(all(value is not None for value in row) for row in rows)


def test_a_slightly_reworded_project_title_is_the_same_project_changed(tmp_path):
    con = open_warehouse(tmp_path / "w.duckdb")
    old = valid_brief(b"edition 1", published=dt.date(2021, 4, 1))
    new = valid_brief(b"edition 2", published=dt.date(2023, 4, 1))
    new["projects"].loc[1, ["project_id", "title"]] = ["japan-osh-knowledge-v2", "Consolidation and dissemination of OSH knowledge at the global level"]
    new["project_funders"].loc[0, "project_id"] = "japan-osh-knowledge-v2"
    for tables in (new, old):
        load_brief(con, tables, "run", dt.datetime.now(dt.timezone.utc))
    rows = con.execute("SELECT change, field FROM edition_changes WHERE entity = 'project'").fetchall()
    con.close()
    assert rows == [("changed", "title")]


def test_diff_compares_the_editions_current_at_the_dates_given(both_orders, two_editions):
    with duckdb.connect(str(both_orders[1]), read_only=True) as con:
        found = editions(con, "NORWAY")
        old, new = choose_pair(found)
        assert [old.published, new.published] == [e.published for e in found]
        assert diff(con, old, new) == [dict(zip(
            ("partner", "from_published", "to_published", "from_brief_id", "to_brief_id", "entity", "change", "item",
             "field", "old_value", "new_value", "old_evidence", "old_page", "new_evidence", "new_page"), row))
            for row in con.execute("SELECT * FROM edition_changes ORDER BY entity, change, item, field").fetchall()]


def test_cli_diff_prints_the_changes(both_orders):
    result = CliRunner().invoke(app, ["diff", "Norway", "--db", str(both_orders[0])], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "added" in result.output and "contribution" in result.output


def test_cli_diff_with_one_edition_says_so(prefect_harness, tmp_path, japan_pdf):
    db = tmp_path / "w.duckdb"
    ingest(paths=[japan_pdf], db=db)
    result = CliRunner().invoke(app, ["diff", "Japan", "--db", str(db)])
    assert result.exit_code == 1 and "needs two" in result.output
