"""A folder of real-world and damaged files mixed with the Japan brief: every file gets the
right reason, the brief loads exactly as it does alone, and the run ends with status 3."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from briefs.cli import app
from extractors.ocr import tesseract_available
from scoring import records_from_warehouse

FIXTURES = Path(__file__).parent / "fixtures"
OCR = tesseract_available()

EXPECTED = {
    "blank-pages.pdf": "no text layer",
    "enc_aes256-r6_unicode-password.pdf": "password required",
    "enc_aes256-r6_userpw-usersecret.pdf": "password required",
    "enc_empty-userpw_ja_kampo-gazette-vertical.pdf": "not a partnership brief",
    "enc_empty-userpw_pl_invoice-identity-cmap.pdf": "not a partnership brief",
    "enc_rc4-128_userpw-test.pdf": "password required",
    "font_cs_non-unicode-cmap.pdf": "not a partnership brief",
    "font_ligatures_cid-type0_earth-science.pdf": "not a partnership brief",
    "font_type3_french-diacritics.pdf": "unmapped glyphs",
    "form_fr_modele-160-2019-salary-certificate.pdf": "not a partnership brief",
    "form_irs-f1040-2010-prefilled_hybrid-xref.pdf": "pages could not be read",
    "gov_ca-edd-warn-report-2015-2016_tables.pdf": "not a partnership brief",
    "gov_fbi-nics-checks-2015-11_rotate90.pdf": "not a partnership brief",
    "gov_irs-i1040nr-instructions_50p.pdf": "too long for a brief",
    "gov_us-federal-register-2020-17221_3col.pdf": "not a partnership brief",
    "image-only_jbig2_rotate270.pdf": "not a partnership brief" if OCR else "no text layer",
    "japan-600-pages.pdf": "too long for a brief",
    "japan-empty.pdf": "empty file",
    "japan-encrypted.pdf": "password required",
    "japan-image.pdf": "not a PDF",
    "japan-truncated.pdf": "truncated or damaged PDF",
    "japan-web-page.pdf": "not a PDF",
    "longdoc_de_geotopo-lecture-notes_117p.pdf": "too long for a brief",
    "malformed_empty-0-bytes.pdf": "empty file",
    "malformed_fuzzed_pdfbox-3148-2.pdf": "damaged PDF",
    "malformed_issue-932_coords-off-page.pdf": "not a partnership brief",
    "malformed_zlib-corrupted_zen-of-python.pdf": "not a partnership brief",
    "multicol_tracemonkey-pldi09-paper.pdf": "not a partnership brief",
    "rotated_ar_habibi-rotate-90-180-270-360.pdf": "not a partnership brief" if OCR else "no text layer",
    "scan_grumman-service-bulletin_bad-xref.pdf": "pages could not be read",
    "scan_ocr-layer_siege-of-vicksburg.pdf": "not a partnership brief",
    "scan_ru_exam-certificate-jpeg_2p.pdf": "pages could not be read",
    "zh_gov-land-use-standard-tables_cid.pdf": "not a partnership brief",
}


@pytest.fixture(scope="module")
def mixed_run(prefect_harness, tmp_path_factory, japan_pdf):
    folder = tmp_path_factory.mktemp("mixed")
    for name in EXPECTED:
        source = FIXTURES / "wild" / name if (FIXTURES / "wild" / name).exists() else FIXTURES / "damaged" / name
        shutil.copy(source, folder / name)
    shutil.copy(japan_pdf, folder / japan_pdf.name)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    db = folder / "w.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)], env={"COLUMNS": "250"})
    return folder, db, result, before


def test_the_mixed_run_exits_3_without_a_traceback(mixed_run):
    _, _, result, _ = mixed_run
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output


def test_every_file_has_an_ingest_files_row_with_its_specific_reason(mixed_run):
    _, db, _, _ = mixed_run
    with duckdb.connect(str(db), read_only=True) as con:
        rows = {name: (status, reason) for name, status, reason in
                con.execute("SELECT source_file, status, reason FROM ingest_files").fetchall()}
    assert rows.pop("japan-ilo-cooperation-2023-04.pdf")[0] == "loaded"
    assert set(rows) == set(EXPECTED)
    wrong = {name: reason for name, (status, reason) in rows.items()
             if status != "quarantined" or not reason.startswith(EXPECTED[name])}
    assert wrong == {}


def test_the_brief_among_bad_files_loads_the_same_records_as_alone(mixed_run, all_briefs_warehouse, japan_pdf):
    _, db, _, _ = mixed_run
    brief_id = hashlib.sha256(japan_pdf.read_bytes()).hexdigest()[:16]
    with duckdb.connect(str(db), read_only=True) as mixed, duckdb.connect(str(all_briefs_warehouse[0]), read_only=True) as alone:
        got, expected = records_from_warehouse(mixed, brief_id), records_from_warehouse(alone, brief_id)
    for record in (got, expected):
        for column in ("run_id", "ingested_at", "is_current"):
            record["brief"].pop(column)
    assert got == expected


def test_input_files_are_never_modified_moved_or_deleted(mixed_run):
    folder, _, _, before = mixed_run
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.suffix == ".pdf"}
    assert after == before
