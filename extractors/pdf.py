"""Read a PDF with pdfplumber into words and tables, one page at a time.

Before any text is trusted the file is checked: is it a PDF at all, does a password open
it, does pdfplumber see every page pdfium sees (pages lost silently are a reason, not a
success), is it short enough to be a brief, and are its glyphs mapped to Unicode. Pages
without a text layer are OCR'd when tesseract is installed.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.psexceptions import PSEOF
from pdfplumber.utils.exceptions import PdfminerException

from extractors.aligned import aligned_tables
from extractors.blocks import body_size, build_blocks
from extractors.document import LEADER, Document, Line, Word
from extractors.errors import DEFAULT_MAX_PAGES, ExtractionError
from extractors.layout import centre_in, contains, order_page
from extractors.margins import drop_running_margins, running_texts
from extractors.ocr import ocr_page, tesseract_available
from extractors.page import LeanPDF
from extractors.rules import implied_columns
from extractors.text import clean_word, squash

WORD_ATTRS = ["fontname", "size"]
UNMAPPED = re.compile(r"\(cid:\d+\)")
MAX_UNMAPPED_SHARE = 0.05
NOTE_MARKER = re.compile(r"\d{1,3}|[ivx]{1,5}|[*†‡§¶]+")
SMALLER_NOTE = 0.8  # of the size of the word before it
RAISED = 0.15  # of that size: how far above its baseline a note marker's foot stands
DOT_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}")
LONG_RULE = 0.25  # of the page's height
MIN_BOX = (60.0, 30.0)  # points: a rectangle smaller than this holds no panel of text
WORD_GAP = 0.2  # ems: a wider gap between two characters parts two words (LaTeX sets no space characters, and a
# word space there can be 2.5 pt, under pdfplumber's default of 3 pt; letters spaced out in capitals stay one word)
COLUMN_APART = 0.3  # of the page's width between bullets on one line that head lists in columns side by side
MAX_BULLETS = 200  # small shapes on a page: more are a chart's or a pattern's
BULLET_SIZE = (0.2, 0.6)  # a shape this share of its line's size across, at least and at most, may be a list's bullet
ROW_BAND = (0.5, 48.0)  # share of the page's width, points high: a shaded band this wide and no taller is a table's row


@dataclass
class PageContent:
    """What one page holds once read: its words and its ruled tables."""

    number: int
    width: float
    height: float
    words: list[Word]
    tables: list[tuple[tuple[float, float, float, float], list[list[str]]]]
    ocr: bool = False
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # long vertical rules: x, top, bottom
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)  # panels: x0, top, x1, bottom


@dataclass
class ReadResult:
    pages: list[PageContent]
    metadata: dict[str, str] = field(default_factory=dict)
    password: str | None = None


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


def _password_error(passwords: tuple[str, ...]) -> ExtractionError:
    if passwords:
        return ExtractionError(f"wrong password: none of the {len(passwords)} password(s) given opens this PDF")
    return ExtractionError("password required: the PDF is protected; pass it with --password or --password-file")


def _open(path: Path, passwords: tuple[str, ...]) -> tuple[LeanPDF, str | None]:
    """pdfplumber's handle on the file, trying no password, then each password given."""
    for password in ("", *passwords):
        try:
            return LeanPDF.open(path, password=password), password or None
        except PdfminerException as exc:
            cause = exc.args[0] if exc.args else exc
            if isinstance(cause, PDFPasswordIncorrect):
                continue
            if isinstance(cause, PSEOF):
                raise ExtractionError("truncated or damaged PDF: the file ends too early; download it again") from exc
            raise ExtractionError(f"damaged PDF: {cause or type(cause).__name__}") from exc
    raise _password_error(passwords)


def pdfium_page_count(path: Path, password: str | None) -> int | None:
    """Pages as PDFium counts them (it repairs broken cross-reference tables), or None."""
    try:
        document = pypdfium2.PdfDocument(str(path), password=password)
    except pypdfium2.PdfiumError:
        return None
    try:
        return len(document)
    finally:
        document.close()


