"""`briefs serve` registers a Prefect deployment with the schedule asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from prefect.client.orchestration import get_client

from briefs.scheduling import ingest_deployment


def test_a_cron_deployment_is_registered_with_that_schedule(prefect_harness, tmp_path):
    deployment = ingest_deployment([tmp_path], tmp_path / "w.duckdb", cron="0 6 * * 1", name="library-weekly")
    deployment_id = deployment.apply()
    with get_client(sync_client=True) as client:
        registered = client.read_deployment(deployment_id)
    assert [s.schedule.cron for s in registered.schedules] == ["0 6 * * 1"]
    assert registered.parameters == {"paths": [str(tmp_path.resolve())], "db": str((tmp_path / "w.duckdb").resolve())}


def test_an_interval_deployment_is_registered_with_that_interval(prefect_harness, tmp_path):
    deployment = ingest_deployment([tmp_path], tmp_path / "w.duckdb", interval=3600, name="hourly")
    with get_client(sync_client=True) as client:
        registered = client.read_deployment(deployment.apply())
    assert [s.schedule.interval.total_seconds() for s in registered.schedules] == [3600]


def test_a_schedule_needs_exactly_one_of_cron_or_interval(tmp_path):
    with pytest.raises(ValueError):
        ingest_deployment([tmp_path], Path("w.duckdb"))


def test_prefect_yaml_declares_the_ingest_flow_on_a_schedule():
    import yaml

    from flows.ingest import ingest

    config = yaml.safe_load((Path(__file__).parents[1] / "prefect.yaml").read_text())
    (deployment,) = config["deployments"]
    module, _, name = deployment["entrypoint"].partition(":")
    assert (module, name) == ("flows/ingest.py", ingest.fn.__name__)
    assert deployment["schedules"][0]["cron"] == "0 6 * * 1"
    assert set(deployment["parameters"]) <= set(ingest.parameters.properties)


def test_briefs_serve_with_a_cron_registers_that_schedule(prefect_harness, tmp_path):
    import os
    import subprocess
    import sys
    import time

    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    serve = subprocess.Popen([sys.executable, "-m", "briefs", "serve", str(tmp_path), "--cron", "0 6 * * 1",
                              "--db", str(tmp_path / "w.duckdb")], env=env, cwd=Path(__file__).parents[1],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, registered = time.monotonic() + 120, None
        with get_client(sync_client=True) as client:
            while registered is None and time.monotonic() < deadline and serve.poll() is None:
                try:
                    registered = client.read_deployment_by_name("ingest/briefs-ingest")
                except Exception:  # noqa: BLE001 - not registered yet
                    time.sleep(0.5)
        assert registered is not None, "briefs serve did not register its deployment"
        assert [s.schedule.cron for s in registered.schedules] == ["0 6 * * 1"]
    finally:
        serve.terminate()
        serve.wait(timeout=30)
