"""Run untrusted-PDF work in a child process with a time and a memory limit.

A malformed PDF can make pdfminer inflate hundreds of MB or loop for minutes; in a child
process that is one quarantined file, not a dead run. Children are forked from a
forkserver that has already imported the heavy libraries, so each costs milliseconds.
"""

from __future__ import annotations

import multiprocessing
import resource
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from extractors import ExtractionError
from extractors.pdf import DEFAULT_MAX_PAGES

PRELOAD = ["briefs.analyse"]


@dataclass(frozen=True)
class Limits:
    """Per-file bounds; the defaults suit a brief of a few pages with room to spare."""

    seconds: float = 60.0
    memory_bytes: int = 1 << 30
    max_bytes: int = 50 << 20
    max_pages: int = DEFAULT_MAX_PAGES


class LimitExceeded(ExtractionError):
    """The file needed more time or memory than allowed."""


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _in_process(func: Callable[..., Any], args: tuple) -> Any:
    try:
        return func(*args)
    except ExtractionError:
        raise
    except Exception as exc:  # noqa: BLE001 - any library failure on a bad file is a reason, not a crash
        raise ExtractionError(f"could not be read: {type(exc).__name__}: {str(exc).strip() or type(exc).__name__}") from exc


def _child(conn: Connection, func: Callable[..., Any], args: tuple, memory_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        conn.send(("ok", func(*args)))
    except ExtractionError as exc:
        conn.send(("rejected", str(exc)))
    except MemoryError:
        conn.send(("memory", ""))
    except Exception as exc:  # noqa: BLE001 - any library failure on a bad file is a reason, not a crash
        detail = str(exc).strip() or type(exc).__name__
        conn.send(("error", f"{type(exc).__name__}: {detail}\n{traceback.format_exc(limit=3)}"))
    finally:
        conn.close()


def run_isolated(func: Callable[..., Any], *args: Any, limits: Limits = Limits()) -> Any:
    """`func(*args)` in a bounded child; its ExtractionError, a crash or a limit become an ExtractionError here.

    A daemonic process (a Dask worker, by default) may not have children: there the work
    runs in the worker itself, which is already apart from the flow and the warehouse.
    """
    if multiprocessing.current_process().daemon:
        return _in_process(func, args)
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, func, args, limits.memory_bytes), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            raise LimitExceeded(f"took longer than the {limits.seconds:g} s time limit (raise it with --timeout)")
        try:
            status, payload = receiver.recv()
        except EOFError:
            process.join(5)
            raise LimitExceeded(
                f"the extraction process died (exit code {process.exitcode}); usually the "
                f"{limits.memory_bytes >> 20} MiB memory limit (raise it with --memory-mb)"
            ) from None
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiver.close()
    if status == "ok":
        return payload
    if status == "memory":
        raise LimitExceeded(f"needed more than the {limits.memory_bytes >> 20} MiB memory limit (raise it with --memory-mb)")
    if status == "rejected":
        raise ExtractionError(payload)
    raise ExtractionError(f"could not be read: {payload.splitlines()[0]}")
