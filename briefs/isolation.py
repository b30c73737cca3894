"""Run untrusted-PDF work in child processes with a time and a memory limit.

A malformed PDF can make pdfminer inflate hundreds of MB or loop for minutes; in a child
process that is one quarantined file, not a dead run. The children form a small pool that
lives for the whole run, because starting a fresh child per file costs more than reading a
brief. The children are forked from a forkserver that has imported the PDF libraries once, so a
child is ready at once, whether it is the first, the fourth or one replacing a child that a limit
killed (importing them costs about 0.45 s of CPU a child). A file
over its time limit gets its pool torn down; files that were in flight in that pool when it
went down are retried once on a fresh one, so only the culprit is quarantined.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import resource
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from extractors.errors import DEFAULT_MAX_PAGES, ExtractionError

PRELOAD = ("briefs.analyse", "extractors.pdf", "parsers.records")  # what read_brief imports
TASKS_PER_CHILD = 500


@dataclass(frozen=True)
class Limits:
    """Per-file bounds; the defaults suit a brief of a few pages with room to spare."""

    seconds: float = 60.0
    memory_bytes: int = 1 << 30
    max_bytes: int = 50 << 20
    max_pages: int = DEFAULT_MAX_PAGES


class LimitExceeded(ExtractionError):
    """The file needed more time or memory than allowed."""


def _start_child(memory_bytes: int) -> None:
    """Bound the child's memory and take the libraries it inherited out of the garbage
    collector's sight: a brief allocates millions of small objects, and each full collection
    would otherwise walk every module pdfminer, numpy and the parsers loaded (about 10% of a
    brief's time). The forkserver holds one more copy of those libraries (about 55 MiB), but
    the children share its pages, so a run of two children holds less than when each imported
    its own."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    gc.freeze()


def _call(func: Callable[..., Any], args: tuple) -> tuple[str, Any]:
    """Runs in the child: the result, or what went wrong, as plain picklable values."""
    try:
        return "ok", func(*args)
    except ExtractionError as exc:
        return "rejected", str(exc)
    except MemoryError:
        return "memory", ""
    except Exception as exc:  # noqa: BLE001 - any library failure on a bad file is a reason, not a crash
        detail = str(exc).strip() or type(exc).__name__
        return "error", f"{type(exc).__name__}: {detail}\n{traceback.format_exc(limit=3)}"


class _Pool:
    """The run's child processes, rebuilt when a limit forces one down.

    Callers may outnumber the children (a task runner with spare threads keeps the children
    busy while Prefect records the tasks around them); `slots` admits one file per child at a
    time, so a file's time limit runs from when a child takes it, not while it waits in line.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._memory_bytes = 0
        self.processes = os.cpu_count() or 1
        self.slots = threading.Semaphore(self.processes)
        self.generation = 0

    def resize(self, processes: int) -> None:
        """As many children as files analysed at once (more would only hold memory)."""
        with self._lock:
            if processes != self.processes and self._executor is not None:
                self._close()
            self.processes = max(1, processes)
            self.slots = threading.Semaphore(self.processes)

    def submit(self, memory_bytes: int, func: Callable[..., Any], *args: Any) -> tuple[Future, int]:
        """Submit to the current pool (started if need be) and say which generation took it: under
        the lock, so that another file's time limit cannot shut the pool down in between."""
        with self._lock:
            executor, generation = self._current(memory_bytes)
            return executor.submit(func, *args), generation

    def _current(self, memory_bytes: int) -> tuple[ProcessPoolExecutor, int]:
        """The pool for this memory limit, started if there is none (the caller holds the lock)."""
        if self._executor is not None and self._memory_bytes != memory_bytes:
            self._close()
        if self._executor is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(list(PRELOAD))  # once per process: when the server starts
            self._executor = ProcessPoolExecutor(
                max_workers=self.processes, mp_context=context, initializer=_start_child,
                initargs=(memory_bytes,), max_tasks_per_child=TASKS_PER_CHILD)
            self._memory_bytes = memory_bytes
        return self._executor, self.generation

    def restart(self, generation: int) -> None:
        """Kill the pool's children (once per generation, however many callers ask)."""
        with self._lock:
            if generation == self.generation and self._executor is not None:
                self._close()

    def stop(self) -> None:
        """End the children (the next file starts new ones)."""
        with self._lock:
            if self._executor is not None:
                self._close()

    def _close(self) -> None:
        for process in list((self._executor._processes or {}).values()):
            process.kill()
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = None
        self.generation += 1


_POOL = _Pool()


def children_for(files: int, workers: int) -> int:
    """How many children a run of `files` new files needs with `workers` allowed: no more than files."""
    return max(1, min(workers, files))


def set_processes(processes: int) -> None:
    """Size the pool of children to the number of files the run analyses at once."""
    _POOL.resize(processes)


def files_at_once() -> int:
    """How many files run_isolated can work on at once here: one per child, or one in a
    daemonic process (a Dask worker), which works in-process."""
    return 1 if multiprocessing.current_process().daemon else _POOL.processes


def stop_children() -> None:
    """End the run's children once every file is read: they hold ~100 MiB each, which the
    loading and the report at the end of a run, or the wait until a scheduled one, do not need."""
    _POOL.stop()


def run_isolated(func: Callable[..., Any], *args: Any, limits: Limits = Limits()) -> Any:
    """`func(*args)` in a bounded child; its ExtractionError, a crash or a limit become an ExtractionError here.

    A daemonic process (a Dask worker, by default) may not have children: there the work
    runs in the worker itself, which is already apart from the flow and the warehouse.
    """
    if multiprocessing.current_process().daemon:
        return _in_process(func, args)
    for attempt in range(2):
        generation = _POOL.generation
        try:
            with _POOL.slots:
                future, generation = _POOL.submit(limits.memory_bytes, _call, func, args)
                status, payload = future.result(timeout=limits.seconds)
            break
        except FutureTimeout:
            _POOL.restart(generation)
            raise LimitExceeded(f"took longer than the {limits.seconds:g} s time limit (raise it with --timeout)") from None
        except (BrokenProcessPool, CancelledError):  # a child died, or another file's limit took the pool down
            _POOL.restart(generation)
            if attempt == 1:
                raise LimitExceeded(
                    f"the extraction process died; usually the {limits.memory_bytes >> 20} MiB memory limit "
                    "(raise it with --memory-mb)") from None
    if status == "ok":
        return payload
    if status == "memory":
        raise LimitExceeded(f"needed more than the {limits.memory_bytes >> 20} MiB memory limit (raise it with --memory-mb)")
    if status == "rejected":
        raise ExtractionError(payload)
    raise ExtractionError(f"could not be read: {payload.splitlines()[0]}")


def _in_process(func: Callable[..., Any], args: tuple) -> Any:
    status, payload = _call(func, args)
    if status == "ok":
        return payload
    if status == "rejected":
        raise ExtractionError(payload)
    raise ExtractionError(f"could not be read: {payload.splitlines()[0] if payload else 'out of memory'}")
