"""The analyst views of warehouse/analyst_views.sql answer the README's questions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb
import pandas as pd
import pytest

from briefs.export import ANALYST_VIEWS
from tables_factory import valid_brief
from warehouse.loader import load_brief, open_warehouse

CURRENT_VIEWS = {
    "current_briefs": "briefs", "current_contributions": "contributions", "current_projects": "projects",
    "current_project_countries": "project_countries", "current_project_funders": "project_funders",
    "current_agencies": "agencies", "current_priorities": "priorities", "current_indicators": "indicators",
}
NOW = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture
def two_editions(tmp_path):
    """Two editions of the Japan brief loaded newest first; returns (connection, old id, new id)."""
    old = valid_brief(b"japan 2022-04", published=dt.date(2022, 4, 1))
    new = valid_brief(b"japan 2023-04", published=dt.date(2023, 4, 1))
    con = open_warehouse(tmp_path / "w.duckdb")
    for tables in (new, old):
        load_brief(con, tables, "run-1", NOW)
    yield con, old["briefs"].at[0, "brief_id"], new["briefs"].at[0, "brief_id"]
    con.close()


@pytest.fixture(scope="module")
def warehouse(all_briefs_warehouse):
    with duckdb.connect(str(all_briefs_warehouse[0]), read_only=True) as con:
        yield con


def test_open_warehouse_creates_every_analyst_view_and_the_macro(tmp_path):
    con = open_warehouse(tmp_path / "w.duckdb")
    try:
        views = {name for (name,) in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
        macros = {name for (name,) in con.execute(
            "SELECT function_name FROM duckdb_functions() WHERE function_type = 'table_macro'").fetchall()}
    finally:
        con.close()
    assert set(ANALYST_VIEWS) <= views
    assert "active_projects" in macros


@pytest.mark.parametrize("view", CURRENT_VIEWS)
def test_current_view_holds_every_row_of_the_latest_edition_only(two_editions, view):
    con, old_id, new_id = two_editions
    table = CURRENT_VIEWS[view]
    assert con.execute(f"SELECT count(*) FROM {table} WHERE brief_id = ?", [old_id]).fetchone()[0] > 0
    assert con.execute(f"SELECT DISTINCT brief_id FROM {view}").fetchall() == [(new_id,)]
    assert con.execute(f"SELECT count(*) FROM {view}").fetchone() == con.execute(
        f"SELECT count(*) FROM {table} WHERE brief_id = ?", [new_id]).fetchone()


def test_contribution_amounts_in_views_stay_decimal(two_editions):
    con = two_editions[0]
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE contributions_by_partner_period)").fetchall())
    assert types["amount"] == "DECIMAL(18,2)"
    amounts = {amount for (amount,) in con.execute("SELECT amount FROM contributions_by_partner_period").fetchall()}
    assert amounts == {Decimal("34142216.00"), Decimal("0.10")}


@pytest.mark.parametrize("year, active", [(2020, False), (2021, True), (2024, True), (2025, False)])
def test_active_projects_counts_the_first_and_last_year(two_editions, year, active):
    titles = two_editions[0].execute("SELECT title FROM active_projects(?)", [year]).fetchall()
    assert len(titles) == (2 if active else 0)


def test_a_project_without_years_is_never_active(tmp_path):
    tables = valid_brief()
    tables["projects"].loc[0, ["start_year", "end_year"]] = pd.NA
    con = open_warehouse(tmp_path / "w.duckdb")
    try:
        load_brief(con, tables, "run-1", NOW)
        active = con.execute("SELECT title FROM active_projects(2022)").fetchall()
    finally:
        con.close()
    assert active == [("Consolidation and dissemination of OSH knowledge at global level",)]


def test_contributions_by_partner_period_answers_the_readme_question(warehouse):
    readme = warehouse.execute("""
        SELECT b.partner, c.kind, c.currency, c.period_start, c.period_end, c.amount, c.qualifier
        FROM contributions c JOIN briefs b USING (brief_id) WHERE b.is_current""").fetchall()
    view = warehouse.execute("SELECT * FROM contributions_by_partner_period").fetchall()
    assert readme and sorted(view, key=repr) == sorted(readme, key=repr)


def test_projects_by_country_answers_the_readme_question(warehouse):
    readme = warehouse.execute("""
        SELECT pc.iso3, pc.country, b.partner, p.title, p.start_year, p.end_year
        FROM project_countries pc JOIN projects p USING (project_id, brief_id) JOIN briefs b USING (brief_id)
        WHERE b.is_current""").fetchall()
    view = warehouse.execute(
        "SELECT iso3, country, partner, title, start_year, end_year FROM projects_by_country").fetchall()
    assert readme and sorted(view, key=repr) == sorted(readme, key=repr)


def test_active_projects_answers_the_readme_question(warehouse):
    readme = warehouse.execute("""
        SELECT b.partner, p.title, p.start_year, p.end_year
        FROM projects p JOIN briefs b USING (brief_id)
        WHERE b.is_current AND 2023 BETWEEN p.start_year AND p.end_year""").fetchall()
    view = warehouse.execute("SELECT partner, title, start_year, end_year FROM active_projects(2023)").fetchall()
    assert readme and sorted(view, key=repr) == sorted(readme, key=repr)


def test_current_briefs_answers_the_readme_question(warehouse):
    readme = warehouse.execute("SELECT partner, published FROM briefs WHERE is_current ORDER BY partner").fetchall()
    view = warehouse.execute("SELECT partner, published FROM current_briefs ORDER BY partner").fetchall()
    assert len(view) > 1 and view == readme


def test_which_agency_funds_what_from_the_current_views(warehouse):
    readme = warehouse.execute("""
        SELECT b.partner, f.agency, a.name, p.title
        FROM project_funders f JOIN projects p USING (project_id, brief_id) JOIN briefs b USING (brief_id)
        LEFT JOIN agencies a ON a.brief_id = f.brief_id AND a.acronym = f.agency
        WHERE b.is_current""").fetchall()
    view = warehouse.execute("""
        SELECT b.partner, f.agency, a.name, p.title
        FROM current_project_funders f JOIN current_projects p USING (project_id, brief_id)
        JOIN current_briefs b USING (brief_id)
        LEFT JOIN current_agencies a ON a.brief_id = f.brief_id AND a.acronym = f.agency""").fetchall()
    assert readme and sorted(view, key=repr) == sorted(readme, key=repr)
