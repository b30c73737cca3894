"""`briefs` command line: a thin layer over the ingest flow."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from briefs.launch import ENV_AT_LAUNCH
from briefs.settings import prepare_prefect

app = typer.Typer(help="Turn PDF partnership briefs into validated DuckDB tables.", no_args_is_help=True, add_completion=False)
console = Console()
DEFAULT_DB = Path("warehouse/briefs.duckdb")

EXIT_OK, EXIT_FAILED, EXIT_QUARANTINED = 0, 1, 3


@app.callback()
def main() -> None:
    """briefs: PDF partnership briefs → DuckDB."""


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[Optional[list[Path]], typer.Argument(help="PDF files or folders of PDFs (default: raw/)")] = None,
    db: Annotated[Path, typer.Option("--db", help="DuckDB warehouse file")] = DEFAULT_DB,
    password: Annotated[Optional[list[str]], typer.Option("--password", help="user password for protected PDFs (repeatable)")] = None,
    password_file: Annotated[Optional[Path], typer.Option("--password-file", help="file with one password per line, tried in turn")] = None,
    max_pages: Annotated[int, typer.Option("--max-pages", help="longest PDF accepted as a brief")] = 30,
    timeout: Annotated[float, typer.Option("--timeout", help="seconds allowed per file")] = 60.0,
    memory_mb: Annotated[int, typer.Option("--memory-mb", help="memory allowed per file, MiB")] = 1024,
    workers: Annotated[int, typer.Option("--workers", help="files processed at once")] = os.cpu_count() or 1,
    dask_address: Annotated[Optional[str], typer.Option("--dask-address", help="run the per-file work on this Dask cluster (tcp://host:port)")] = None,
    wait: Annotated[float, typer.Option("--wait", help="seconds to wait for another ingest writing the same warehouse")] = 600.0,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="show Prefect's logs")] = False,
) -> None:
    """Ingest briefs: extract, parse, validate and load them; print one line per file."""
    gc.disable()  # until the libraries are imported: see _start_collecting
    ctx.call_on_close(gc.enable)
    from briefs.outcomes import on_file_done, record_if_nothing_new
    from warehouse.lock import WarehouseBusy

    targets = paths or [Path("raw")]
    missing = [str(p) for p in targets if not p.exists()]
    if missing:
        console.print(f"[red]error:[/] no such file or folder: {', '.join(missing)}")
        raise typer.Exit(EXIT_FAILED)
    passwords = list(password or [])
    if password_file is not None:
        try:
            passwords += [line.rstrip("\r\n") for line in password_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        except OSError as exc:
            console.print(f"[red]error:[/] cannot read the password file {password_file}: {exc.strerror}")
            raise typer.Exit(EXIT_FAILED) from None
    try:
        summary, new = record_if_nothing_new(targets, db, wait)
        if summary is None:
            from pydantic import SecretStr

            from briefs import read_ahead
            from briefs.isolation import Limits

            limits = Limits(seconds=timeout, memory_bytes=memory_mb << 20, max_pages=max_pages)
            if dask_address is None:
                read_ahead.start(new, limits, tuple(passwords), max(1, workers))
            try:
                server = prepare_prefect(verbose, console.print)
                with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                              TimeElapsedColumn(), console=console, transient=True,
                              disable=not console.is_terminal) as progress:  # redrawn 10 times a second
                    bar = progress.add_task("starting Prefect…", total=None)
                    remove = on_file_done(lambda o: progress.update(bar, description=f"ingesting ({o.source_file})", advance=1))
                    try:
                        flow = _ingest_flow(workers, dask_address)
                        _start_collecting()
                        with _without_heartbeats():
                            summary = flow(paths=targets, db=db, limits=limits, passwords=tuple(map(SecretStr, passwords)),
                                           wait_seconds=wait, workers=max(1, workers))
                    finally:
                        remove()
            finally:
                read_ahead.stop()  # a run that failed to start must not go on reading
            if server is not None:  # the next run, handed to a warm runner, skips the imports
                from briefs.runner import start_beside

                start_beside(server.pid, ENV_AT_LAUNCH)
        else:
            summary.report = _write_report(db, summary.run_id)
    except WarehouseBusy as exc:
        console.print(f"[red]ingest not run:[/] {exc}")
        raise typer.Exit(EXIT_FAILED) from None
    except Exception as exc:  # noqa: BLE001 - the run itself failed: say so without a traceback
        console.print(f"[red]ingest failed:[/] {type(exc).__name__}: {exc}")
        raise typer.Exit(EXIT_FAILED) from None
    console.print(_summary_table(summary))
    console.print(f"warehouse: {summary.db}   run: {summary.run_id}")
    console.print(f"quality report: {summary.report}" if summary.report else "[yellow]no quality report was written[/]")
    raise typer.Exit(EXIT_QUARANTINED if summary.count("quarantined") else EXIT_OK)


def _start_collecting() -> None:
    """Importing Prefect, pandas, Pandera and DuckDB makes about a million objects that live as long
    as the process: collecting garbage while they are made found nothing and cost a tenth of the
    imports' CPU, and a collection during the run would walk them all again. So the collector is
    off until they are loaded, which are then frozen out of its sight, and on for the run."""
    import schemas.validate  # noqa: F401 - Pandera, which the first load would import

    gc.freeze()
    gc.enable()


def _write_report(db: Path, run_id: str) -> str | None:
    """The report of a run recorded without a flow (nothing new); a warning if it cannot be written."""
    from briefs.reading import WarehouseUnavailable
    from briefs.report import write_report

    try:
        return str(write_report(db, run_id=run_id))
    except (OSError, WarehouseUnavailable) as exc:
        console.print(f"[yellow]warning:[/] no quality report: {exc}")
        return None


def _without_heartbeats():
    """Prefect settings for a run started by hand: no flow-run heartbeats. They serve zombie
    detection of deployment runs (`briefs serve` keeps them), and the engine waits up to 1 s
    at the end of every run for the heartbeat thread to wake and stop."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})


