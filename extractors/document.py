"""The data model extraction produces: words → lines → blocks → document."""

from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass, field
from typing import Literal

BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|\bbd\b|,b$|-bd$", re.IGNORECASE)
ITALIC_FONT = re.compile(r"italic|oblique|,i$|-it$", re.IGNORECASE)
LIST_MARKERS = frozenset("▶►▸▹■□▪▫•●◦○‣⁃–—-*·✓✔➢➤→\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8")  # and Word's Symbol and Wingdings bullets
NUMBER_MARKER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-z]|[ivx]{1,4})[.)]$|^\d{1,2}(?:\.\d{1,2}){1,3}$|^\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)$"
                           r"|^\[\d{1,2}\]$")  # "[1]", as plain text numbers a list
UNMAPPED_GLYPH = re.compile(r"^\(cid:\d+\)$")
LEADER = "…"  # a dot leader between a label and its value, read as one word


@dataclass(frozen=True)
class Word:
    """One word as printed, with the font facts that tell headings from body text."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    fontname: str
    page: int

    @property
    def box(self) -> tuple[float, float, float, float]:
        """x0, top, x1, bottom."""
        return self.x0, self.top, self.x1, self.bottom

    @property
    def bold(self) -> bool:
        return bool(BOLD_FONT.search(self.fontname))

    @property
    def italic(self) -> bool:
        return bool(ITALIC_FONT.search(self.fontname))

    @property
    def is_marker(self) -> bool:
        return self.text in LIST_MARKERS or bool(NUMBER_MARKER.match(self.text) or UNMAPPED_GLYPH.match(self.text))


@dataclass
class Line:
    """Words on one baseline within one column; `region` identifies that column, and `measure`
    is where its text had to stop, when a box beside it cuts the column short."""

    words: list[Word]
    region: tuple[int, int, int] = (0, 0, 0)
    table: list[list[str]] | None = None
    measure: float | None = None

    @property
    def page(self) -> int:
        return self.words[0].page

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        """Words joined by a space only where the page shows one (a bold word and the
        comma after it are two words to pdfplumber but one to a reader)."""
        parts = [self.words[0].text]
        for previous, word in zip(self.words, self.words[1:]):
            touching = word.x0 - previous.x1 < 0.12 * min(word.size, previous.size)
            parts.append(word.text if touching and not word.text[0].isalnum() else " " + word.text)
        return "".join(parts)

    @property
    def marker(self) -> str | None:
        """The list or heading marker opening the line; a bullet glyph without a Unicode
        mapping ("(cid:127)") is still a bullet. A number is a marker only before a capital
        ("1. Title", "5.2 Labour"), not before a unit ("4.5 million")."""
        first = self.words[0]
        if not first.is_marker or len(self.words) == 1:
            return None
        if first.text[0].isdigit() and not self.words[1].text[:1].isupper():
            return None
        return "•" if UNMAPPED_GLYPH.match(first.text) else first.text

    @property
    def content_words(self) -> list[Word]:
        return self.words[1:] if self.marker else self.words

    @property
    def size(self) -> float:
        words = self.content_words
        return statistics.median(w.size for w in words)

    @property
    def bold(self) -> bool:
        """All the line's words are bold (symbols such as "+" or "&" do not count either way)."""
        lettered = [w for w in self.content_words if any(ch.isalpha() for ch in w.text)] or self.content_words
        return all(w.bold for w in lettered)

    @property
    def italic(self) -> bool:
        return all(w.italic for w in self.content_words)


BlockKind = Literal["heading", "paragraph", "list_item", "table"]


@dataclass
class Block:
    """A heading, paragraph, list item or table, in reading order.

    `page_starts` maps character offsets in `text` to the page they were printed on,
    so a sentence read from a block that crosses a page break keeps its own page.
    """

    kind: BlockKind
    text: str
    page: int
    size: float
    bold: bool = False
    italic: bool = False
    marker: str | None = None
    rows: list[list[str]] | None = None
    page_starts: list[tuple[int, int]] = field(default_factory=list)
    start_left: float = 0.0
    text_left: float = 0.0
    in_panel: bool = False  # set in a box of text (a sidebar, a "Did you know?" box), apart from the flow

    @property
    def page_end(self) -> int:
        return self.page_starts[-1][1] if self.page_starts else self.page

    def page_at(self, offset: int) -> int:
        """The page on which the character at `offset` was printed."""
        if not self.page_starts:
            return self.page
        starts = [start for start, _ in self.page_starts]
        return self.page_starts[max(0, bisect.bisect_right(starts, offset) - 1)][1]


@dataclass
class Document:
    """A brief as extracted: its blocks in reading order and the facts about the file."""

    source: str
    page_count: int
    blocks: list[Block]
    body_size: float
    metadata: dict[str, str] = field(default_factory=dict)
    ocr_pages: list[int] = field(default_factory=list)
    margins: list[str] = field(default_factory=list)  # running headers and footers, left out of the blocks
