"""The warm runner (briefs.runner): a `briefs ingest` handed to it behaves as one run in the
command's own process, and a runner serves only the code and settings it was started with."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from briefs.runner import masked, key, ready, runners, stop_all
from conftest import FIXTURES, warehouse_snapshot

BRIEFS = str(Path(sys.executable).with_name("briefs"))
ROOT = Path(__file__).parents[1]


def start_runner(env: dict[str, str], watch: int, log: Path) -> subprocess.Popen:
    """A real runner, as `briefs ingest` starts one, once it takes runs."""
    with open(log, "ab") as out:
        process = subprocess.Popen([sys.executable, "-P", "-m", "briefs.runner", "--watch", str(watch)],
                                   env=env, cwd="/", stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 120
    while ready(env) is None:
        assert process.poll() is None and time.monotonic() < deadline, log.read_text()
        time.sleep(0.2)
    return process


def ended(process: subprocess.Popen, within: float = 30.0) -> bool:
    try:
        process.wait(timeout=within)
    except subprocess.TimeoutExpired:
        return False
    return True


@pytest.fixture(scope="module")
def warm(prefect_harness, tmp_path_factory):
    """A runner beside the session's Prefect API, in a PREFECT_HOME of its own, and its log."""
    from prefect.settings import PREFECT_API_URL

    home = tmp_path_factory.mktemp("runner-home")
    env = {name: value for name, value in os.environ.items()  # the CLI's own logging settings, as
           if not name.startswith("PREFECT_LOGGING_")}       # a user has them (in-process CLI tests set some)
    env.update(PREFECT_HOME=str(home), PREFECT_API_URL=PREFECT_API_URL.value(), COLUMNS="200")
    log = home / "runner.log"
    process = start_runner(env, os.getpid(), log)
    yield env, log
    stop_all(env)
    assert ended(process), "the runner did not stop"


@pytest.fixture(scope="module")
def handed_over(warm, japan_pdf, tmp_path_factory):
    """`briefs ingest` of the Japan brief through the runner, and the same run in its own process."""
    env, log = warm
    folder = tmp_path_factory.mktemp("handed-over")
    runs = {}
    for name, how in (("warm", env), ("own", {**env, "BRIEFS_RUNNER": "off"})):
        db = folder / f"{name}.duckdb"
        runs[name] = (subprocess.run([BRIEFS, "ingest", str(japan_pdf), "--db", str(db)], env=how, cwd=ROOT,
                                     capture_output=True, text=True, timeout=300), db)
    return runs, log.read_text()


def test_a_handed_over_run_exits_and_prints_as_a_run_of_its_own(handed_over):
    (warm, _), (own, _) = handed_over[0]["warm"], handed_over[0]["own"]
    assert (warm.returncode, own.returncode) == (0, 0), warm.stderr + own.stderr
    assert "ingest summary" in warm.stdout and "japan-ilo-cooperation-2023-04.pdf" in warm.stdout


def test_a_handed_over_run_loads_the_same_records_as_a_run_of_its_own(handed_over):
    (_, warm_db), (_, own_db) = handed_over[0]["warm"], handed_over[0]["own"]
    assert warehouse_snapshot(warm_db) == warehouse_snapshot(own_db)


def test_the_runner_runs_the_command_it_is_given_and_only_that(handed_over):
    log = handed_over[1]
    assert "warm.duckdb" in log and "exit 0" in log
    assert "own.duckdb" not in log  # BRIEFS_RUNNER=off ran in its own process


