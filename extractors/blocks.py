"""Lines → headings, paragraphs, list items and tables.

Headings are told from body text by font size and weight only. Paragraph breaks come from
vertical space, first-line indents and list markers; a paragraph cut by a column or page
break is rejoined, and words hyphenated at a line end are mended.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections import Counter

from extractors.document import LEADER, Block, Line
from extractors.layout import PANEL_REGION
from extractors.text import join_hyphenated

GLUED_BEFORE = re.compile(r"^(?:[A-Z]{3}|US\$|\$|€|£|No\.|Art\.|p\.)$")
TERMINAL = re.compile(r"[.!?:;][\"')\]]*$")
MAX_HEADING_CHARS = 220
UNDERLINE = re.compile(r"[=\-~_*]{4,}")  # a rule typed out under a heading of plain text
MAX_UNDERLINED = 80  # characters in a heading underlined with a typed-out rule
MIN_RUN_IN_WORDS = 3
KEPT_HYPHEN = re.compile(r"\w-$")
VALUE_GAP = 1.5  # ems between a bold label and its value, in a table set without rules
ITEM_SPACE = 0.2  # ems of space between two lines, beyond a paragraph's, that part two unmarked list items
FIGURE = re.compile(
    r"(?:(?:over|more than|about|around|approximately|nearly|almost|up to)\s+)?"
    r"(?:[A-Z]{3}\s?|(?:US|A|C|NZ|HK|S|R)\$\s?|SFr\.\s?|[$€£¥₩₹₺]\s?)?\d[\d.,'’\s]*"
    r"(?:\s?(?:%|per ?cent|million|billion|bn|mn|m|k|mio\.?))?\+?", re.IGNORECASE)


def body_size(lines: list[Line]) -> float:
    """The font size most characters are set in."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.table is None:
            for word in line.words:
                sizes[round(word.size, 1)] += len(word.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _heading_style(line: Line, body: float) -> bool:
    """Larger than the body text, or bold (a short bold line even when smaller); sizes
    estimated by OCR need a wider margin."""
    if line.table is not None:
        return False
    margin = 2.0 if line.words[0].fontname.startswith("OCR") else 1.0
    short = len(line.content_words) <= 6 and not TERMINAL.search(line.text)
    return line.size >= body + margin or (line.bold and (line.size >= body - 1.0 or short) and not _labelled(line))


def _has_leader(line: Line) -> bool:
    """A "label ...... value" line of a key-figures list: an entry of its own."""
    return any(word.text == LEADER for word in line.words)


def _labelled(line: Line) -> bool:
    """A field set as a bold label and its value, not a heading: "**Period:** 2018–2022", or a
    row of a small facts table (_field_row)."""
    words = line.content_words
    label = next((i for i, w in enumerate(words) if w.text.endswith(":")), None)
    return (label is not None and label < len(words) - 1 and not all(w.bold for w in words[label + 1:])) or _field_row(line)


def _field_row(line: Line) -> bool:
    """A row of a small facts table set without rules: a bold label, then its value a column
    away ("**Duration**     2019–2022")."""
    words = line.content_words
    return any(a.bold and not b.bold and b.x0 - a.x1 > VALUE_GAP * line.size and all(w.bold for w in words[:i + 1])
               for i, (a, b) in enumerate(zip(words, words[1:])))


def _is_heading(line: Line, body: float) -> bool:
    """A heading-styled line with words in it (a bold page number is not a heading)."""
    return _heading_style(line, body) and any(ch.isalpha() for ch in line.text)


def _hangs(line: Line, following: Line | None) -> bool:
    """Whether a marked line that is only partly bold ("2. **Title** — 2021–2024.") opens a list
    item whose next line hangs under its text, not under its marker: then the bold title is
    the item's lead, not a heading."""
    if line.marker is None or following is None or following.table is not None or following.region != line.region:
        return False
    if len({word.bold for word in line.content_words}) < 2:
        return False
    text_x0 = line.content_words[0].x0
    return abs(following.x0 - text_x0) < 0.8 * line.size and following.x0 > line.x0 + 0.5 * line.size


def _line_gap(lines: list[Line], body: float) -> float:
    """The usual space between two lines of one paragraph (top of one to bottom of the last)."""
    gaps = [
        b.top - a.bottom
        for a, b in zip(lines, lines[1:])
        if a.region == b.region and a.table is None and b.table is None
        and abs(a.size - body) < 0.6 and abs(b.size - body) < 0.6 and b.top > a.top
    ]
    return statistics.median(gaps) if gaps else 0.3 * body


def _append(text: str, addition: str) -> str:
    if not text:
        return addition
    words = text.rsplit(" ", 1)
    head = addition.split(" ", 1)
    joined = join_hyphenated(words[-1], head[0])
    if joined is None and KEPT_HYPHEN.search(words[-1]) and head[0][:1].isalnum() and head[0] not in ("and", "or", "to"):
        joined = words[-1] + head[0]  # a hyphen kept at a line end still binds: "Directorate-" + "General"
    if joined is not None:
        prefix = (words[0] + " ") if len(words) == 2 else ""
        return prefix + joined + ((" " + head[1]) if len(head) == 2 else "")
    return text + " " + addition


class _Builder:
    def __init__(self, body: float, gap: float) -> None:
        self.body = body
        self.gap = gap
        self.blocks: list[Block] = []
        self.last: Line | None = None
        self.text_x0 = 0.0
        self.column_x0: dict[tuple[int, int, int], float] = {}
        self.column_x1: dict[tuple[int, int, int], float] = {}

    def start(self, line: Line, kind: str) -> None:
        previous = self.blocks[-1] if self.blocks else None
        marker = line.marker if kind != "table" else None
        if kind == "paragraph" and previous is not None and self._unmarked_item(previous, line):
            kind, marker = "list_item", previous.marker or "•"
        words = line.content_words if kind != "table" else line.words
        text = " ".join(w.text for w in words) if kind != "table" else line.text
        self.blocks.append(
            Block(
                kind=kind,  # type: ignore[arg-type]
                text=text,
                page=line.page,
                size=line.size if kind != "table" else self.body,
                bold=line.bold if kind != "table" else False,
                italic=line.italic if kind != "table" else False,
                marker=marker,
                rows=line.table,
                page_starts=[(0, line.page)],
                start_left=line.x0,
                text_left=words[0].x0,
                in_panel=_in_panel(line),
            )
        )
        self.text_x0 = words[0].x0
        self.last = line

    def extend(self, line: Line) -> None:
        block = self.blocks[-1]
        if line.page != block.page_end:
            block.page_starts.append((len(block.text) + 1, line.page))
        block.text = _append(block.text, line.text)
        self.last = line

    def _unmarked_item(self, previous: Block, line: Line) -> bool:
        """A list whose bullets are drawn, not typed: an indented line after a sentence
        ending in a colon, or at the indent of the list item before it."""
        if previous.kind == "list_item":
            unmarked = previous.start_left == previous.text_left
            return _at_hanging_indent(previous, line.x0) or (unmarked and abs(previous.start_left - line.x0) <= 2)
        indent = line.x0 - self.column_x0.get(line.region, line.x0)
        return previous.kind == "paragraph" and previous.text.rstrip().endswith(":") and indent > 0.8 * line.size

    def _hard_break(self, last: Line, line: Line) -> bool:
        """The next line's first word would have fitted on the last one: the line was ended
        on purpose (a paragraph or list item ends there), not wrapped. Numbers count with
        the word after them, as a non-breaking space often glues them ("CHF 4.5 million").
        Beside a box, the line could only reach the box (its measure), not the column's edge."""
        if last.text.endswith("-"):
            return False
        words = line.content_words if line.marker else line.words
        glued = GLUED_BEFORE.match(last.words[-1].text) or words[0].text[:1].isdigit()
        words = words[:2] if glued else words[:1]
        column = self.column_x1.get(line.region, last.x1)
        right = min(last.measure, column) if last.measure else column
        space = 0.3 * last.size
        return last.x1 + len(words) * space + (words[-1].x1 - words[0].x0) < right - 0.5 * last.size

    def continues(self, line: Line, heading: bool) -> bool:
        """Whether `line` belongs to the block being built."""
        last, block = self.last, self.blocks[-1] if self.blocks else None
        if last is None or block is None or block.kind == "table" or line.table is not None:
            return False
        if line.region != last.region or line.marker or _has_leader(last) or _has_leader(line):
            return False
        if _field_row(line) or (_field_row(last) and line.x0 <= last.x0 + 1):
            return False  # a row of a small facts table: each label opens an entry of its own
        if heading != (block.kind == "heading"):
            return False
        if heading and (abs(line.size - block.size) > 0.6 or line.bold != block.bold):
            return False
        if not heading and (abs(line.size - last.size) > 0.8 or line.italic != last.italic):
            return False
        if line.top - last.bottom > self.gap + 0.45 * max(line.size, last.size):
            return False
        if self._hard_break(last, line):
            return False
        if block.kind == "list_item":
            if block.start_left == block.text_left and line.top - last.bottom > self.gap + ITEM_SPACE * line.size:
                return False  # items whose bullets are drawn, not typed, are told apart by the space between them
            return abs(line.x0 - self.text_x0) < 0.8 * line.size or line.x0 > self.text_x0
        if block.kind == "heading":
            return True
        left = self.column_x0.get(line.region, line.x0)
        indented = line.x0 - left > 0.9 * line.size and last.x0 - left < 0.5 * line.size
        return not indented


def split_run_in_heading(line: Line) -> tuple[Line, Line] | None:
    """A paragraph that opens with a bold sentence set in the body's size ("Green Jobs in
    Zambia (2013–2018). Funded by …") opens with a run-in heading: (heading, rest of the line),
    the heading without its closing full stop."""
    if line.table is not None or line.marker or line.words[0].italic:
        return None
    lead = 0
    while lead < len(line.words) and line.words[lead].bold:
        lead += 1
    rest = line.words[lead:]
    if lead < MIN_RUN_IN_WORDS or not rest or any(word.bold for word in rest):
        return None
    last = line.words[lead - 1]
    if not last.text.endswith(".") or len(last.text) == 1:
        return None
    words = [*line.words[:lead - 1], dataclasses.replace(last, text=last.text[:-1])]
    return Line(words, line.region), Line(rest, line.region)


def _settle_heading(block: Block) -> Block:
    """A run of large or bold lines that reads like prose is a lead paragraph, and a figure set
    large ("USD 2.7 million", "1919") is a value: neither is a heading."""
    words = block.text.split()
    prose = len(block.text) > MAX_HEADING_CHARS or (not block.bold and (len(words) > 20 or block.text.endswith(".")))
    if block.kind == "heading" and (prose or FIGURE.fullmatch(block.text.strip())):
        block.kind = "paragraph"
    return block


def _below_full_width(last: Line, line: Line) -> bool:
    """Whether `line` opens a column under a full-width line of its page that does not start
    where the column does (a masthead's date set right): text there does not run on from it.
    (The last line of a full-width intro, short enough to sit in the left column, does.)"""
    return (line.page == last.page and last.region[1:] == (0, 0) and line.region[1:] != (0, 0)
            and line.top > last.top and abs(line.x0 - last.x0) > line.size)


def _in_panel(*lines: Line) -> bool:
    """Whether any of the lines is in a box of text (extractors.layout): a box's text neither
    continues the text before it nor runs on after it."""
    return any(line.region[1] >= PANEL_REGION for line in lines)


def _captions(blocks: list[Block]) -> list[Block]:
    """A heading set right under a figure, smaller than it, is the figure's caption (a slide's
    tile: "US$ 2.2 million" / "Assessed contribution, 2022–23 biennium"), not a heading; one
    that starts well right of it stands beside it (a year in the margin), and stays a heading."""
    for value, block in zip(blocks, blocks[1:]):
        figure = value.kind == "paragraph" and FIGURE.fullmatch(value.text.strip())
        under = block.start_left <= value.start_left + 2 * value.size  # not a heading beside a margin note
        if block.kind == "heading" and figure and block.size < value.size and block.page == value.page and under:
            block.kind = "paragraph"
    return blocks


def build_blocks(lines: list[Line], body: float) -> list[Block]:
    """Blocks in reading order, with paragraphs split by column or page breaks rejoined."""
    builder = _Builder(body, _line_gap(lines, body))
    ends: dict[tuple[int, int, int], list[float]] = {}
    for line in lines:
        if line.table is None:
            builder.column_x0[line.region] = min(builder.column_x0.get(line.region, line.x0), line.x0)
            ends.setdefault(line.region, []).append(line.x1)
    for region, values in ends.items():
        values.sort()
        builder.column_x1[region] = values[int(0.8 * (len(values) - 1))]
    breaks: set[int] = set()
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if _underline(line):
            continue
        heading = _is_heading(line, body) and not _hangs(line, following) or _underlined(line, following)
        if not heading and _heading_style(line, body) and builder.continues(line, True):
            builder.extend(line)
            continue
        if builder.continues(line, heading):
            builder.extend(line)
            continue
        if builder.last is not None and line.region != builder.last.region and not _in_panel(line, builder.last) \
                and not _below_full_width(builder.last, line):
            breaks.add(len(builder.blocks))
        kind = "table" if line.table is not None else "heading" if heading else "list_item" if line.marker else "paragraph"
        if kind == "paragraph" and (run_in := split_run_in_heading(line)):
            builder.start(run_in[0], "heading")
            line = run_in[1]
        builder.start(line, kind)
    return _rejoin_across_breaks(_captions([_settle_heading(b) for b in builder.blocks]), breaks)


def _underline(line: Line) -> bool:
    """A line that is only a rule typed out ("=====", "-----"), as plain text underlines a heading."""
    return line.table is None and UNDERLINE.fullmatch(line.text.strip()) is not None


def _underlined(line: Line, following: Line | None) -> bool:
    """A short line of words with a typed-out rule under it: a heading of a plain-text brief."""
    return (following is not None and _underline(following) and line.table is None and len(line.text) <= MAX_UNDERLINED
            and any(ch.isalpha() for ch in line.text))


def _at_hanging_indent(item: Block, x0: float) -> bool:
    """Whether text starting at x0 lines up with a list item's text, right of its marker."""
    return item.text_left - item.start_left > 2 and abs(x0 - item.text_left) <= 2


def _continues_item(item: Block, block: Block) -> bool:
    """Text after a break continues a list item when it sits at the item's hanging indent
    (or starts in lowercase); a paragraph at the margin after a list is new."""
    return _at_hanging_indent(item, block.start_left) or block.text[:1].islower()


def _rejoin_across_breaks(blocks: list[Block], breaks: set[int]) -> list[Block]:
    """Merge a paragraph that opens a column or page into the unfinished one that closed the last.

    List items often end without a full stop, so one is only continued by text at its
    hanging indent or in lowercase.
    """
    merged: list[Block] = []
    for index, block in enumerate(blocks):
        previous = merged[-1] if merged else None
        if (
            index in breaks
            and previous is not None
            and block.kind == "paragraph"
            and (previous.kind == "paragraph" or (previous.kind == "list_item" and _continues_item(previous, block)))
            and not TERMINAL.search(previous.text)
            and abs(previous.size - block.size) < 0.6
            and previous.italic == block.italic
        ):
            offset = len(previous.text) + 1
            previous.text = _append(previous.text, block.text)
            for start, page in block.page_starts:
                if page != previous.page_end:
                    previous.page_starts.append((offset + start, page))
            continue
        merged.append(block)
    return merged
