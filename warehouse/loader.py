"""The only code that writes the warehouse.

A brief is written in a transaction, so it is either all there or absent; a run's briefs
go in together when they can.
Each frame is scanned as a DuckDB relation and cast in SQL to the column
types of schema.sql: one vectorised INSERT per table instead of a statement
per row, and money goes in as text cast to DECIMAL(18,2), never via float.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from warehouse.lock import connect

if TYPE_CHECKING:
    import pandas as pd

    from parsers.frames import Batch
    from schemas.validate import CheckFailure

# Insert order: the brief row first, then what was read from it.
BRIEF_TABLES = (
    "briefs",
    "contributions",
    "indicators",
    "projects",
    "project_countries",
    "project_funders",
    "agencies",
    "priorities",
    "sections",
)


def open_warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    """Connect to the warehouse file, creating it and any missing tables."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = connect(path)
    con.execute(resources.files("warehouse").joinpath("schema.sql").read_text())
    con.execute(resources.files("warehouse").joinpath("views.sql").read_text())
    con.execute(resources.files("warehouse").joinpath("analyst_views.sql").read_text())
    con.execute(f"CREATE OR REPLACE VIEW edition_changes AS WITH {edition_changes_sql()}")
    return con


def edition_changes_sql() -> str:
    """The body of the edition-changes query; it reads a relation named edition_pairs."""
    return resources.files("warehouse").joinpath("edition_changes.sql").read_text()


