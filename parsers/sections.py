"""Blocks → the brief's front matter (title, date line) and its sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extractors.document import Block, Document
from extractors.text import squash
from parsers.periods import BARE_PERIOD

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
LETTERHEAD = re.compile(r"(?:the\s+)?International\s+Labour\s+(?:Organi[sz]ation|Office)|ILO", re.IGNORECASE)  # names no partner
MARGIN_EMS = 3.0  # a period starting this far left of the heading after it is a note in the margin beside it
DATE_LINE_CHARS = 60  # "Cooperation overview · Riyadh, December 2023": a subtitle that dates the brief, not a sentence
MONTH_YEAR = re.compile(r"\b(" + MONTHS + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?,\s+)?((?:19|20)\d\d)\b")  # "April 2024", "April 8, 2024"


@dataclass
class Section:
    """A heading and the blocks under it, up to the next heading."""

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""

    @property
    def body(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def page_start(self) -> int:
        first = self.heading or (self.blocks[0] if self.blocks else None)
        return first.page if first else 1

    @property
    def page_end(self) -> int:
        last = self.blocks[-1] if self.blocks else self.heading
        return last.page_end if last else 1


@dataclass
class Outline:
    """The brief cut into its parts: title block, date line, sections in order."""

    title: Block | None
    date_line: Block | None
    sections: list[Section]
    preamble: list[Block] = field(default_factory=list)  # what stands above the title: a masthead, a kicker


def _title_block(document: Document) -> Block | None:
    first_page = [
        b for b in document.blocks
        if b.page == document.blocks[0].page and b.kind == "heading" and len(b.text.split()) >= 2
        and not LETTERHEAD.fullmatch(b.text.strip())
    ]
    if not first_page:
        return None
    return max(first_page, key=lambda b: (b.size, -document.blocks.index(b)))


def outline(document: Document) -> Outline:
    """Title = the largest heading of two words or more on the first page (a one-word
    heading there is a logo, the ILO's own name a letterhead); the date line is the first short
    block near it naming a month and year; every later heading opens a section. A heading in
    a box opens the box's own section; the text after the box goes on with the section before."""
    title = _title_block(document)
    blocks = document.blocks
    start = blocks.index(title) + 1 if title else 0
    date_line = None
    for block in blocks[start:start + 3]:
        if len(block.text) <= DATE_LINE_CHARS and MONTH_YEAR.search(block.text.title()):
            date_line = block
            break
    sections: list[Section] = []
    current = Section(heading=None)
    interrupted: Section | None = None  # the section a box's heading broke into
    for block in _margin_years_on_headings(blocks[start:], document.body_size):
        if block is date_line:
            continue
        if interrupted is not None and not block.in_panel:
            if block.kind != "heading":  # the text after a box goes on with the section the box stood in
                _close(current, sections)
                current = interrupted
            interrupted = None
        if block.kind == "heading":
            _close(current, sections)
            if block.in_panel and interrupted is None and not (current.heading and current.heading.in_panel):
                interrupted = current
            current = Section(heading=block)
        else:
            current.blocks.append(block)
    _close(current, sections)
    return Outline(title=title, date_line=date_line, sections=sections, preamble=blocks[:start - 1] if title else [])


def _margin_years_on_headings(blocks: list[Block], body_size: float) -> list[Block]:
    """The blocks, with each period set in the margin beside a heading ("2019–2022", "Mar 2023 –
    Feb 2026" left of a project's title) put before that heading's text, where a badge's years
    would be: it dates the heading, not the text above it."""
    merged: list[Block] = []
    index = 0
    while index < len(blocks):
        block, after = blocks[index], blocks[index + 1] if index + 1 < len(blocks) else None
        if after is not None and _margin_period(block, after, body_size):
            merged.append(replace(after, text=f"{block.text.strip()} {after.text}"))
            index += 2
        else:
            merged.append(block)
            index += 1
    return merged


def _margin_period(block: Block, heading: Block, body_size: float) -> bool:
    """Whether `block` is only a period, set in the margin left of the heading that follows it."""
    return (heading.kind == "heading" and heading.page == block.page and bool(BARE_PERIOD.match(block.text.strip()))
            and heading.start_left - block.start_left > MARGIN_EMS * body_size)


def _close(section: Section, sections: list[Section]) -> None:
    """Add a section that holds anything to the outline, once."""
    if (section.heading or section.blocks) and all(kept is not section for kept in sections):
        sections.append(section)


def heading_text(block: Block) -> str:
    return squash(block.text)
