"""Read a PDF with pdfplumber into words and tables, one page at a time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.psexceptions import PSEOF
from pdfplumber.utils.exceptions import PdfminerException

from extractors.blocks import build_blocks, body_size
from extractors.document import Document, Line, Word
from extractors.layout import order_page
from extractors.margins import drop_running_margins
from extractors.text import clean_word, squash

WORD_ATTRS = ["fontname", "size"]


class ExtractionError(Exception):
    """A PDF could not be read; the message says why in words a person can act on."""


@dataclass
class PageContent:
    """What one page holds once read: its words and its ruled tables."""

    number: int
    width: float
    height: float
    words: list[Word]
    tables: list[tuple[tuple[float, float, float, float], list[list[str]]]]


SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive (an Office document such as .docx?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)


def sniff(path: Path) -> None:
    """Reject what is plainly not a PDF, saying what it looks like instead."""
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if not head:
        raise ExtractionError("empty file (0 bytes): download it again")
    if b"%PDF-" in head:
        return
    for signature, looks_like in SIGNATURES:
        if head.startswith(signature):
            raise ExtractionError(f"not a PDF: the file is {looks_like}")
    text = head.lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html")) or b"<html" in text[:200]:
        raise ExtractionError("not a PDF: the file is an HTML page saved with a .pdf name; print it to PDF instead")
    raise ExtractionError("not a PDF: the file does not start with a PDF header")


def _open(path: Path, password: str | None) -> pdfplumber.PDF:
    try:
        return pdfplumber.open(path, password=password or "")
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            if password:
                raise ExtractionError("wrong password: the password given does not open this PDF") from exc
            raise ExtractionError("password required: the PDF is protected; pass it with --password") from exc
        if isinstance(cause, PSEOF):
            raise ExtractionError("truncated or damaged PDF: the file ends too early; download it again") from exc
        raise ExtractionError(f"damaged PDF: {cause or type(cause).__name__}") from exc


def read_pages(path: Path, password: str | None = None) -> tuple[list[PageContent], dict[str, str]]:
    """Words (with font name and size) and tables of every page, closing pages as we go."""
    sniff(path)
    pdf = _open(path, password)
    with pdf:
        metadata = {str(k): str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, (str, int, float))}
        pages = []
        for page in pdf.pages:
            try:
                pages.append(_read_page(page))
            finally:
                page.close()
    return pages, metadata


def _cell_text(cell: str | None) -> str:
    """A table cell's lines joined; a number wrapped inside a narrow cell ("2015–20" / "16") is mended."""
    text = clean_word(cell or "")
    text = re.sub(r"(?<=[\d–-])\n(?=\d)", "", text)
    return squash(text)


def _read_page(page: pdfplumber.page.Page) -> PageContent:
    tables = []
    table_boxes = []
    for table in page.find_tables():
        rows = [[_cell_text(cell) for cell in row] for row in table.extract()]
        filled_rows = [row for row in rows if sum(1 for cell in row if cell) >= 2]
        if len(filled_rows) >= 2:
            tables.append((table.bbox, filled_rows))
            table_boxes.append(table.bbox)
    words = []
    for raw in page.extract_words(extra_attrs=WORD_ATTRS, keep_blank_chars=False):
        text = clean_word(raw["text"]).strip()
        if not text or not raw.get("upright", True):
            continue
        cx, cy = (raw["x0"] + raw["x1"]) / 2, (raw["top"] + raw["bottom"]) / 2
        if any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in table_boxes):
            continue
        words.append(
            Word(
                text=text,
                x0=raw["x0"],
                x1=raw["x1"],
                top=raw["top"],
                bottom=raw["bottom"],
                size=round(raw["size"], 1),
                fontname=raw["fontname"].split("+", 1)[-1],
                page=page.page_number,
            )
        )
    return PageContent(page.page_number, float(page.width), float(page.height), words, tables)


def extract_document(path: Path, password: str | None = None) -> Document:
    """The brief's blocks in reading order, headers and footers removed."""
    pages, metadata = read_pages(Path(path), password)
    ordered: list[list[Line]] = []
    for page in pages:
        ordered.append(order_page(page.words, page.tables, page.width, page.number))
    heights = {page.number: page.height for page in pages}
    lines = drop_running_margins(ordered, heights)
    size = body_size(lines)
    return Document(
        source=Path(path).name,
        page_count=len(pages),
        blocks=build_blocks(lines, size),
        body_size=size,
        metadata=metadata,
    )