def loaded_sha256s(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Digests of every brief in the warehouse, to skip unchanged files before parsing."""
    return {sha256 for (sha256,) in con.execute("SELECT sha256 FROM briefs").fetchall()}


def brief_identities(
    con: duckdb.DuckDBPyConnection, sha256s: Iterable[str]
) -> dict[str, tuple[str, str, dt.date | None]]:
    """sha256 -> (brief_id, partner, published) of bytes already loaded, for reporting unchanged files."""
    rows = con.execute(
        "SELECT sha256, brief_id, partner, published FROM briefs WHERE sha256 IN (SELECT unnest(?))", [list(sha256s)]
    ).fetchall()
    return {sha256: tuple(identity) for sha256, *identity in rows}


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, started_at: dt.datetime) -> None:
    """Record a run as 'running', so a crashed run stays visible; runs still 'running' from
    before were killed (the caller holds the writer's lock), so they become 'interrupted'."""
    con.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
    con.execute(
        "INSERT INTO ingest_runs (run_id, started_at, status) VALUES (?, ?, 'running')",
        [run_id, _utc_naive(started_at)],
    )


def finish_run(
    con: duckdb.DuckDBPyConnection, run_id: str, finished_at: dt.datetime, status: str
) -> dict[str, int]:
    """Close a run; its counts come from its ingest_files rows, so they cannot disagree."""
    con.execute(
        """
        UPDATE ingest_runs SET
            finished_at = ?,
            status = ?,
            files_seen = counts.files_seen,
            loaded = counts.loaded,
            unchanged = counts.unchanged,
            quarantined = counts.quarantined
        FROM (
            SELECT
                count(*) AS files_seen,
                count(*) FILTER (status = 'loaded') AS loaded,
                count(*) FILTER (status = 'unchanged') AS unchanged,
                count(*) FILTER (status = 'quarantined') AS quarantined
            FROM ingest_files WHERE run_id = ?
        ) AS counts
        WHERE ingest_runs.run_id = ?
        """,
        [_utc_naive(finished_at), status, run_id, run_id],
    )
    names = ("files_seen", "loaded", "unchanged", "quarantined")
    counts = con.execute(
        f"SELECT {', '.join(names)} FROM ingest_runs WHERE run_id = ?", [run_id]
    ).fetchone()
    return dict(zip(names, counts))


def load_brief(
    con: duckdb.DuckDBPyConnection,
    tables: Mapping[str, pd.DataFrame],
    run_id: str,
    ingested_at: dt.datetime,
) -> dict[str, int]:
    """Write one validated brief atomically and move is_current for its partner.

    Returns the rows inserted per table, or an empty dict when the same bytes
    (sha256) are already loaded, in which case nothing is written.
    """
    from parsers.frames import stack_frames  # pandas: a run with nothing new never needs it

    return _load_together(con, stack_frames([tables]), run_id, ingested_at)[0]


@dataclass
class Loaded:
    """What became of one brief handed to load_briefs."""

    rows: dict[str, int] = field(default_factory=dict)  # empty: the same bytes were already loaded
    error: str | None = None  # why it could not be written; then nothing of it was


def load_briefs(
    con: duckdb.DuckDBPyConnection,
    briefs: Sequence[Mapping[str, pd.DataFrame]],
    run_id: str,
    ingested_at: dt.datetime,
) -> list[Loaded]:
    """Write many validated briefs, each given as its own frames (see load_batch)."""
    from parsers.frames import stack_frames

    return load_batch(con, stack_frames(briefs), run_id, ingested_at)


def load_batch(
    con: duckdb.DuckDBPyConnection,
    batch: Batch,
    run_id: str,
    ingested_at: dt.datetime,
) -> list[Loaded]:
    """Write a batch of validated briefs: together in one transaction (one INSERT per table, the
    cost of a run's load barely grows with its size), or, if that fails, one transaction per
    brief, so a brief the warehouse refuses keeps out only itself and says why."""
    if batch.size > 1:
        try:
            return [Loaded(rows) for rows in _load_together(con, batch, run_id, ingested_at)]
        except duckdb.Error:
            pass  # find the brief it refused: one transaction each
    results = []
    for position in range(batch.size):
        try:
            results.append(Loaded(load_brief(con, batch.brief(position), run_id, ingested_at)))
        except duckdb.Error as exc:
            results.append(Loaded(error=f"{type(exc).__name__}: {str(exc).splitlines()[0]}"))
    return results


def _load_together(
    con: duckdb.DuckDBPyConnection, batch: Batch, run_id: str, ingested_at: dt.datetime,
) -> list[dict[str, int]]:
    """One transaction for the whole batch: rows per table of each brief, {} for bytes already loaded."""
    stamp = {"ingested_at": _utc_naive(ingested_at), "run_id": run_id, "is_current": False}
    briefs, owners = batch.tables["briefs"], batch.owners["briefs"]
    first_row = owners.drop_duplicates()  # each brief's first brief row
    wanted = dict(zip(first_row, briefs.loc[first_row.index, "sha256"]))
    con.begin()
    try:
        known = brief_identities(con, wanted.values())
        fresh = [position for position, sha256 in wanted.items() if sha256 not in known]
        if fresh:
            for table in BRIEF_TABLES:
                frame = batch.tables[table]
                if len(fresh) < batch.size:
                    frame = frame[batch.owners[table].isin(fresh).to_numpy()]
                if table == "briefs":
                    frame = frame.assign(**stamp)
                if not frame.empty:
                    _insert(con, table, frame)
            _mark_current(con, sorted(set(briefs.loc[first_row.index[first_row.isin(fresh)], "partner"])))
        con.commit()
    except BaseException:
        con.rollback()
        raise
    rows = {table: batch.rows_of(table) for table in BRIEF_TABLES}
    return [{} if wanted.get(position) in known else {table: rows[table][position] for table in BRIEF_TABLES}
            for position in range(batch.size)]


FILE_COLUMNS = ("source_file", "sha256", "status", "reason", "seconds", "brief_id", "partner", "published",
                "rows", "extraction")
FILES_PER_INSERT = 500


def record_files(con: duckdb.DuckDBPyConnection, run_id: str, files: Sequence[Mapping[str, Any]]) -> None:
    """Record many files, a few hundred per statement (keys: FILE_COLUMNS; missing ones are NULL)."""
    row = "(" + ", ".join("?" * (len(FILE_COLUMNS) + 1)) + ")"
    for start in range(0, len(files), FILES_PER_INSERT):
        chunk = files[start:start + FILES_PER_INSERT]
        con.execute(
            f"INSERT INTO ingest_files (run_id, {', '.join(FILE_COLUMNS)}) VALUES {', '.join([row] * len(chunk))}",
            [value for file in chunk for value in (run_id, *(file.get(column) for column in FILE_COLUMNS))],
        )


def record_checks(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    brief_id: str | None,
    failures: Iterable[CheckFailure],
) -> None:
    """Store one quality_checks row per failed check (a handful, so executemany)."""
    rows = [
        [run_id, brief_id, f.table_name, f.check_name, f.column_name, f.failures, f.severity, f.example]
        for f in failures
    ]
    if rows:
        con.executemany("INSERT INTO quality_checks VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> int:
    """Insert `frame` into `table`, each column cast to its declared type."""
    types = _column_types(con, table)
    staged = frame[list(types)].copy()
    for column, sql_type in types.items():
        if sql_type.startswith("DECIMAL"):
            values = staged[column].astype(object)
            staged[column] = values.where(values.notna(), None).map(_money_text)
    casts = ", ".join(f"CAST({_quote(column)} AS {sql_type})" for column, sql_type in types.items())
    con.from_df(staged).project(casts).insert_into(table)  # columns in table order
    return len(staged)


def _column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """Column name -> SQL type, in table order, as schema.sql declared them."""
    rows = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() "
        "WHERE table_name = ? AND schema_name = 'main' ORDER BY column_index",
        [table],
    ).fetchall()
    return dict(rows)


def _money_text(amount: Any) -> str | None:
    """Exact text of a Decimal ('1E+2' becomes '100'), so the SQL cast never sees a float."""
    if amount is None:
        return None
    if not isinstance(amount, Decimal):
        raise TypeError(f"money must be decimal.Decimal, got {type(amount).__name__}: {amount!r}")
    return format(amount, "f")


def _utc_naive(moment: dt.datetime) -> dt.datetime:
    """TIMESTAMP columns hold naive UTC; an aware value would be cast via the session time zone."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _mark_current(con: duckdb.DuckDBPyConnection, partners: list[str]) -> None:
    """Latest published edition of each partner is current; NULL counts as oldest, ties go to
    the latest ingested."""
    con.execute(
        """
        UPDATE briefs SET is_current = (ranked.position = 1)
        FROM (
            SELECT brief_id, row_number() OVER (
                PARTITION BY partner ORDER BY published DESC NULLS LAST, ingested_at DESC, brief_id DESC
            ) AS position
            FROM briefs WHERE partner IN (SELECT unnest($partners))
        ) AS ranked
        WHERE briefs.brief_id = ranked.brief_id
        """,
        {"partners": partners},
    )
