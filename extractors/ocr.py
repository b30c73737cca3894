"""Words with positions from tesseract, for pages that have no text layer.

The page is rendered with PDFium at 300 dpi and read by the `tesseract` command (TSV
output: one row per word with its box). What the text layer would give is estimated from
the image: the font size from word heights, scaled by which letters the word has (a
word of x-height letters is shorter than one with capitals and descenders), and the
weight from the stroke width (the median run of ink across each pixel row of a word),
relative to the font size: bold strokes are about 1.5 times as thick.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import statistics
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
import pypdfium2

from extractors.document import Word
from extractors.text import clean_word

DPI = 300
SCALE = DPI / 72
ASCENDERS = set("bdfhklt0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ()/%$&?!'\"[]{}|#@")
DESCENDERS = set("gjpqy,;()[]{}|")
BOLD_STROKE_RATIO = 1.3
Line = tuple[str, str, str]  # tesseract's block, paragraph and line numbers
LETTER_MARKERS = {"e", "o", "e«", "eo", "oe"}


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def _em(height_px: float, text: str) -> float:
    """Font size in points from a word's box height and the shape of its letters."""
    letters = set(text)
    tall, deep = bool(letters & ASCENDERS), bool(letters & DESCENDERS)
    factor = 0.93 if tall and deep else 0.73 if tall or deep else 0.53
    return height_px / SCALE / factor


def _stroke(pixels: np.ndarray, box: tuple[int, int, int, int]) -> float:
    """Median width in pixels of the horizontal runs of ink in a word: its stroke width."""
    left, top, right, bottom = box
    ink = pixels[top:bottom, left:right] < 140
    edges = np.diff(np.pad(ink, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    starts, ends = np.argwhere(edges == 1), np.argwhere(edges == -1)
    return float(np.median(ends[:, 1] - starts[:, 1])) if len(starts) else 0.0


def _marker(text: str) -> str:
    """A line's first word read from a bullet or arrow glyph ("»", ">»", "¢", "e«") → the marker."""
    if text in LETTER_MARKERS or not any(ch.isalnum() for ch in text):
        if len(text) <= 3 and not any(ch in "$€£%([\"'" for ch in text):
            return "►" if any(ch in ">»›" for ch in text) else "•"
    return text


def _text_size_kept(line_sizes: dict[Line, float], words: list[tuple[Line, bool]]) -> dict[Line, float]:
    """Each line's size, estimated a little off from line to line, set to its paragraph's (the
    median over the paragraph's lines, as tesseract groups them), so that one paragraph's lines
    stay one paragraph. Lines mostly in bold (headings) keep their own."""
    counts, bold = Counter(line for line, _ in words), Counter(line for line, is_bold in words if is_bold)
    plain = [line for line in line_sizes if 2 * bold[line] < counts[line]]
    paragraph_sizes: dict[tuple[str, str], list[float]] = {}
    for line in plain:
        paragraph_sizes.setdefault(line[:2], []).extend([line_sizes[line]] * counts[line])
    return {line: statistics.median(paragraph_sizes[line[:2]]) if line in plain else size for line, size in line_sizes.items()}


def ocr_page(path: Path, page_number: int, password: str | None = None) -> list[Word]:
    """The words tesseract reads on one page, in PDF points, with estimated size and weight."""
    document = pypdfium2.PdfDocument(str(path), password=password)
    try:
        image = document[page_number - 1].render(scale=SCALE, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    with tempfile.TemporaryDirectory() as scratch:
        png = Path(scratch) / "page.png"
        image.save(png)
        tsv = subprocess.run(
            ["tesseract", str(png), "stdout", "-l", "eng", "--psm", "3", "tsv"],
            capture_output=True, text=True, timeout=120, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        ).stdout
    rows = [r for r in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
            if r["level"] == "5" and r["text"].strip() and float(r["conf"]) >= 0]
    pixels = np.asarray(image)
    raw = []
    for row in rows:
        left, top, width, height = (int(row[k]) for k in ("left", "top", "width", "height"))
        text = clean_word(row["text"].strip())
        line = (row["block_num"], row["par_num"], row["line_num"])
        raw.append((line, text, left, top, width, height, _stroke(pixels, (left, top, left + width, top + height))))
    if not raw:
        return []
    line_sizes: dict[Line, float] = {}
    for line in {item[0] for item in raw}:
        line_sizes[line] = statistics.median(_em(item[5], item[1]) for item in raw if item[0] == line)
    weights = [item[6] / line_sizes[item[0]] for item in raw]
    typical_weight = statistics.median(weights)
    bold = [weight > BOLD_STROKE_RATIO * typical_weight for weight in weights]
    line_sizes = _text_size_kept(line_sizes, [(item[0], is_bold) for item, is_bold in zip(raw, bold)])
    words = []
    first_of_line: set[Line] = set()
    for (line, text, left, top, width, height, _), is_bold in zip(raw, bold):
        if line not in first_of_line:
            first_of_line.add(line)
            text = _marker(text)
        words.append(Word(
            text=text,
            x0=left / SCALE,
            x1=(left + width) / SCALE,
            top=top / SCALE,
            bottom=(top + height) / SCALE,
            size=round(line_sizes[line] * 2) / 2,
            fontname="OCR-Bold" if is_bold else "OCR",
            page=page_number,
        ))
    return words
