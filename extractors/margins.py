"""Running headers, footers and page numbers: printed on every page, never part of the text."""

from __future__ import annotations

import re
from collections import Counter

from extractors.document import Line

MARGIN = 0.09
PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?$|^[ivxlc]{1,6}$",
    re.IGNORECASE,
)


PAGE_NUMBER_AT_ENDS = re.compile(r"^(?:page\s*)?#(?:\s*(?:of|/)\s*#)?\s+|\s+(?:page\s*)?#(?:\s*(?:of|/)\s*#)?$")


def _shape(text: str) -> str:
    """The line with digits masked and a page number at either end removed."""
    masked = re.sub(r"\d+", "#", text.lower()).strip()
    return PAGE_NUMBER_AT_ENDS.sub("", masked)


def drop_running_margins(pages: list[list[Line]], heights: dict[int, float]) -> list[Line]:
    """All pages' lines in order, without lines in the top or bottom margin that repeat
    across pages (digits ignored, so "Page 2 of 4" repeats) or are bare page numbers."""

    def in_margin(line: Line) -> bool:
        height = heights[line.page]
        return line.table is None and (line.bottom <= MARGIN * height or line.top >= (1 - MARGIN) * height)

    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({_shape(line.text) for line in lines if in_margin(line)})
    repeated = {shape for shape, count in seen.items() if count >= 2}
    kept = []
    for lines in pages:
        for line in lines:
            if in_margin(line) and (_shape(line.text) in repeated or PAGE_NUMBER.match(line.text)):
                continue
            kept.append(line)
    return kept