def read_pages(path: Path, passwords: tuple[str, ...] = (), max_pages: int = DEFAULT_MAX_PAGES) -> ReadResult:
    """Words (with font name and size) and tables of every page, closing pages as we go."""
    sniff(path)
    pdf, password = _open(path, passwords)
    with pdf:
        expected = pdfium_page_count(path, password)
        count = len(pdf.pages)
        if max(count, expected or 0) > max_pages:
            raise ExtractionError(
                f"too long for a brief: {max(count, expected or 0)} pages, over the {max_pages}-page limit (raise it with --max-pages)")
        if expected is not None and count < expected:
            raise ExtractionError(
                f"pages could not be read: pdfplumber found {count} of the {expected} pages PDFium finds "
                "(a damaged cross-reference table); repair or re-save the PDF")
        metadata = {str(k): str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, (str, int, float))}
        pages = []
        for page in pdf.pages:
            try:
                pages.append(_read_page(page))
            finally:
                page.close()
    return ReadResult(pages, metadata, password)


def _upright(texts: list[str], row: pdfplumber.table.Row, page: pdfplumber.page.Page) -> list[str]:
    """A header row's cell texts the right way round: a cell set rotated a quarter turn, as
    narrow columns' headers are, gives its characters last to first ("yb dednuF" for "Funded by")."""
    in_row = [c for c in page.chars if centre_in(row.bbox, (c["x0"], c["top"], c["x1"], c["bottom"]))]
    upright = []
    for text, cell in zip(texts, row.cells):
        chars = [c for c in in_row if cell is not None and centre_in(cell, (c["x0"], c["top"], c["x1"], c["bottom"]))]
        turned = sum(1 for c in chars if not c.get("upright", True))
        upright.append(text[::-1] if text and chars and turned > len(chars) / 2 else text)
    return upright


def _cell_text(cell: str | None) -> str:
    """A table cell's lines joined; a number wrapped inside a narrow cell ("2015–20" / "16") is mended."""
    text = clean_word(cell or "")
    text = re.sub(r"(\d{4}[–-]\d{0,3})\n(?=\d)", r"\1", text)
    return squash(text)


def _table_settings(page: pdfplumber.page.Page) -> dict:
    """pdfplumber's defaults (cells where drawn rules cross), plus the columns implied by rows
    ruled only horizontally, as a browser prints a table (extractors.rules)."""
    columns = implied_columns(((edge["x0"], edge["x1"], edge["top"]) for edge in page.horizontal_edges),
                              ((char["x0"], char["x1"], char["top"], char["bottom"]) for char in page.chars))
    return {"explicit_vertical_lines": columns} if columns else {}


def _read_page(page: pdfplumber.page.Page) -> PageContent:
    """Words and tables of one page: ruled tables (detected only where there are rules to find),
    then tables set without rules among the words outside boxes (extractors.aligned)."""
    tables = []
    table_boxes = []
    ruled = len(page.rects) + len(page.lines) >= 4
    for table in page.find_tables(_table_settings(page)) if ruled else ():
        rows = [[_cell_text(cell) for cell in row] for row in table.extract(x_tolerance_ratio=WORD_GAP)]
        if rows and table.rows:
            rows[0] = _upright(rows[0], table.rows[0], page)
        filled_rows = [row for row in rows if sum(1 for cell in row if cell) >= 2]
        if len(filled_rows) >= 2:
            tables.append((table.bbox, filled_rows))
            table_boxes.append(table.bbox)
    words = []
    for raw in page.extract_words(extra_attrs=WORD_ATTRS, keep_blank_chars=False, x_tolerance_ratio=WORD_GAP):
        text = clean_word(raw["text"]).strip()
        if not text or not raw.get("upright", True):
            continue
        word = Word(
            text=text,
            x0=raw["x0"],
            x1=raw["x1"],
            top=raw["top"],
            bottom=raw["bottom"],
            size=round(raw["size"], 1),
            fontname=raw["fontname"].split("+", 1)[-1],
            page=page.page_number,
        )
        if not any(centre_in(box, word.box) for box in table_boxes):
            words += split_leader(word)
    words = without_note_markers(words) + _drawn_bullets(page, words, table_boxes)
    boxes = _boxes(page, table_boxes)
    bands = [box for box in boxes if _row_band(box, float(page.width))]
    loose = [w for w in words if not any(centre_in(box, w.box) for box in boxes if box not in bands)]
    for box, rows in aligned_tables(loose):
        tables.append((box, [[_cell_text(cell) for cell in row] for row in rows]))
        table_boxes.append(box)
        words = [w for w in words if not centre_in(box, w.box)]
        boxes = [b for b in boxes if not contains(box, b, 2)]
    return PageContent(page.page_number, float(page.width), float(page.height), words, tables,
                       rules=_long_vertical_rules(page, table_boxes), boxes=boxes)


