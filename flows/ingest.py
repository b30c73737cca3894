"""The `ingest` flow: discover → hash → skip known bytes → extract/parse → validate/load → report.

Prefect tasks do the heavy work, each file in a bounded child process: one task per new file,
or per group of files in a large run (group_size). The flow's own process, DuckDB's single
writer, validates and loads the results in batches as they arrive. A bad file becomes a
quarantined row, never a failed flow. The run's quality report is written beside the
warehouse and its summary published as Prefect artifacts.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote
from pydantic import SecretStr

from briefs import read_ahead
from briefs.outcomes import FileOutcome, RunSummary, analyse_file, close_run, notify, record_outcomes, validate_outcomes
from briefs.files import discover, sha256_file
from briefs.isolation import Limits, children_for, files_at_once, set_processes, stop_children
from briefs.reading import WarehouseUnavailable, read_only
from briefs.report import run_summary_markdown, run_summary_rows, write_report
from warehouse.loader import loaded_sha256s, open_warehouse, start_run
from warehouse.lock import warehouse_lock

DEFAULT_DB = Path("warehouse/briefs.duckdb")
LOAD_BATCH = 100  # briefs held in memory before they are written: memory stays flat with the run's size
TASKS_PER_WORKER = 4
MAX_GROUP = 25


@task(name="analyse-briefs", cache_policy=NO_CACHE)
def analyse_files(files: list[tuple[Path, str]], limits: Limits, passwords: tuple[str, ...]) -> list[FileOutcome]:
    """Extract and parse a group of (path, sha256) files, as many at once as there are
    children, so that the last group of a run still keeps every child busy. A file read ahead
    while Prefect started (briefs.read_ahead) is taken as it was read."""
    def analyse(file: tuple[Path, str]) -> FileOutcome:
        outcome = read_ahead.take(file, limits, passwords) or analyse_file(*file, limits, passwords)
        notify(outcome)
        return outcome

    with ThreadPoolExecutor(max_workers=files_at_once()) as threads:
        return list(threads.map(analyse, files))


def group_size(files: int, workers: int) -> int:
    """Files per analyse task: one each in a small run; in a large one, enough that each
    worker gets about TASKS_PER_WORKER tasks, so Prefect records tens of task runs, not
    thousands (each costs ~40 ms of CPU between the flow and the server, a third of a brief's
    own cost). A group spreads its files over every child (files_at_once), so fewer, larger
    groups do not leave a child idle at the end of a run; on Dask, where a worker reads a
    group's files one at a time, the last group is at most MAX_GROUP files."""
    return max(1, min(MAX_GROUP, files // (TASKS_PER_WORKER * max(1, workers))))


@task(name="load-briefs", cache_policy=NO_CACHE)
def load_outcomes(db: Path, run_id: str, outcomes: list[FileOutcome]) -> list[FileOutcome]:
    """Validate a batch of parsed briefs together, then write those that pass, and every file's
    outcome and failed checks. (The flow passes the batch quoted: Prefect would otherwise walk
    every row of every brief looking for futures.)"""
    return record_outcomes(db, run_id, outcomes, validate_outcomes(outcomes))


@task(name="report-run", cache_policy=NO_CACHE)
def report_run(db: Path, run_id: str) -> Path | None:
    """Write the run's HTML report beside the warehouse and publish its summary in the Prefect UI.

    The data is already loaded: a report that cannot be written is a warning, not a failed run.
    """
    try:
        path = write_report(Path(db), run_id=run_id)
        with read_only(Path(db)) as con:
            markdown, rows = run_summary_markdown(con, run_id), run_summary_rows(con, run_id)
    except (OSError, WarehouseUnavailable) as exc:
        get_run_logger().warning("no quality report for run %s: %s", run_id, exc)
        return None
    create_markdown_artifact(markdown, key="ingest-summary", description=f"briefs ingest run {run_id}")
    create_table_artifact(rows, key="ingest-files", description="one row per input file of the run")
    return path


@flow(name="ingest", log_prints=True)
def ingest(
    paths: list[Path] | None = None,
    db: Path = DEFAULT_DB,
    limits: Limits = Limits(),
    passwords: tuple[SecretStr, ...] = (),
    wait_seconds: float = 600.0,
    workers: int = os.cpu_count() or 1,
) -> RunSummary:
    """Load every new brief under `paths` into the warehouse at `db` (one writer at a time).

    `workers` sizes the pool of extraction processes; give the task runner more threads than
    that, so Prefect's bookkeeping of one task overlaps the reading of another. Give
    `passwords` as pydantic SecretStr, as the CLI does: Prefect stores a flow run's parameters
    as they were passed, and shows a SecretStr masked (plain strings work, but are stored).
    """
    run_id = flow_run.get_id() or str(uuid.uuid4())
    secrets = tuple(p.get_secret_value() if isinstance(p, SecretStr) else p for p in passwords)
    files = discover(paths or [Path("raw")])
    with warehouse_lock(Path(db), wait_seconds, on_wait=print):
        con = open_warehouse(db)
        try:
            start_run(con, run_id, dt.datetime.now(dt.timezone.utc))
            known = loaded_sha256s(con)
        finally:
            con.close()
        loaded: list[FileOutcome] = []
        copies: list[tuple[Path, str]] = []
        batch: list[FileOutcome] = []
        for outcome in _analyse_new(files, known, limits, secrets, workers, copies):
            batch.append(outcome)
            if len(batch) == LOAD_BATCH:
                loaded += load_outcomes(db, run_id, quote(batch))
                batch = []
        if batch:
            loaded += load_outcomes(db, run_id, quote(batch))
        if copies:
            loaded += load_outcomes(db, run_id, quote(_copies_of(loaded, copies)))
        order = {path.name: index for index, path in enumerate(files)}
        loaded.sort(key=lambda o: order.get(o.source_file, len(order)))
        close_run(db, run_id, loaded)
        report = report_run(db, run_id)
    summary = RunSummary(run_id=run_id, db=str(db), files=loaded, report=report and str(report))
    for outcome in loaded:
        if outcome.status == "quarantined":
            print(f"quarantined {outcome.source_file}: {outcome.reason}")
    print(
        f"ingest run {run_id}: {len(files)} files, {summary.count('loaded')} loaded, "
        f"{summary.count('unchanged')} unchanged, {summary.count('quarantined')} quarantined"
    )
    return summary


def _analyse_new(
    files: list[Path], known: set[str], limits: Limits, passwords: tuple[str, ...], workers: int,
    copies: list[tuple[Path, str]],
) -> Iterator[FileOutcome]:
    """Hash every file, skip bytes already loaded, analyse the rest in groups (one task per
    group), yielding each outcome as it is known. A later copy of bytes seen earlier in the run
    goes into `copies`, (path, sha256), to share that file's fate once it is loaded."""
    new: list[tuple[Path, str]] = []
    seen: set[str] = set()
    for path in files:
        started = time.perf_counter()
        try:
            sha256 = sha256_file(path)
        except OSError as exc:
            outcome = FileOutcome(path.name, None, "quarantined", f"could not be read: {exc.strerror or exc}")
        else:
            if sha256 in seen:
                copies.append((path, sha256))
                continue
            seen.add(sha256)
            if sha256 not in known:
                new.append((path, sha256))
                continue
            outcome = FileOutcome(path.name, sha256, "unchanged", "already loaded",
                                  round(time.perf_counter() - started, 3), brief_id=sha256[:16])
        notify(outcome)
        yield outcome
    set_processes(children_for(len(new), workers))
    size = group_size(len(new), workers)
    pending = [_analyse_group(new[start:start + size], limits, passwords) for start in range(0, len(new), size)]
    if not pending:
        _done_reading()
    for done, future in enumerate(as_completed(pending), start=1):
        outcomes = future.result()
        if done == len(pending):
            _done_reading()
        for outcome in outcomes:
            notify(outcome)
            yield outcome


def _done_reading() -> None:
    """Every file is read: free the children (and anything read ahead but not taken) before the
    last load and the report."""
    read_ahead.stop()
    stop_children()


def _analyse_group(group: list[tuple[Path, str]], limits: Limits, passwords: tuple[str, ...]):
    """Submit one analyse task, named for the files it reads."""
    first, last = group[0][0].name, group[-1][0].name
    name = first if len(group) == 1 else f"{first} … {last} ({len(group)} files)"
    return analyse_files.with_options(task_run_name=f"analyse {name}").submit(group, limits, passwords)


def _copies_of(recorded: list[FileOutcome], copies: list[tuple[Path, str]]) -> list[FileOutcome]:
    """Outcomes of files whose bytes an earlier file of the run had: they share its fate."""
    first = {outcome.sha256: outcome for outcome in recorded if outcome.sha256}
    outcomes = []
    for path, sha256 in copies:
        original = first[sha256]
        same = f"same bytes as {original.source_file}"
        rejected = original.status == "quarantined"
        copy = FileOutcome(path.name, sha256, "quarantined" if rejected else "unchanged",
                           f"{original.reason} ({same})" if rejected else same,
                           brief_id=original.brief_id, partner=original.partner, published=original.published)
        notify(copy)
        outcomes.append(copy)
    return outcomes
