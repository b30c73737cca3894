"""The warm runner: a long-lived process that has imported Prefect, pandas, Pandera and DuckDB
once, and forks a fresh process for each `briefs ingest`.

Every `briefs ingest` is otherwise a new Python process that spends about 1.1 s of CPU importing
those libraries. With one worker that runs beside the reading; with two it takes a share of the
cores the children need. A run handed to the runner is a fork of a process that has imported
them and done nothing else, so a run never sees another run's state.

How a run is handed over (`hand_over`, called by the `briefs` command before it imports
anything heavy): the client sends its argv, working directory, environment and its stdin,
stdout and stderr over a Unix socket in PREFECT_HOME; the runner forks; the fork takes those
as its own and runs the CLI, exactly as the client would have. The runner answers "pid N", and
"exit CODE" when the fork has exited. The client passes Ctrl-C and termination on to the run.

What a runner will serve: its socket is named for a key made of the Python, the project's
source files, the installed packages and the environment variables read at import time
(PREFECT_*, PYTHON*, BRIEFS_*, locale, TZ). A client whose key differs (the code was edited,
a package upgraded, another profile chosen) finds no runner and runs the command itself. Only
the runner's own user may connect. The CLI starts a runner beside the background Prefect server
it keeps (`start_beside`); the runner ends when that server does, when its code changes, when a newer runner starts in
the same PREFECT_HOME (so one clone or setting at a time holds the memory), or on
`briefs server stop`, each time after the runs it has started have finished.

Standard library only at import: the client side must cost nothing before it knows.
"""

from __future__ import annotations

import fcntl
import gc
import hashlib
import importlib
import json
import os
import selectors
import signal
import socket
import struct
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from briefs.settings import prefect_home

PACKAGES = ("briefs", "extractors", "flows", "parsers", "schemas", "warehouse")
# What a run imports: the flow and everything it loads, the CLI's libraries, and what Prefect
# imports only once a flow runs (FastAPI's encoder for the flow's parameters, the engines,
# graphviz, anyio's backend: about 0.1 s; found by comparing sys.modules before and after a
# run). Not briefs.cli itself: its console reads the terminal's settings when it is made.
WARM_MODULES = ("flows.ingest", "schemas.validate", "warehouse.loader", "briefs.report", "briefs.settings",
                "prefect.task_runners", "typer", "rich.progress", "rich.table", "rich.markup",
                "fastapi.encoders", "prefect.flow_engine", "prefect.task_engine", "prefect.utilities.visualization",
                "anyio._backends._asyncio")
KEY_PREFIXES = ("PREFECT_", "PYTHON", "BRIEFS_", "LC_")
KEY_NAMES = ("LANG", "LANGUAGE", "TZ", "HOME")
CHECK_SECONDS = 5.0  # how often an idle runner checks that its server and its code are still there
MAX_SOCKET_PATH = 107  # a Unix socket's path, with its final NUL, must fit in 108 bytes
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)


