"""The ingest flow as a scheduled Prefect deployment (Prefect's own `serve`)."""

from __future__ import annotations

from pathlib import Path

from prefect.deployments.runner import RunnerDeployment

from flows.ingest import ingest

DEPLOYMENT = "briefs-ingest"


def ingest_deployment(paths: list[Path], db: Path, cron: str | None = None, interval: float | None = None,
                      name: str = DEPLOYMENT) -> RunnerDeployment:
    """A deployment of the ingest flow over `paths` into `db`, on a cron or interval schedule."""
    if (cron is None) == (interval is None):
        raise ValueError("give exactly one of a cron expression or an interval in seconds")
    parameters = {"paths": [str(Path(p).resolve()) for p in paths], "db": str(Path(db).resolve())}
    return ingest.to_deployment(name=name, cron=cron, interval=interval, parameters=parameters,
                                description="Re-ingest partnership briefs into the DuckDB warehouse.")
