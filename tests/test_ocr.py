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


SCANNED_GOLD = {"iceland-2023-11.pdf"}  # blind8's image-only brief; every other gold brief has a text layer


@needs_tesseract
def test_each_brief_is_marked_as_read_from_its_text_layer_or_by_ocr(all_briefs_warehouse):
    with duckdb.connect(str(all_briefs_warehouse[0]), read_only=True) as con:
        marked = dict(con.execute("SELECT source_file, extraction FROM ingest_files").fetchall())
    assert {name for name, extraction in marked.items() if extraction == "ocr"} == SCANNED_GOLD
    assert set(marked.values()) == {"text", "ocr"}


def test_the_lines_of_one_ocr_paragraph_take_its_size_and_bold_lines_keep_their_own():
    from extractors.ocr import _text_size_kept

    sizes = {("1", "1", "1"): 11.6, ("1", "1", "2"): 11.4, ("1", "1", "3"): 10.2, ("1", "2", "1"): 13.0}
    words = [(("1", "1", "1"), False)] * 8 + [(("1", "1", "2"), False)] * 8 + [(("1", "1", "3"), False)] + [(("1", "2", "1"), True)] * 3
    kept = _text_size_kept(sizes, words)
    assert kept[("1", "1", "1")] == kept[("1", "1", "2")] == kept[("1", "1", "3")] == 11.4
    assert kept[("1", "2", "1")] == 13.0
