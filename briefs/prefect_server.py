"""A Prefect API server that `briefs` starts once and reuses.

Without PREFECT_API_URL every Prefect process starts a temporary server (20-30 s here). The
CLI instead starts `prefect server start` once, in the background, on a free local port, and
records it in PREFECT_HOME/briefs-server.json; later runs find it there and connect in
milliseconds, and their runs stay visible in that server's UI. `briefs server stop` ends it.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from briefs.settings import prefect_home

STARTUP_SECONDS = 180.0


@dataclass(frozen=True)
class ServerInfo:
    url: str
    pid: int


def _state_file() -> Path:
    return prefect_home() / "briefs-server.json"


def healthy(url: str, timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def running() -> ServerInfo | None:
    """The server a previous run started, if it is still up."""
    try:
        info = ServerInfo(**json.loads(_state_file().read_text()))
    except (OSError, ValueError, TypeError):
        return None
    return info if healthy(info.url) else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_server() -> ServerInfo:
    """The running server, started now if there is none (one starter at a time)."""
    home = prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    with open(home / "briefs-server.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (info := running()) is not None:
            return info
        port = _free_port()
        log = open(home / "briefs-server.log", "ab")
        env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_API_URL": ""}
        process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            stdout=log, stderr=log, stdin=subprocess.DEVNULL, env=env, start_new_session=True,
        )
        info = ServerInfo(url=f"http://127.0.0.1:{port}/api", pid=process.pid)
        deadline = time.monotonic() + STARTUP_SECONDS
        while not healthy(info.url):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"the Prefect server did not start; see {home / 'briefs-server.log'}")
            time.sleep(0.5)
        _state_file().write_text(json.dumps(vars(info)))
        return info


def stop() -> ServerInfo | None:
    """Stop the server `briefs` started, if any."""
    info = running()
    if info is not None:
        os.killpg(info.pid, signal.SIGTERM)
    _state_file().unlink(missing_ok=True)
    return info
