"""The per-file work on a Dask cluster gives the same warehouse as a local run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from distributed import LocalCluster
from prefect_dask import DaskTaskRunner

from conftest import warehouse_snapshot
from flows.ingest import ingest

BRIEFS = Path(__file__).parent / "fixtures" / "briefs"


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def test_a_dask_run_loads_the_same_warehouse_as_a_local_run(prefect_harness, cluster, tmp_path, japan_pdf):
    folder = tmp_path / "inbox"
    shutil.copytree(BRIEFS, folder, ignore=shutil.ignore_patterns("*.json"))
    shutil.copy(japan_pdf, folder)
    local, remote = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    ingest(paths=[folder], db=local)
    summary = ingest.with_options(task_runner=DaskTaskRunner(address=cluster.scheduler_address))(paths=[folder], db=remote)
    assert {f.status for f in summary.files} == {"loaded"}
    assert warehouse_snapshot(remote) == warehouse_snapshot(local)


def test_a_bad_file_on_a_dask_worker_is_quarantined_with_its_reason(prefect_harness, cluster, tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj\n<<")
    summary = ingest.with_options(task_runner=DaskTaskRunner(address=cluster.scheduler_address))(paths=[bad], db=tmp_path / "w.duckdb")
    assert summary.files[0].status == "quarantined" and summary.files[0].reason.startswith("truncated")
