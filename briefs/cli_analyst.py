"""Analyst commands (report, export, sql), registered on the `briefs` app.

They only read the warehouse (read-only connections), and they say what went wrong in one
line, without a traceback, when the warehouse is missing, busy, or the SQL is wrong.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from briefs.cli import DEFAULT_DB, EXIT_FAILED, app, console

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file")]


class ExportFormat(str, enum.Enum):
    parquet = "parquet"
    csv = "csv"


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    run: Annotated[Optional[str], typer.Option("--run", help="run id, or its first characters (default: the latest run)")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="HTML file (default: <warehouse>-report.html beside it)")] = None,
) -> None:
    """Write the data quality report: the run's files and failed checks, and the warehouse as a whole."""
    from briefs.reading import WarehouseUnavailable
    from briefs.report import write_report
    from briefs.report_data import UnknownRun

    try:
        path = write_report(db, output, run)
    except (WarehouseUnavailable, UnknownRun) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write the report: {exc}")
    console.print(f"report: {path}")


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="file format")],
    db: DbOption = DEFAULT_DB,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="folder (default: export/ beside the warehouse)")] = None,
) -> None:
    """Export every contract table and analyst view, one file each."""
    from briefs.export import export_tables
    from briefs.reading import WarehouseUnavailable

    folder = output or db.parent / "export"
    try:
        written = export_tables(db, fmt.value, folder)
    except WarehouseUnavailable as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write to {folder}: {exc}")
    console.print(f"wrote {len(written)} {fmt.value} files to {folder}")


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help='SQL to run, e.g. "SELECT * FROM current_briefs"')],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Run SQL on the warehouse (read-only) and print the result as a table."""
    import duckdb

    from briefs.export import run_sql
    from briefs.reading import WarehouseUnavailable

    try:
        columns, rows = run_sql(db, query)
    except WarehouseUnavailable as exc:
        _fail(str(exc))
    except duckdb.Error as exc:
        _fail(f"the SQL failed: {exc}")
    table = Table(caption=f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
    for index, column in enumerate(columns):
        numeric = any(isinstance(row[index], (int, float, Decimal)) and not isinstance(row[index], bool) for row in rows)
        table.add_column(column, overflow="fold", min_width=min(len(column), 16), justify="right" if numeric else "left")
    for row in rows:
        table.add_row(*(Text("NULL", style="dim") if value is None else Text(str(value)) for value in row))
    console.print(table)


def _fail(message: str) -> NoReturn:
    console.print(f"[red]error:[/] {escape(message)}")
    raise typer.Exit(EXIT_FAILED)