def without_note_markers(words: list[Word]) -> list[Word]:
    """The words without footnote and endnote markers: a digit, a roman numeral or a dagger set
    small and raised right after a word ("million)ⁱ", "programmes¹"), which plain text glues to
    the amount or the year before it ("2024–2026³")."""
    kept: list[Word] = []
    for word in words:
        before = kept[-1] if kept else None
        marker = (before is not None and NOTE_MARKER.fullmatch(word.text) and word.size <= SMALLER_NOTE * before.size
                  and 0 <= word.x0 - before.x1 <= 2 and word.bottom <= before.bottom - RAISED * before.size
                  and word.bottom > before.top)
        if not marker:
            kept.append(word)
    return kept


def split_leader(word: Word) -> list[Word]:
    """A word with a dot leader in it ("since..........1919", as a key-figures list sets a label
    and its value) as the label's end, the leader as LEADER, and the value's start; a word
    without one, as it is. Their widths are shared out by characters."""
    match = DOT_LEADER.search(word.text)
    if match is None:
        return [word]
    per_char = (word.x1 - word.x0) / len(word.text)
    pieces = []
    for text, start, end in ((word.text[:match.start()], 0, match.start()), (LEADER, match.start(), match.end()),
                             (word.text[match.end():], match.end(), len(word.text))):
        if text:
            pieces.append(dataclasses.replace(word, text=text, x0=word.x0 + start * per_char, x1=word.x0 + end * per_char))
    return pieces


def _boxes(page: pdfplumber.page.Page, table_boxes: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """Shaded or framed rectangles big enough to hold text, outside tables and smaller than half
    the page: the panels, cards and sidebars that extractors.layout reads whole."""
    boxes = []
    for rect in page.rects:
        box = (rect["x0"], rect["top"], rect["x1"], rect["bottom"])
        big = rect["width"] >= MIN_BOX[0] and rect["height"] >= MIN_BOX[1]
        small = rect["width"] * rect["height"] < 0.5 * float(page.width) * float(page.height)
        if big and small and not any(contains(table, box, 2) for table in table_boxes):
            boxes.append(box)
    return boxes


def _drawn_bullets(page: pdfplumber.page.Page, words: list[Word], table_boxes: list[tuple[float, float, float, float]]) -> list[Word]:
    """A "•" word for each bullet drawn as a shape (a browser's list disc, a small square) just
    left of the first word of a line, so the line reads as a list item, as a bullet set as a
    glyph does: without it a long first item and the next one read as one wrapped paragraph."""
    shapes = [shape for shape in page.curves + page.rects if 1.0 <= shape["width"] <= 12 and 1.0 <= shape["height"] <= 12]
    if len(shapes) > MAX_BULLETS:  # a chart's markers or a pattern, not a list's bullets
        return []
    bullets = []
    for shape in shapes:
        box = (shape["x0"], shape["top"], shape["x1"], shape["bottom"])
        middle = (box[1] + box[3]) / 2
        if any(contains(table, box, 1) for table in table_boxes):
            continue
        line = [w for w in words if w.top <= middle <= w.bottom]
        after = [w for w in line if w.x0 >= box[2]]
        if not after:
            continue
        first = min(after, key=lambda w: w.x0)
        small = BULLET_SIZE[0] * first.size <= min(shape["width"], shape["height"]) and \
            max(shape["width"], shape["height"]) <= BULLET_SIZE[1] * first.size
        square = abs(shape["width"] - shape["height"]) <= 0.25 * max(shape["width"], shape["height"])
        alone = not any(w.x1 > box[0] - first.size and w.x0 < box[2] for w in line)  # nothing just left of it
        if small and square and alone and first.x0 - box[2] <= 2 * first.size and len(after) >= 2:
            bullets.append(Word("•", box[0], box[2], first.top, first.bottom, first.size, first.fontname, first.page))
    return [b for b in bullets if _one_per_column(b, bullets, float(page.width))]


def _one_per_column(bullet: Word, bullets: list[Word], width: float) -> bool:
    """Whether a bullet is the only one on its line, or one of lists in columns side by side: the
    others on its line stand at least COLUMN_APART of the page away and each heads a stack of
    bullets, as its own does. Several close together on one line are a chart's markers."""
    line = sorted((b for b in bullets if round(b.top) == round(bullet.top)), key=lambda b: b.x0)
    stacked = all(sum(1 for b in bullets if round(b.x0) == round(one.x0)) >= 2 for one in line)
    apart = all(b.x0 - a.x0 >= COLUMN_APART * width for a, b in zip(line, line[1:]))
    return len(line) == 1 or (stacked and apart)


def _row_band(box: tuple[float, float, float, float], width: float) -> bool:
    """Whether a shaded box is a band across the page no taller than a few lines: a table's
    shaded row (its words may still line up under a header), not a card or a sidebar."""
    return box[2] - box[0] >= ROW_BAND[0] * width and box[3] - box[1] <= ROW_BAND[1]


def _long_vertical_rules(page: pdfplumber.page.Page, table_boxes: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float]]:
    """Vertical rules a quarter of the page high or more, outside tables: a column rule, or the
    border of a sidebar, that may part two columns of text (extractors.layout)."""
    rules = []
    for edge in page.vertical_edges:
        x, top, bottom = edge["x0"], edge["top"], edge["bottom"]
        inside = any(contains(table, (x, top, x, bottom), 1) for table in table_boxes)
        if bottom - top >= LONG_RULE * float(page.height) and not inside:
            rules.append((x, top, bottom))
    return rules