def _ingest_flow(workers: int, dask_address: str | None):
    """The ingest flow with its task runner, or Dask. Each file is read in one of `workers` child
    processes; twice as many threads let Prefect record one file's task while children read others."""
    from flows.ingest import ingest as ingest_flow

    if dask_address:
        from prefect_dask import DaskTaskRunner

        return ingest_flow.with_options(task_runner=DaskTaskRunner(address=dask_address))
    from prefect.task_runners import ThreadPoolTaskRunner

    return ingest_flow.with_options(task_runner=ThreadPoolTaskRunner(max_workers=2 * max(1, workers)))


server_app = typer.Typer(help="The local Prefect server briefs starts once and reuses.", no_args_is_help=True)
app.add_typer(server_app, name="server")


@server_app.command("status")
def server_status() -> None:
    """Say whether the background Prefect server and the warm runner are running."""
    from briefs.prefect_server import running
    from briefs.runner import ready, runners

    info = running()
    console.print(f"Prefect server: running at {info.url} (pid {info.pid})" if info else "Prefect server: not running")
    current, alive = ready(ENV_AT_LAUNCH), runners()
    for runner in alive:
        state = "ready" if runner == current else "ready for other code or settings" if runner.ready else "starting"
        console.print(f"warm runner: pid {runner.pid}, {state}")
    if not alive:
        console.print("warm runner: not running")


@server_app.command("stop")
def server_stop() -> None:
    """Stop the background Prefect server and the warm runners started by briefs."""
    from briefs.prefect_server import stop
    from briefs.runner import stop_all

    info = stop()
    console.print(f"stopped the server at {info.url}" if info else "no server was running")
    for runner in stop_all():
        console.print(f"stopping the warm runner {runner.pid} (it ends when its runs have)")


