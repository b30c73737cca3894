"""One writer per warehouse: a lock file beside it, and patience with DuckDB's own file lock."""

from __future__ import annotations

import fcntl
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb


class WarehouseBusy(Exception):
    """Another process holds the warehouse; the message says who and what to do."""


@contextmanager
def warehouse_lock(db: Path, wait_seconds: float = 600.0, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold `<db>.lock` for a whole ingest run; a second run waits up to `wait_seconds`."""
    db.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db.with_name(db.name + ".lock")
    with open(lock_path, "a+") as handle:
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = lock_path.read_text().strip() or "another process"
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"{db} is being written by another briefs ingest ({holder}); "
                        "run again when it has finished, or pass --wait SECONDS to wait longer") from None
                if on_wait and not told:
                    on_wait(f"waiting for the other ingest writing {db} ({holder})…")
                    told = True
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def connect(db: Path, wait_seconds: float = 30.0) -> duckdb.DuckDBPyConnection:
    """Open the warehouse for writing, waiting a while for a reader to let go of it."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return duckdb.connect(str(db))
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                holder = re.search(r"PID (\d+)", str(exc))
                who = f"process {holder.group(1)}" if holder else "another program"
                raise WarehouseBusy(
                    f"{db} is open in {who}; DuckDB lets no other process in while it is open, "
                    "so close that connection and run again") from None
            time.sleep(0.5)
