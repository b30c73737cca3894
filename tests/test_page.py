"""LeanPage builds the very objects pdfplumber's Page builds, only faster."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdftypes import PDFStream
from pdfplumber.utils.exceptions import PdfminerException

from extractors.page import LeanPage, LeanPDF

FIXTURES = Path(__file__).parent / "fixtures"
PDFS = sorted(FIXTURES.rglob("*.pdf"))
PAGES_COMPARED = 2


def _comparable(value):
    """Objects' values, with PDF streams (equal only to themselves) compared by what they hold."""
    if isinstance(value, PDFStream):
        return ("stream", repr(value), value.get_rawdata())
    if isinstance(value, (list, tuple)):
        return type(value)(_comparable(item) for item in value)
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    return value


def _objects(pdf: pdfplumber.PDF) -> list[dict[str, list[dict]]]:
    pages = []
    for page in pdf.pages[:PAGES_COMPARED]:
        pages.append({kind: [_comparable(obj) for obj in objects] for kind, objects in page.objects.items()})
        page.close()
    return pages


@pytest.mark.parametrize("path", PDFS, ids=[str(p.relative_to(FIXTURES)) for p in PDFS])
def test_lean_page_gives_the_objects_pdfplumber_gives(path: Path) -> None:
    try:
        with pdfplumber.open(path) as pdf:
            expected = _objects(pdf)
    except PdfminerException:
        pytest.skip("pdfplumber cannot open this file without a password or at all")
    with LeanPDF.open(path) as pdf:
        assert all(isinstance(page, LeanPage) for page in pdf.pages)
        assert _objects(pdf) == expected