@app.command()
def serve(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="PDF files or folders of PDFs (default: raw/)")] = None,
    cron: Annotated[Optional[str], typer.Option("--cron", help='cron schedule, e.g. "0 6 * * 1"')] = None,
    interval: Annotated[Optional[float], typer.Option("--interval", help="seconds between runs")] = None,
    db: Annotated[Path, typer.Option("--db", help="DuckDB warehouse file")] = DEFAULT_DB,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="show Prefect's logs")] = False,
) -> None:
    """Serve the ingest flow as a Prefect deployment that runs on a schedule (until stopped)."""
    if (cron is None) == (interval is None):
        console.print("[red]error:[/] give exactly one of --cron or --interval")
        raise typer.Exit(EXIT_FAILED)
    prepare_prefect(verbose, console.print)
    from prefect import serve as prefect_serve

    from briefs.scheduling import ingest_deployment

    deployment = ingest_deployment(paths or [Path("raw")], db, cron=cron, interval=interval)
    schedule = f"cron {cron!r}" if cron else f"every {interval:g} s"
    console.print(f"serving deployment ingest/{deployment.name} ({schedule}); Ctrl-C stops it")
    prefect_serve(deployment)


@app.command()
def diff(
    partner: Annotated[str, typer.Argument(help="partner name, as in briefs.partner (any case)")],
    since: Annotated[Optional[dt.datetime], typer.Option("--from", formats=["%Y-%m-%d", "%Y-%m"], help="compare from the edition current at this date")] = None,
    until: Annotated[Optional[dt.datetime], typer.Option("--to", formats=["%Y-%m-%d", "%Y-%m"], help="compare to the edition current at this date (default: latest)")] = None,
    db: Annotated[Path, typer.Option("--db", help="DuckDB warehouse file")] = DEFAULT_DB,
) -> None:
    """What changed between two editions of a partner's brief."""
    import duckdb

    from briefs.editions import NoSuchEditions, choose_pair, editions
    from briefs.editions import diff as edition_diff

    if not db.exists():
        console.print(f"[red]error:[/] no warehouse at {db}; run briefs ingest first")
        raise typer.Exit(EXIT_FAILED)
    with duckdb.connect(str(db), read_only=True) as con:
        try:
            old, new = choose_pair(editions(con, partner), since and since.date(), until and until.date())
        except NoSuchEditions as exc:
            console.print(f"[red]error:[/] {exc}")
            raise typer.Exit(EXIT_FAILED) from None
        changes = edition_diff(con, old, new)
    table = Table(title=f"{new.partner}: {old.published} → {new.published} ({len(changes)} changes)")
    for column in ("what", "change", "item", "old", "new", "pages"):
        table.add_column(column, overflow="fold")
    for change in changes:
        what = change["entity"] + (f" {change['field']}" if change["entity"] == "project" and change["field"] else "")
        pages = f"{change['old_page'] or '–'} → {change['new_page'] or '–'}"
        table.add_row(what, change["change"], change["item"] or "", change["old_value"] or "", change["new_value"] or "", pages)
    console.print(table)


def _summary_table(summary) -> Table:
    table = Table(title="ingest summary", show_lines=False)
    for column in ("file", "status", "partner", "edition", "rows / reason"):
        table.add_column(column, overflow="fold")
    colours = {"loaded": "green", "unchanged": "cyan", "quarantined": "red"}
    for outcome in summary.files:
        if outcome.status == "loaded":
            shown = ("contributions", "indicators", "projects", "agencies", "priorities")
            detail = ", ".join(f"{outcome.rows.get(name, 0)} {name}" for name in shown)
        else:
            detail = outcome.reason or ""
        table.add_row(
            outcome.source_file,
            f"[{colours.get(outcome.status, 'white')}]{outcome.status}[/]",
            outcome.partner or "",
            outcome.published.strftime("%Y-%m") if outcome.published else "",
            detail,
        )
    return table


from briefs import cli_analyst  # noqa: E402,F401 - registers report, export and sql on `app`

if __name__ == "__main__":
    sys.exit(app())