def _check_glyphs(pages: list[PageContent]) -> None:
    """Refuse text whose glyphs largely lack a Unicode mapping: it reads as "(cid:N)"."""
    characters = unmapped = 0
    for page in pages:
        for word in page.words:
            found = UNMAPPED.findall(word.text)
            unmapped += len(found)
            characters += len(UNMAPPED.sub("", word.text)) + len(found)
    if characters and unmapped / characters > MAX_UNMAPPED_SHARE:
        raise ExtractionError(
            f"unmapped glyphs: {unmapped} of {characters} characters have no Unicode mapping ((cid:N)), "
            "so the text cannot be trusted; re-export the PDF with embedded Unicode fonts")


def _ocr_missing_text(path: Path, result: ReadResult) -> None:
    """OCR the pages that have no text layer, or explain how to enable it."""
    blank = [page for page in result.pages if not page.words and not page.tables]
    if not blank:
        return
    if not tesseract_available():
        if len(blank) == len(result.pages):
            raise ExtractionError(
                "no text layer: the PDF is a scan; install tesseract (Debian: apt-get install tesseract-ocr) to OCR it")
        return
    for page in blank:
        page.words = ocr_page(path, page.number, result.password)
        page.ocr = True
    if not any(page.words for page in result.pages):
        raise ExtractionError("no text layer, and OCR found no words: the pages are blank or unreadable images")


def extract_document(path: Path, passwords: tuple[str, ...] = (), max_pages: int = DEFAULT_MAX_PAGES) -> Document:
    """The brief's blocks in reading order, headers and footers removed."""
    path = Path(path)
    result = read_pages(path, passwords, max_pages)
    _check_glyphs(result.pages)
    _ocr_missing_text(path, result)
    ordered: list[list[Line]] = [order_page(p.words, p.tables, p.width, p.number, p.rules, p.boxes) for p in result.pages]
    heights = {page.number: page.height for page in result.pages}
    lines = drop_running_margins(ordered, heights)
    size = body_size(lines)
    return Document(
        source=path.name,
        page_count=len(result.pages),
        blocks=build_blocks(lines, size),
        body_size=size,
        metadata=result.metadata,
        ocr_pages=[page.number for page in result.pages if page.ocr],
        margins=running_texts(ordered, lines),
    )
