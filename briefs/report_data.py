"""The facts the quality report shows, as plain rows: SQL here, presentation in report.py.

Every query fetches all its rows at once (DuckDB wants a result consumed before the next
statement), and money is read with fetchall(), so amounts stay Decimal.
"""

from __future__ import annotations

from typing import Any

import duckdb

from warehouse.loader import BRIEF_TABLES

Row = dict[str, Any]


class UnknownRun(Exception):
    """No run has the id (or id prefix) asked for."""


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[Row]:
    """Every row of `sql` as a dict keyed by column name."""
    cursor = con.execute(sql, params or [])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values)) for values in cursor.fetchall()]


def find_run(con: duckdb.DuckDBPyConnection, run_id: str | None) -> Row | None:
    """The run named by its id or a unique prefix of it; the latest run when none is named,
    None when there are no runs at all."""
    if run_id is None:
        found = rows(con, "SELECT * FROM ingest_runs ORDER BY started_at DESC LIMIT 1")
        return found[0] if found else None
    found = rows(con, "SELECT * FROM ingest_runs WHERE starts_with(run_id, ?) ORDER BY started_at DESC", [run_id])
    exact = [run for run in found if run["run_id"] == run_id]
    if exact or len(found) == 1:
        return (exact or found)[0]
    if not found:
        raise UnknownRun(f"no ingest run {run_id!r} in this warehouse")
    raise UnknownRun(f"{run_id!r} matches {len(found)} runs; give more of the run id")


def run_files(con: duckdb.DuckDBPyConnection, run_id: str) -> list[Row]:
    """What the run did with each file, quarantined first, with the reason in words."""
    return rows(con, """
        SELECT source_file, status, reason, extraction, partner, published, rows, seconds, brief_id
        FROM ingest_files WHERE run_id = ?
        ORDER BY status <> 'quarantined', status, source_file""", [run_id])


def run_checks(con: duckdb.DuckDBPyConnection, run_id: str) -> list[Row]:
    """Every check that failed in the run, errors first, with the file it came from."""
    return rows(con, """
        SELECT q.severity, q.table_name, q.column_name, q.check_name, q.failures, q.example, q.brief_id,
               (SELECT min(f.source_file) FROM ingest_files f
                 WHERE f.run_id = q.run_id AND f.brief_id = q.brief_id) AS source_file
        FROM quality_checks q WHERE q.run_id = ?
        ORDER BY q.severity, q.table_name, q.column_name, q.check_name""", [run_id])


def loaded_warnings(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Warnings that briefs now in the warehouse carry: the checks of the run that loaded each."""
    return rows(con, """
        SELECT b.partner, b.published, b.is_current, q.table_name, q.column_name, q.check_name,
               q.failures, q.example
        FROM quality_checks q JOIN briefs b ON b.brief_id = q.brief_id AND b.run_id = q.run_id
        ORDER BY b.partner, b.published, q.table_name, q.check_name""")


def runs(con: duckdb.DuckDBPyConnection, limit: int) -> list[Row]:
    """The latest `limit` runs, oldest first, counted from their files (an interrupted run
    has no totals in ingest_runs, but its files are recorded)."""
    return rows(con, """
        SELECT * FROM (
            SELECT r.run_id, r.started_at, r.status,
                   count(f.source_file) FILTER (f.status = 'loaded') AS loaded,
                   count(f.source_file) FILTER (f.status = 'unchanged') AS unchanged,
                   count(f.source_file) FILTER (f.status = 'quarantined') AS quarantined
            FROM ingest_runs r LEFT JOIN ingest_files f USING (run_id)
            GROUP BY ALL ORDER BY r.started_at DESC LIMIT ?
        ) ORDER BY started_at""", [limit])


def brief_row_counts(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """One row per brief (edition) with its row count in every table read from it."""
    tables = BRIEF_TABLES[1:]
    counts = " UNION ALL ".join(
        f"SELECT brief_id, '{table}' AS table_name, count(*) AS n FROM {table} GROUP BY brief_id" for table in tables)
    found = rows(con, "SELECT b.brief_id, b.partner, b.published, b.is_current, b.run_id, b.source_file "
                      "FROM briefs b ORDER BY b.partner, b.published, b.source_file")
    by_brief = {(r["brief_id"], r["table_name"]): r["n"] for r in rows(con, counts)}
    for brief in found:
        brief.update({table: by_brief.get((brief["brief_id"], table), 0) for table in tables})
    return found


def table_totals(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Rows per contract table: every edition, and current editions only."""
    current = "(SELECT brief_id FROM briefs WHERE is_current)"
    parts = [
        f"SELECT '{table}' AS table_name, count(*) AS all_rows, "
        f"count(*) FILTER (brief_id IN {current}) AS current_rows FROM {table}"
        for table in BRIEF_TABLES
    ] + [
        f"SELECT '{table}', count(*), NULL FROM {table}" for table in ("ingest_runs", "ingest_files", "quality_checks")
    ]
    return rows(con, " UNION ALL ".join(parts))


def completeness(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Non-null values of every column of every brief table, over all editions."""
    found: list[Row] = []
    for table in BRIEF_TABLES:
        columns = [name for (name,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? "
            "ORDER BY column_index", [table]).fetchall()]
        counts = con.execute(
            f"SELECT count(*), {', '.join(f'count({_quote(c)})' for c in columns)} FROM {table}").fetchone()
        found += [{"table_name": table, "column_name": column, "rows": counts[0], "non_null": filled}
                  for column, filled in zip(columns, counts[1:])]
    return found


def unknown_funders(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Funders a project names that are no agency acronym of its brief, and whether an agency has that name."""
    return rows(con, """
        SELECT b.partner, b.published, b.is_current, f.agency, p.title,
               EXISTS (SELECT 1 FROM agencies a WHERE a.brief_id = f.brief_id AND a.name = f.agency) AS listed_by_name
        FROM project_funders f
        JOIN briefs b USING (brief_id)
        JOIN projects p USING (project_id, brief_id)
        WHERE NOT EXISTS (SELECT 1 FROM agencies a WHERE a.brief_id = f.brief_id AND a.acronym = f.agency)
        ORDER BY b.partner, b.published, f.agency""")


def projects_without_countries(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Current projects with no country: global or regional work, or names that were not mapped."""
    return rows(con, """
        SELECT b.partner, p.title, p.start_year, p.end_year, p.page
        FROM projects p JOIN briefs b USING (brief_id)
        WHERE b.is_current AND NOT EXISTS (SELECT 1 FROM project_countries c
                                           WHERE c.project_id = p.project_id AND c.brief_id = p.brief_id)
        ORDER BY b.partner, p.title""")


def current_contributions(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Every contribution of current editions, amounts as Decimal."""
    return rows(con, """
        SELECT b.partner, c.kind, c.currency, c.amount, c.qualifier, c.period_start, c.period_end, c.page
        FROM contributions c JOIN briefs b USING (brief_id)
        WHERE b.is_current
        ORDER BY c.currency, b.partner, c.period_start, c.kind""")


def projects_per_country(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Current projects per country, most first, with the name most often written and the partners."""
    return rows(con, """
        SELECT c.iso3, mode(c.country) AS country, count(DISTINCT c.project_id) AS projects,
               string_agg(DISTINCT b.partner, ', ' ORDER BY b.partner) AS partners
        FROM project_countries c JOIN briefs b USING (brief_id)
        WHERE b.is_current
        GROUP BY c.iso3 ORDER BY projects DESC, c.iso3""")


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
