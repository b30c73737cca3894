"""Read a run's first files while Prefect starts.

Importing Prefect and creating the flow run take about a second, in which the extraction
children would only wait. A read-ahead feeds them the run's new files, in the order the flow
reads them and one per child at a time, until the flow asks for its first file; from then on
the flow reads the rest. A file the read-ahead has started is taken from it, waiting if it is
still being read, rather than read twice. Both read a file the same way
(`briefs.outcomes.analyse_file`: the same children, limits and reasons), so a run's results do
not depend on which of them read a file. No Prefect here: that is what it runs ahead of.
"""

from __future__ import annotations

import threading
from collections import deque
from concurrent.futures import Future
from pathlib import Path

from briefs.isolation import Limits, children_for, set_processes
from briefs.outcomes import FileOutcome, analyse_file

File = tuple[Path, str]  # (path, sha256)


class ReadAhead:
    """Reads `files` with `limits` and `passwords`, one per child at a time, until taken over."""

    def __init__(self, files: list[File], limits: Limits, passwords: tuple[str, ...], children: int) -> None:
        self._queue = deque(files)
        self._limits, self._passwords = limits, passwords
        self._started: dict[File, Future[FileOutcome]] = {}
        self._lock = threading.Lock()
        self._stopped = False
        for _ in range(min(children, len(files))):  # each child's first file is started here and now
            threading.Thread(target=self._read, args=(self._next(),), name="briefs-read-ahead", daemon=True).start()

    def _next(self) -> tuple[File, Future[FileOutcome]] | None:
        with self._lock:
            if self._stopped or not self._queue:
                return None
            file = self._queue.popleft()
            future = self._started[file] = Future()
            return file, future

    def _read(self, job: tuple[File, Future[FileOutcome]] | None) -> None:
        while job is not None:
            file, future = job
            try:
                future.set_result(analyse_file(*file, self._limits, self._passwords))
            except BaseException as exc:  # noqa: BLE001 - handed to whoever takes the file
                future.set_exception(exc)
            job = self._next()

    def take(self, file: File, limits: Limits, passwords: tuple[str, ...]) -> FileOutcome | None:
        """The file's outcome if the read-ahead started it with these limits and passwords,
        once it is read; otherwise None. Either way, the read-ahead starts no more files."""
        with self._lock:
            self._stopped = True
            future = self._started.pop(file, None)
        if future is None or (limits, passwords) != (self._limits, self._passwords):
            return None
        return future.result()

    def stop(self) -> None:
        """Start no more files and forget those not taken."""
        with self._lock:
            self._stopped = True
            self._started.clear()


_current: ReadAhead | None = None


def start(files: list[File], limits: Limits, passwords: tuple[str, ...], workers: int) -> None:
    """Start reading `files` ahead of the run that will ask for them, in as many children as
    that run will use (replacing any earlier read-ahead)."""
    global _current
    stop()
    children = children_for(len(files), workers)
    set_processes(children)
    _current = ReadAhead(files, limits, passwords, children)


def take(file: File, limits: Limits, passwords: tuple[str, ...]) -> FileOutcome | None:
    """The outcome of `file` if it was read ahead (see ReadAhead.take); None if there is no read-ahead."""
    current = _current
    return None if current is None else current.take(file, limits, passwords)


def stop() -> None:
    """End the read-ahead, if any: the run has read its files, or will not run."""
    global _current
    if _current is not None:
        _current.stop()
        _current = None
