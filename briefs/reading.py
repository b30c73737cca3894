"""Read-only access to the warehouse for reports, exports and ad-hoc SQL.

Readers never take the writer's lock, so they cannot block an ingest for long, and a
read-only connection makes `briefs sql` unable to change the warehouse by mistake.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb


class WarehouseUnavailable(Exception):
    """The warehouse cannot be read; the message says why and what to do."""


@contextmanager
def read_only(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to `db`, closed on exit."""
    if not Path(db).is_file():
        raise WarehouseUnavailable(f"no warehouse at {db}; run briefs ingest first")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.IOException as exc:
        raise WarehouseUnavailable(
            f"cannot read {db}: {exc}. If an ingest is writing it, try again when it has finished") from None
    try:
        yield con
    finally:
        con.close()
