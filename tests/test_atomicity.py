"""A SIGKILL while loading leaves whole briefs only, and the next run completes the rest;
two writers never meet."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from conftest import BRIEF_TABLES, fixture_builder, warehouse_snapshot
from flows.ingest import ingest
from warehouse.lock import WarehouseBusy, warehouse_lock


LOADER = textwrap.dedent("""
    import datetime as dt, hashlib, sys
    from pathlib import Path
    from briefs.analyse import analyse
    from warehouse.loader import load_brief, open_warehouse
    pdfs, db = sorted(Path(sys.argv[1]).glob("*.pdf")), Path(sys.argv[2])
    analyses = [analyse(p, hashlib.sha256(p.read_bytes()).hexdigest()) for p in pdfs]
    con = open_warehouse(db)
    for n, a in enumerate(analyses, 1):
        load_brief(con, a.tables, "killed-run", dt.datetime.now(dt.timezone.utc))
        print(f"loaded {n}", flush=True)
""")


def _brief_ids(db: Path) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {brief_id for (brief_id,) in con.execute("SELECT brief_id FROM briefs").fetchall()}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("briefs")
    fixture_builder().build_corpus(out, 12, seed=3)
    return out


@pytest.mark.parametrize("attempt", range(3))
def test_a_sigkill_during_loading_then_a_rerun_gives_the_same_warehouse_as_one_clean_run(
        prefect_harness, folder, tmp_path, attempt):
    clean = tmp_path / "clean.duckdb"
    ingest(paths=[folder], db=clean)

    killed = tmp_path / "killed.duckdb"
    child = subprocess.Popen([sys.executable, "-c", LOADER, str(folder), str(killed)],
                             stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[1])
    chance = random.Random(attempt)
    for _ in range(chance.randint(1, 8)):
        child.stdout.readline()
    time.sleep(chance.uniform(0.0, 0.03))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    survivors = _brief_ids(killed)
    assert 0 < len(survivors) < 12
    assert warehouse_snapshot(killed, survivors) == warehouse_snapshot(clean, survivors)

    ingest(paths=[folder], db=killed)
    after, expected = warehouse_snapshot(killed), warehouse_snapshot(clean)
    assert {t: set(after[t]) ^ set(expected[t]) for t in BRIEF_TABLES if after[t] != expected[t]} == {}


def test_a_second_writer_waits_then_stops_with_a_clear_message(prefect_harness, tmp_path, japan_pdf):
    db = tmp_path / "w.duckdb"
    with warehouse_lock(db):
        started = time.monotonic()
        with pytest.raises(WarehouseBusy, match="being written by another briefs ingest"):
            ingest(paths=[japan_pdf], db=db, wait_seconds=1.0)
        assert time.monotonic() - started >= 1.0


def test_a_second_writer_proceeds_once_the_first_is_done(prefect_harness, tmp_path, japan_pdf):
    db = tmp_path / "w.duckdb"
    with warehouse_lock(db):
        pass
    assert ingest(paths=[japan_pdf], db=db, wait_seconds=1.0).files[0].status == "loaded"


def test_an_open_reader_stops_the_ingest_with_a_clear_message(tmp_path):
    from warehouse.lock import connect

    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    reader = subprocess.Popen([sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(db)!r}, read_only=True); print('open', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "open"
        with pytest.raises(WarehouseBusy, match="is open in process"):
            connect(db, wait_seconds=1.0)
    finally:
        reader.kill()
        reader.wait()
