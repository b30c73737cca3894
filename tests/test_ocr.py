"""Scanned briefs: pages without a text layer are read by tesseract and parsed like any other."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import duckdb
import pytest

from extractors.ocr import tesseract_available
from flows.ingest import ingest
from scoring import records_from_warehouse, score_brief

FIXTURES = Path(__file__).parent / "fixtures"
SCAN = FIXTURES / "damaged" / "japan-scanned.pdf"

needs_tesseract = pytest.mark.skipif(
    not tesseract_available() and not os.environ.get("CI"),
    reason="tesseract is not installed (.ci/run installs it; locally: apt-get install tesseract-ocr)",
)


@pytest.fixture(scope="module")
def scanned_run(prefect_harness, tmp_path_factory):
    db = tmp_path_factory.mktemp("ocr") / "w.duckdb"
    return db, ingest(paths=[SCAN], db=db)


@needs_tesseract
def test_a_scanned_brief_loads_and_is_marked_as_read_by_ocr(scanned_run):
    db, summary = scanned_run
    assert summary.files[0].status == "loaded"
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT extraction FROM ingest_files").fetchone()[0] == "ocr"


@needs_tesseract
def test_a_scanned_copy_of_the_japan_brief_scores_at_least_085(scanned_run):
    db, _ = scanned_run
    gold = json.loads((FIXTURES / "japan-2023-04.gold.json").read_text())
    with duckdb.connect(str(db), read_only=True) as con:
        actual = records_from_warehouse(con, hashlib.sha256(SCAN.read_bytes()).hexdigest()[:16])
    assert score_brief(gold, actual)["all"].f1 >= 0.85


def test_without_tesseract_a_scan_is_rejected_with_how_to_enable_ocr(monkeypatch, tmp_path):
    import extractors.pdf as pdf
    from extractors import ExtractionError

    monkeypatch.setattr(pdf, "tesseract_available", lambda: False)
    with pytest.raises(ExtractionError, match="install tesseract"):
        pdf.extract_document(SCAN)


def test_text_layer_briefs_are_marked_as_read_from_text(all_briefs_warehouse):
    with duckdb.connect(str(all_briefs_warehouse[0]), read_only=True) as con:
        assert {e for (e,) in con.execute("SELECT DISTINCT extraction FROM ingest_files").fetchall()} == {"text"}