def key(environ: dict[str, str] | os._Environ = os.environ, packages: tuple[str, ...] = PACKAGES) -> str:
    """What a runner must share with a client to serve it: the interpreter, the source files of
    `packages` (path, size and mtime), the installed packages, and the environment read at import."""
    digest = hashlib.sha256(f"{sys.executable}\0{sys.version}".encode())
    for package in packages:
        spec = find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            for source in sorted(Path(folder).rglob("*.py")):
                stat = source.stat()
                digest.update(f"{source}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    digest.update(str(Path(sysconfig.get_paths()["purelib"]).stat().st_mtime_ns).encode())
    for name in sorted(environ):
        if name.startswith(KEY_PREFIXES) or name in KEY_NAMES:
            digest.update(f"{name}={environ[name]}\0".encode())
    return digest.hexdigest()[:16]


def socket_path(runner_key: str, environ: dict[str, str] | os._Environ = os.environ) -> Path | None:
    """Where the runner for `runner_key` listens; None if that path is too long for a socket."""
    path = prefect_home(environ) / f"briefs-runner-{runner_key}.sock"
    return path if len(os.fsencode(path)) <= MAX_SOCKET_PATH else None


def _lock_path(path: Path) -> Path:
    return path.with_suffix(".lock")


def enabled(environ: dict[str, str] | os._Environ = os.environ) -> bool:
    """On Linux (SO_PEERCRED, SOCK_SEQPACKET), unless BRIEFS_RUNNER=off runs every command in
    its own process."""
    return sys.platform == "linux" and environ.get("BRIEFS_RUNNER", "on").lower() not in ("off", "0", "false", "no")


# The client: the `briefs` command, before it imports anything heavy.

def hand_over(argv: list[str]) -> int | None:
    """Run `argv` in the warm runner for this code and environment, passing this process's
    stdin, stdout and stderr; its exit code, or None if no runner took it (run it here)."""
    if not enabled():
        return None
    runner_key = key()
    path = socket_path(runner_key)
    if path is None or not path.exists():
        return None
    client = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    signal.pthread_sigmask(signal.SIG_BLOCK, FORWARDED)  # a Ctrl-C from here on waits until it can be passed on
    try:
        client.connect(str(path))
        request = {"key": runner_key, "argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}
        socket.send_fds(client, [json.dumps(request).encode()], [0, 1, 2])
        reply = client.recv(64)
        if not reply.startswith(b"pid "):
            raise ConnectionRefusedError("the runner refused the run")
        run = int(reply[4:])
        for signum in FORWARDED:
            signal.signal(signum, lambda signum, _frame: _signal_run(run, signum))
    except OSError:
        client.close()
        return None
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, FORWARDED)
    with client:
        message = client.recv(64)
    if not message.startswith(b"exit "):
        return 1  # the runner went away mid-run
    code = int(message[5:])
    return 128 - code if code < 0 else code  # killed by signal N: 128 + N, as a shell says


def _signal_run(run: int, signum: int) -> None:
    try:
        os.killpg(run, signum)  # the run's process group: it, its forkserver and its children
    except ProcessLookupError:
        pass


# Starting and stopping runners: called by the CLI.

def start_beside(server_pid: int, environ: dict[str, str]) -> None:
    """Start a runner for the code and `environ` (the environment `briefs` was started with),
    in the background, unless one is already up or starting; it ends with `server_pid`."""
    if not enabled(environ):
        return
    path = socket_path(key(environ), environ)
    if path is None or _holder(_lock_path(path)) is not None:
        return
    log = open(prefect_home(environ) / "briefs-runner.log", "ab")
    with log:
        subprocess.Popen(
            [sys.executable, "-P", "-m", "briefs.runner", "--watch", str(server_pid)],
            env=environ, cwd="/", stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True,
        )


@dataclass(frozen=True)
class RunnerInfo:
    pid: int
    socket: Path
    ready: bool


def runners(environ: dict[str, str] | os._Environ = os.environ) -> list[RunnerInfo]:
    """Every runner alive in PREFECT_HOME, whatever its key."""
    found = []
    for lock in sorted(prefect_home(environ).glob("briefs-runner-*.lock")):
        pid = _holder(lock)
        if pid is not None:
            sock = lock.with_suffix(".sock")
            found.append(RunnerInfo(pid, sock, sock.exists()))
    return found


def ready(environ: dict[str, str] | os._Environ = os.environ) -> RunnerInfo | None:
    """The runner that would take a `briefs ingest` started with `environ` now, if any."""
    path = socket_path(key(environ), environ)
    return next((r for r in runners(environ) if r.socket == path and r.ready), None)


def stop_all(environ: dict[str, str] | os._Environ = os.environ, sparing: int | None = None) -> list[RunnerInfo]:
    """Ask every runner in PREFECT_HOME but `sparing` to end (each first lets its runs finish)."""
    stopped = [runner for runner in runners(environ) if runner.pid != sparing]
    for runner in stopped:
        try:
            os.kill(runner.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    return stopped


def _holder(lock: Path) -> int | None:
    """The pid of the runner holding `lock`, or None if nobody holds it."""
    try:
        with open(lock, "r+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return int(handle.read().strip() or 0) or None
            return None
    except (OSError, ValueError):
        return None


# The runner itself.

@dataclass
class Request:
    """A run handed over by a client, as the fork that will run it sees it."""

    argv: list[str]
    cwd: str
    env: dict[str, str]
    fds: list[int]


def serve(watch: int | None) -> Request | None:
    """Import the libraries, then fork a run for each client until told to stop; the fork
    returns its Request, the runner None when it ends (after its runs have)."""
    runner_key = key()
    path = socket_path(runner_key)
    if path is None:
        return None
    lock = open(_lock_path(path), "a+")
    if not _locked(lock):
        return None  # another runner for this key is up or starting
    lock.truncate(0)
    lock.write(str(os.getpid()))
    lock.flush()
    stop_all(sparing=os.getpid())  # one runner per PREFECT_HOME, for the code and settings last used
    gc.disable()
    for module in WARM_MODULES:
        importlib.import_module(module)
    gc.freeze()
    gc.enable()
    path.unlink(missing_ok=True)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    umask = os.umask(0o177)
    try:
        listener.bind(str(path))
    finally:
        os.umask(umask)
    listener.listen(16)
    listener.setblocking(False)
    bound = path.stat().st_ino
    print(f"runner {os.getpid()} ready at {path} (key {runner_key})", flush=True)

    stopping: list[str] = []
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_read, False)
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.signal(signal.SIGTERM, lambda *_: stopping.append("asked to stop"))
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    selector.register(wake_read, selectors.EVENT_READ)
    runs: dict[int, socket.socket] = {}
    checked = time.monotonic()

    def close_all() -> None:
        selector.close()
        listener.close()
        for conn in runs.values():
            conn.close()
        os.close(wake_read)
        os.close(wake_write)
        lock.close()

    listening = True
    while not stopping or runs:
        for ready_key, _ in selector.select(timeout=CHECK_SECONDS):
            if ready_key.fileobj is wake_read:
                while _drained(wake_read):
                    pass
            elif not stopping:
                accepted = _accept(listener, runner_key)
                if accepted is None:
                    continue
                conn, request = accepted
                sys.stdout.flush()
                sys.stderr.flush()
                pid = os.fork()
                if pid == 0:
                    signal.set_wakeup_fd(-1)
                    for signum in (signal.SIGCHLD, signal.SIGTERM):
                        signal.signal(signum, signal.SIG_DFL)
                    close_all()
                    conn.close()
                    return request
                try:
                    os.setpgid(pid, pid)  # here too, so that a signal sent at once finds the group
                except OSError:
                    pass  # the fork has done it already, or has ended
                for fd in request.fds:
                    os.close(fd)
                conn.send(f"pid {pid}".encode())
                runs[pid] = conn
                print(f"run {pid}: {' '.join(masked(request.argv[1:]))}", flush=True)
        _reap(runs)
        if not stopping and time.monotonic() - checked >= CHECK_SECONDS:
            checked = time.monotonic()
            if (reason := _why_stop(path, bound, runner_key, watch)) is not None:
                stopping.append(reason)
        if stopping and listening:
            listening = False
            selector.unregister(listener)
            listener.close()
            if path.exists() and path.stat().st_ino == bound:
                path.unlink()
    print(f"runner {os.getpid()} stopped: {stopping[0]}", flush=True)
    close_all()
    return None


def masked(args: list[str]) -> list[str]:
    """A run's arguments as the log shows them: passwords masked."""
    shown, secret = [], False
    for arg in args:
        shown.append("***" if secret else "--password=***" if arg.startswith("--password=") else arg)
        secret = arg == "--password"
    return shown


def _locked(lock) -> bool:
    """Take the runner's lock; a moment's retry lets a `briefs server status` that is looking at
    it let go."""
    for _ in range(20):
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            time.sleep(0.05)
    return False


def _drained(fd: int) -> bool:
    try:
        return bool(os.read(fd, 512))
    except BlockingIOError:
        return False


def _accept(listener: socket.socket, runner_key: str) -> tuple[socket.socket, Request] | None:
    """The next client's request, if it is this user's and for this runner's key."""
    try:
        conn, _ = listener.accept()
    except BlockingIOError:
        return None
    conn.setblocking(True)
    _, uid, _ = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")))
    try:
        message, fds, _, _ = socket.recv_fds(conn, 1 << 20, 3)
        request = json.loads(message)
    except (OSError, ValueError):
        conn.close()
        return None
    if uid != os.getuid() or request.get("key") != runner_key or len(fds) != 3:
        for fd in fds:
            os.close(fd)
        conn.send(b"refused")
        conn.close()
        return None
    return conn, Request(request["argv"], request["cwd"], request["env"], fds)


def _reap(runs: dict[int, socket.socket]) -> None:
    """Tell the clients of finished runs how their run ended."""
    while runs:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        conn = runs.pop(pid, None)
        if conn is not None:
            code = os.waitstatus_to_exitcode(status)
            try:
                conn.send(f"exit {code}".encode())
            except OSError:
                pass  # the client has gone
            conn.close()
            print(f"run {pid}: exit {code}", flush=True)


def _why_stop(path: Path, bound: int, runner_key: str, watch: int | None) -> str | None:
    """Why this runner should end now, if it should: its server is gone, its socket was removed
    or taken over, or its code or packages changed since it started."""
    if watch is not None:
        try:
            os.kill(watch, 0)
        except ProcessLookupError:
            return f"the Prefect server {watch} has ended"
    try:
        if path.stat().st_ino != bound:
            return "its socket was replaced"
    except FileNotFoundError:
        return "its socket was removed"
    if key() != runner_key:
        return "its code, packages or settings changed"
    return None


def run_cli(request: Request) -> None:
    """In the fork: become the client's process (its stdio, directory and environment), then run
    the CLI; Prefect re-reads its settings from that environment when the CLI configures it."""
    for target, fd in enumerate(request.fds):
        os.dup2(fd, target)
        os.close(fd)
    os.setpgid(0, 0)  # its own process group, which the client signals
    os.chdir(request.cwd)
    os.environ.clear()
    os.environ.update(request.env)
    time.tzset()
    sys.argv = request.argv
    sys.stdout.reconfigure(line_buffering=sys.stdout.isatty())
    from briefs.settings import prefect_preloaded

    prefect_preloaded()
    from briefs.cli import app

    app()


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m briefs.runner", description="the warm runner (started by briefs)")
    parser.add_argument("--watch", type=int, help="end when this process (the Prefect server) has ended")
    request = serve(parser.parse_args().watch)
    if request is not None:
        run_cli(request)


if __name__ == "__main__":
    main()
