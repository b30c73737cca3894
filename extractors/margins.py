"""Running headers, footers and page numbers: printed on every page, never part of the text."""

from __future__ import annotations

import re

from extractors.document import Line

MARGIN = 0.09
MIN_PART_WORDS = 3
MIN_TEMPLATE_LINES = 3
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
    numbers, and without lines anywhere that another page has, word for word, in the same
    place (a sidebar printed on every page)."""

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

    template = _template_lines(pages)

    kept = []
    for index, lines in enumerate(banded):
        for line, where in lines:
            if where and (running(where, _shape(line.text), index) or PAGE_NUMBER.match(line.text)):
                continue
            if id(line) in template:
                continue
            kept.append(line)
    return kept


def _template_lines(pages: list[list[Line]]) -> set[int]:
    """The lines (by id) of a sidebar or page template a browser prints again on every page:
    MIN_TEMPLATE_LINES lines or more that another page has, word for word, in the same place
    (to 2 pt). One line in the same place on two pages is a coincidence ("2021 – 2023" on two
    slides' cards), not a template."""
    placed = [{_place(line): line for line in lines if line.table is None} for lines in pages]
    template: set[int] = set()
    for index, on_page in enumerate(placed):
        for other, elsewhere in enumerate(placed):
            if other == index:
                continue
            shared = [line for (text, x, y), line in on_page.items()
                      if any((text, x + dx, y + dy) in elsewhere for dx in (-1, 0, 1) for dy in (-1, 0, 1))]
            if len(shared) >= MIN_TEMPLATE_LINES:
                template.update(id(line) for line in shared)
    return template


def _place(line: Line) -> tuple[str, int, int]:
    """A line's text and where it stands, to the nearest 2 pt."""
    return line.text, round(line.x0 / 2), round(line.top / 2)


def running_texts(pages: list[list[Line]], kept: list[Line]) -> list[str]:
    """The running headers and footers drop_running_margins left out, each text once, page
    numbers aside: the only place some briefs state their date ("Published: November 2023")."""
    kept_ids = {id(line) for line in kept}
    texts = [line.text for lines in pages for line in lines if id(line) not in kept_ids and not PAGE_NUMBER.match(line.text)]
    return list(dict.fromkeys(texts))