def test_verbose_shows_prefects_logs_in_a_handed_over_run(warm, japan_pdf, tmp_path):
    env, _ = warm
    quiet, handed_over_verbose = (
        subprocess.run([BRIEFS, "ingest", str(japan_pdf), "--db", str(tmp_path / f"{n}.duckdb"), *flags],
                       env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
        for n, flags in (("quiet", []), ("verbose", ["--verbose"])))
    assert "Beginning flow run" in handed_over_verbose.stderr
    assert "Beginning flow run" not in quiet.stderr


def test_ctrl_c_stops_a_handed_over_run(warm, tmp_path):
    env, log = warm
    folder = tmp_path / "briefs"
    folder.mkdir()
    for pdf in sorted(FIXTURES.rglob("*.pdf"))[:12]:
        (folder / f"{pdf.parent.name}-{pdf.name}").write_bytes(pdf.read_bytes())
    seen = log.read_text().count("run ")
    client = subprocess.Popen([BRIEFS, "ingest", str(folder), "--db", str(tmp_path / "w.duckdb")], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while log.read_text().count("run ") == seen and time.monotonic() < deadline:
        time.sleep(0.1)
    run = int(log.read_text().split("run ")[seen + 1].split(":")[0])
    time.sleep(1.0)
    client.send_signal(signal.SIGINT)
    assert ended(client), "the client did not end after Ctrl-C"
    assert client.returncode != 0
    with pytest.raises(ProcessLookupError):
        os.kill(run, 0)


def test_a_runner_refuses_a_request_for_other_code_or_settings(warm):
    env, _ = warm
    with socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET) as client:
        client.connect(str(ready(env).socket))
        request = {"key": "0" * 16, "argv": ["briefs", "ingest"], "cwd": "/", "env": {}}
        socket.send_fds(client, [json.dumps(request).encode()], [0, 1, 2])
        assert client.recv(64) == b"refused"


@pytest.fixture
def elsewhere(warm):
    """The warm fixture's environment with a PREFECT_HOME of its own, where other runners may live
    (a short path: a socket's must fit in 107 bytes)."""
    home = tempfile.mkdtemp(prefix="briefs-home-")
    yield {**warm[0], "PREFECT_HOME": home}
    shutil.rmtree(home, ignore_errors=True)


def test_a_runner_ends_when_its_prefect_server_does(elsewhere, tmp_path):
    server = subprocess.Popen(["sleep", "600"])
    runner = start_runner(elsewhere, server.pid, tmp_path / "runner.log")
    socket_file = ready(elsewhere).socket
    server.kill()
    server.wait()
    assert ended(runner)
    assert not socket_file.exists()


def test_briefs_server_stop_ends_the_runner(elsewhere, tmp_path):
    runner = start_runner(elsewhere, os.getpid(), tmp_path / "runner.log")
    stopped = subprocess.run([BRIEFS, "server", "stop"], env=elsewhere, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert f"warm runner {runner.pid}" in stopped.stdout
    assert ended(runner)


def test_a_new_runner_ends_the_one_it_supersedes(elsewhere, tmp_path):
    first = start_runner(elsewhere, os.getpid(), tmp_path / "runner.log")
    second = start_runner({**elsewhere, "BRIEFS_TEST": "other settings"}, os.getpid(), tmp_path / "runner.log")
    try:
        assert ended(first)
        assert [runner.pid for runner in runners(elsewhere)] == [second.pid]
    finally:
        stop_all(elsewhere)
        ended(second)


def test_the_key_follows_prefect_and_python_settings_not_the_rest_of_the_environment():
    base = {"PATH": "/usr/bin", "PREFECT_HOME": "/tmp/h"}
    assert key({**base, "SSH_TTY": "/dev/pts/1", "OLDPWD": "/"}) == key(base)
    assert key({**base, "PREFECT_LOGGING_LEVEL": "DEBUG"}) != key(base)
    assert key({**base, "PYTHONHASHSEED": "0"}) != key(base)


def test_the_key_changes_when_a_source_file_changes(tmp_path, monkeypatch):
    package = tmp_path / "runnerkeypkg"
    package.mkdir()
    module = package / "__init__.py"
    module.write_text("A = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = key({}, packages=("runnerkeypkg",))
    module.write_text("A = 22\n")
    assert key({}, packages=("runnerkeypkg",)) != before


def test_the_runners_log_never_shows_a_password():
    args = ["ingest", "in", "--password", "s3cret", "--password=other", "--db", "w.duckdb"]
    assert masked(args) == ["ingest", "in", "--password", "***", "--password=***", "--db", "w.duckdb"]
