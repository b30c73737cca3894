"""Export the warehouse to Parquet or CSV files, and run ad-hoc SQL against it, read-only.

DuckDB's COPY writes the files itself, so DECIMAL amounts keep their type in Parquet and
their exact digits in CSV, and no DataFrame sits in between.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from briefs.reading import WarehouseUnavailable, read_only
from warehouse.loader import BRIEF_TABLES

CONTRACT_TABLES = (*BRIEF_TABLES, "ingest_runs", "ingest_files", "quality_checks")
# The views of analyst_views.sql (its table macro active_projects takes an argument, so it is not exported).
ANALYST_VIEWS = (
    "current_briefs", "current_contributions", "current_projects", "current_project_countries",
    "current_project_funders", "current_agencies", "current_priorities", "current_indicators",
    "contributions_by_partner_period", "projects_by_country",
)
Format = Literal["parquet", "csv"]
COPY_OPTIONS = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true"}


def export_tables(db: Path, fmt: Format, out_dir: Path) -> list[Path]:
    """Write every contract table and analyst view of `db` to `out_dir/<name>.<fmt>`; returns the files."""
    if fmt not in COPY_OPTIONS:
        raise ValueError(f"unknown export format {fmt!r}; use parquet or csv")
    with read_only(db) as con:
        present = {name for (name,) in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE schema_name = 'main'").fetchall()}
        missing = [view for view in ANALYST_VIEWS if view not in present]
        if missing:
            raise WarehouseUnavailable(
                f"{db} has no view {missing[0]} yet: it was last written before the analyst views existed; "
                "run briefs ingest once to add them")
        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for name in (*CONTRACT_TABLES, *ANALYST_VIEWS):
            target = out_dir / f"{name}.{fmt}"
            con.execute(f"COPY (SELECT * FROM {name}) TO {_literal(str(target))} ({COPY_OPTIONS[fmt]})")
            written.append(target)
    return written


def run_sql(db: Path, query: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and every row of `query` on a read-only connection (DECIMAL stays Decimal);
    a statement that returns nothing gives no columns and no rows."""
    with read_only(db) as con:
        cursor = con.execute(query)
        if cursor.description is None:
            return [], []
        return [column[0] for column in cursor.description], cursor.fetchall()


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
