"""Shared fixtures: one temporary Prefect server for the session, real PDFs, real DuckDB."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import duckdb
import pytest

FIXTURES = Path(__file__).parent / "fixtures"
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="briefs-prefect-"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("BRIEFS_PREFECT_SERVER", "ephemeral")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")


def fixture_builder():
    """tests/fixtures/build_briefs.py as a module (it is a script, not a package)."""
    import importlib.util
    import sys

    if "build_briefs" not in sys.modules:
        spec = importlib.util.spec_from_file_location("build_briefs", FIXTURES / "build_briefs.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["build_briefs"] = module
        spec.loader.exec_module(module)
    return sys.modules["build_briefs"]


BRIEF_TABLES = ("briefs", "contributions", "indicators", "projects", "project_countries", "project_funders",
                "agencies", "priorities", "sections")
VOLATILE = {"run_id", "ingested_at"}


def warehouse_snapshot(db: Path, brief_ids: set[str] | None = None) -> dict[str, list[tuple]]:
    """Every contract row (of the briefs named), without the columns naming the run that wrote
    it (and, for a subset of briefs, without is_current, which depends on the other editions)."""
    with duckdb.connect(str(db), read_only=True) as con:
        snapshot = {}
        for table in BRIEF_TABLES:
            cursor = con.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            volatile = VOLATILE if brief_ids is None else VOLATILE | {"is_current"}
            keep = [i for i, name in enumerate(names) if name not in volatile]
            rows = [row for row in cursor.fetchall() if brief_ids is None or row[names.index("brief_id")] in brief_ids]
            snapshot[table] = sorted((tuple(row[i] for i in keep) for row in rows), key=repr)
        return snapshot


def gold_files() -> list[Path]:
    """Every brief with expected records: the Japan sample, our fixture briefs and the held-out set."""
    return sorted(FIXTURES.rglob("*.gold.json"))


def pdf_for(gold_path: Path) -> Path:
    return gold_path.parent / json.loads(gold_path.read_text())["source"]


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (its start-up costs 20-30 s here)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="session")
def japan_pdf() -> Path:
    return FIXTURES / "japan-ilo-cooperation-2023-04.pdf"


@pytest.fixture(scope="session")
def all_briefs_warehouse(prefect_harness, tmp_path_factory) -> tuple[Path, object]:
    """Every gold brief ingested once, through the real flow, into one warehouse."""
    from flows.ingest import ingest

    db = tmp_path_factory.mktemp("warehouse") / "briefs.duckdb"
    summary = ingest(paths=[pdf_for(g) for g in gold_files()], db=db)
    return db, summary


@pytest.fixture(scope="session")
def japan_with_rejections_warehouse(prefect_harness, japan_pdf, tmp_path_factory) -> tuple[Path, object]:
    """The Japan brief and two damaged files ingested in one run: one brief loaded, two quarantined."""
    from flows.ingest import ingest

    db = tmp_path_factory.mktemp("rejections") / "briefs.duckdb"
    damaged = FIXTURES / "damaged"
    summary = ingest(paths=[japan_pdf, damaged / "japan-truncated.pdf", damaged / "japan-web-page.pdf"], db=db)
    return db, summary
