"""The DuckDB warehouse: its DDL (schema.sql) and the only code that writes it (loader)."""

from warehouse.loader import (
    finish_run,
    Loaded,
    load_batch,
    load_brief,
    load_briefs,
    loaded_sha256s,
    open_warehouse,
    record_checks,
    record_files,
    start_run,
)

__all__ = [
    "finish_run",
    "Loaded",
    "load_batch",
    "load_brief",
    "load_briefs",
    "loaded_sha256s",
    "open_warehouse",
    "record_checks",
    "record_files",
    "start_run",
]
