"""Running headers, footers and page numbers: printed on every page, never part of the text."""

from __future__ import annotations

import re

from extractors.document import Line

MARGIN = 0.09
MIN_PART_WORDS = 3
PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?$|^[ivxlc]{1,6}$",
    re.IGNORECASE,
)


PAGE_NUMBER_AT_ENDS = re.compile(r"^(?:page\s*)?#(?:\s*(?:of|/)\s*#)?\s+|\s+(?:page\s*)?#(?:\s*(?:of|/)\s*#)?$")


def _shape(text: str) -> str:
    """The line with digits masked and page numbers at either end removed ("… March 2022 2"
    and "… March 2022" are one footer)."""
    shape = re.sub(r"\d+", "#", text.lower()).strip()
    while (shorter := PAGE_NUMBER_AT_ENDS.sub("", shape)) != shape:
        shape = shorter
    return shape


def drop_running_margins(pages: list[list[Line]], heights: dict[int, float]) -> list[Line]:
    """All pages' lines in order, without lines in the top or bottom margin that repeat on
    another page in the same margin (digits ignored, so "Page 2 of 4" repeats; a part of
    another page's line counts, as a column gutter can cut a header in two) or are bare page
    numbers."""

    def band(line: Line) -> str | None:
        height = heights[line.page]
        if line.table is not None:
            return None
        if line.bottom <= MARGIN * height:
            return "top"
        return "bottom" if line.top >= (1 - MARGIN) * height else None

    banded = [[(line, band(line)) for line in lines] for lines in pages]
    shapes = [{(where, _shape(line.text)) for line, where in lines if where} for lines in banded]

    def running(where: str, shape: str, page: int) -> bool:
        return any(
            other == shape or (len(shape.split()) >= MIN_PART_WORDS and shape in other)
            for index, on_page in enumerate(shapes) if index != page
            for other_band, other in on_page if other_band == where
        )

    kept = []
    for index, lines in enumerate(banded):
        for line, where in lines:
            if where and (running(where, _shape(line.text), index) or PAGE_NUMBER.match(line.text)):
                continue
            kept.append(line)
    return kept


def running_texts(pages: list[list[Line]], kept: list[Line]) -> list[str]:
    """The running headers and footers drop_running_margins left out, each text once, page
    numbers aside: the only place some briefs state their date ("Published: November 2023")."""
    kept_ids = {id(line) for line in kept}
    texts = [line.text for lines in pages for line in lines if id(line) not in kept_ids and not PAGE_NUMBER.match(line.text)]
    return list(dict.fromkeys(texts))
