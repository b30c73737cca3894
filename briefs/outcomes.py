"""What a run did to each file: reading it (analyse_file), checking it, and writing that down
in the warehouse.

Kept apart from the flow, with no Prefect, so that a run with nothing new can be reported
without it, and the CLI can start reading files (briefs.read_ahead) before Prefect is imported.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from pathlib import Path
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from briefs.analyse import read_brief
from briefs.files import discover, sha256_file
from briefs.isolation import Limits, run_isolated
from extractors.errors import ExtractionError
from warehouse.loader import (
    brief_identities,
    finish_run,
    load_batch,
    Loaded,
    loaded_sha256s,
    open_warehouse,
    record_checks,
    record_files,
    start_run,
)
from warehouse.lock import warehouse_lock

if TYPE_CHECKING:
    import duckdb

    from briefs.analyse import Analysis
    from parsers.frames import Batch
    from schemas.validate import CheckFailure


@dataclass
class FileOutcome:
    """What happened to one input file: the line a user reads in the run summary."""

    source_file: str
    sha256: str | None
    status: str
    reason: str | None = None
    seconds: float = 0.0
    brief_id: str | None = None
    partner: str | None = None
    published: dt.date | None = None
    rows: dict[str, int] = field(default_factory=dict)
    analysis: Analysis | None = None
    failures: list[CheckFailure] = field(default_factory=list)
    extraction: str | None = None
    announced: bool = field(default=False, repr=False, compare=False)


@dataclass
class RunSummary:
    run_id: str
    db: str
    files: list[FileOutcome]
    report: str | None = None

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)


ProgressHook = Callable[[FileOutcome], None]
_progress_hooks: list[ProgressHook] = []


def on_file_done(hook: ProgressHook) -> Callable[[], None]:
    """Register a callback (e.g. the CLI's progress bar) called as each file finishes; returns its remover."""
    _progress_hooks.append(hook)
    return lambda: _progress_hooks.remove(hook)


def notify(outcome: FileOutcome) -> None:
    """Tell every registered hook that a file is done, once per outcome. (With no hook here,
    e.g. in a Dask worker, the outcome stays unannounced, for the flow's process to announce.)"""
    if outcome.announced or not _progress_hooks:
        return
    outcome.announced = True
    for hook in list(_progress_hooks):
        hook(outcome)


def analyse_file(path: Path, sha256: str, limits: Limits, passwords: tuple[str, ...]) -> FileOutcome:
    """Extract and parse one file in a bounded child process (validation comes with loading)."""
    started = time.perf_counter()
    outcome = FileOutcome(source_file=path.name, sha256=sha256, status="parsed")
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise ExtractionError(f"file is {size >> 20} MiB, over the {limits.max_bytes >> 20} MiB size limit")
        analysis: Analysis = run_isolated(read_brief, path, sha256, passwords, limits.max_pages, limits=limits)
    except ExtractionError as exc:
        outcome.status, outcome.reason = "quarantined", str(exc)
    else:
        brief = analysis.brief
        outcome.brief_id, outcome.partner, outcome.published = brief["brief_id"], brief["partner"], brief["published"]
        outcome.extraction = analysis.extraction
        outcome.analysis = analysis
    outcome.seconds = round(time.perf_counter() - started, 3)
    return outcome


def validate_outcomes(outcomes: list[FileOutcome]) -> Batch | None:
    """Validate the parsed briefs among `outcomes` together; one that fails an error check is
    quarantined with the checks named, and every brief keeps its failures to be recorded.
    Returns the briefs that passed as one Batch, in their order in `outcomes`, so that
    record_outcomes loads them without stacking them again; None if none passed."""
    from parsers.frames import stack  # pandas and Pandera: only when there is something to check
    from schemas.validate import has_errors, validate_batch

    parsed = [outcome for outcome in outcomes if outcome.analysis is not None]
    if not parsed:
        return None
    batch = stack([outcome.analysis.records for outcome in parsed])
    passed = []
    for position, (outcome, failures) in enumerate(zip(parsed, validate_batch(batch))):
        outcome.failures = failures
        if has_errors(failures):
            failed = sorted({f"{f.table_name}.{f.column_name or '*'} {f.check_name}" for f in failures if f.severity == "error"})
            outcome.status, outcome.reason, outcome.analysis = "quarantined", "failed validation: " + "; ".join(failed), None
        else:
            passed.append(position)
    return batch.only(passed) if passed else None


def record_outcomes(db: Path, run_id: str, outcomes: list[FileOutcome], batch: Batch | None = None) -> list[FileOutcome]:
    """Load every analysed brief (together, or one by one if the warehouse refuses one) and
    record every file and its checks; the caller holds the warehouse lock and closes the run.
    `batch` is the analysed briefs among `outcomes` as validate_outcomes returned them; without
    it they are stacked here."""
    con = open_warehouse(db)
    try:
        parsed = [outcome for outcome in outcomes if outcome.analysis is not None]
        for outcome, result in zip(parsed, _load(con, run_id, parsed, batch)):
            outcome.analysis = None
            if result.error:
                outcome.status, outcome.reason = "quarantined", f"the warehouse refused it: {result.error}"
            else:
                outcome.rows, outcome.status = result.rows, "loaded" if result.rows else "unchanged"
        known = brief_identities(con, [o.sha256 for o in outcomes if o.status == "unchanged" and o.sha256])
        for outcome in outcomes:
            if outcome.status == "unchanged" and outcome.sha256 in known:
                outcome.brief_id, outcome.partner, outcome.published = known[outcome.sha256]
            record_checks(con, run_id, outcome.brief_id, outcome.failures)
        record_files(con, run_id, [{
            "source_file": o.source_file, "sha256": o.sha256, "status": o.status, "reason": o.reason,
            "seconds": o.seconds, "brief_id": o.brief_id, "partner": o.partner, "published": o.published,
            "rows": sum(o.rows.values()) if o.rows else None, "extraction": o.extraction,
        } for o in outcomes])
    finally:
        con.close()
    return outcomes


def _load(con: duckdb.DuckDBPyConnection, run_id: str, parsed: list[FileOutcome], batch: Batch | None) -> list[Loaded]:
    """Load the parsed briefs as one batch (pandas is imported only when there are some)."""
    if not parsed:
        return []
    if batch is None:
        from parsers.frames import stack

        batch = stack([o.analysis.records for o in parsed])
    if batch.size != len(parsed):
        raise ValueError(f"the batch holds {batch.size} briefs for {len(parsed)} parsed files")
    return load_batch(con, batch, run_id, dt.datetime.now(dt.timezone.utc))


def close_run(db: Path, run_id: str, outcomes: list[FileOutcome]) -> None:
    """Mark the run finished, with quarantine or without; its counts come from its recorded files."""
    status = "completed" if all(o.status != "quarantined" for o in outcomes) else "completed_with_quarantine"
    con = open_warehouse(db)
    try:
        finish_run(con, run_id, dt.datetime.now(dt.timezone.utc), status)
    finally:
        con.close()


class Pending(NamedTuple):
    """What an ingest finds before it starts a flow."""

    summary: RunSummary | None  # the run, recorded already, when every file's bytes were loaded
    new: list[tuple[Path, str]]  # otherwise (path, sha256) of the files to read, once per content,
    # in the order a run reads them; empty when a file cannot be read (the run will say why)


def record_if_nothing_new(paths: list[Path], db: Path, wait_seconds: float) -> Pending:
    """Hash every file once and look its bytes up in the warehouse. When all are loaded, record
    the run as all `unchanged`, with no PDF work and no Prefect flow run; otherwise say which
    files are new, for the CLI to start reading (briefs.read_ahead) while the flow starts."""
    started = time.perf_counter()
    try:
        hashes = [(path, sha256_file(path)) for path in discover(paths)]
    except OSError:
        return Pending(None, [])
    if not Path(db).exists():
        return Pending(None, _unread(hashes, set()))
    with warehouse_lock(Path(db), wait_seconds):
        con = open_warehouse(db)
        try:
            known = loaded_sha256s(con)
            if not hashes or any(sha256 not in known for _, sha256 in hashes):
                return Pending(None, _unread(hashes, known))
            run_id = str(uuid.uuid4())
            start_run(con, run_id, dt.datetime.now(dt.timezone.utc))
        finally:
            con.close()
        seconds = round((time.perf_counter() - started) / len(hashes), 3)
        outcomes = [FileOutcome(path.name, sha256, "unchanged", "already loaded", seconds, brief_id=sha256[:16])
                    for path, sha256 in hashes]
        record_outcomes(db, run_id, outcomes)
        close_run(db, run_id, outcomes)
        return Pending(RunSummary(run_id, str(db), outcomes), [])


def _unread(hashes: list[tuple[Path, str]], known: set[str]) -> list[tuple[Path, str]]:
    """The files whose bytes are not in `known`, each content once (its first file)."""
    seen, new = set(known), []
    for path, sha256 in hashes:
        if sha256 not in seen:
            seen.add(sha256)
            new.append((path, sha256))
    return new
