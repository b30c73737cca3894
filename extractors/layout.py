"""Reading order of one page: one column, two columns, or one changing to two part-way down.

A page's gutter is found from where words start: in a two-column band the right column's
lines all start at the same x after a wide gap, which justified one-column text never does
consistently. Rows that have a word across that x are full-width; runs of rows without
one are read left column first, then right.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from extractors.document import Line, Word

Table = tuple[tuple[float, float, float, float], list[list[str]]]
Rule = tuple[float, float, float]  # a vertical rule: x, top, bottom
Box = tuple[float, float, float, float]  # a shaded or framed rectangle: x0, top, x1, bottom
MIN_SIDE_ROWS = 4
SMALLER = 0.7  # of a row's largest size: smaller words that stand FAR apart are a row of their own
FAR = 2.0  # ems of the larger size
MAX_SPLITS = 2  # a page's columns split, then each side once more: up to four columns
MIN_SPLIT_WIDTH = 300.0  # points: a side whose text is narrower than this holds one column
SUBCOLUMNS = 1000  # regions of a split side's columns are numbered apart from the sides'
RULE_REACH = 30.0  # points: a column rule this far left of the gutter, or nearer, parts its columns
LEVEL = 0.6  # ems: a rail heading goes before text whose first line stands up to this much above it
RAIL = 0.5  # a left column of headings less than this share of the text's width heads the text beside it
OUTDENT = 30.0  # points: how far left of a column's usual start its list markers may stand
MIN_PANEL_WORDS = 3
PANEL_REGION = 1000  # regions of panels' lines are numbered apart from the columns' bands


def rough_rows(words: list[Word]) -> list[list[Word]]:
    """Words grouped by vertical overlap into rows, each sorted left to right. Smaller words set
    far beside a large line (a masthead's "No. 7" / "September 2023" right of a title) are
    rows of their own, though the large line's height spans them."""
    rows: list[list[Word]] = []
    for row in _overlapping(words):
        big = max(w.size for w in row)
        small = [w for w in row if w.size < SMALLER * big]
        large = [w for w in row if w.size >= SMALLER * big]
        if small and _far_apart(large, small, big):
            rows += [large, *_overlapping(small)]
        else:
            rows.append(row)
    return sorted(rows, key=lambda row: min(w.top for w in row))


def _far_apart(large: list[Word], small: list[Word], size: float) -> bool:
    """Whether the small words all stand more than FAR ems of the large words' size to one side of them."""
    gap = FAR * size
    return (min(w.x0 for w in small) > max(w.x1 for w in large) + gap
            or max(w.x1 for w in small) < min(w.x0 for w in large) - gap)


def _overlapping(words: list[Word]) -> list[list[Word]]:
    """Words grouped by vertical overlap into rows, each sorted left to right."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if rows:
            row = rows[-1]
            top = min(w.top for w in row)
            bottom = max(w.bottom for w in row)
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap >= 0.5 * min(word.bottom - word.top, bottom - top):
                row.append(word)
                continue
        rows.append([word])
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def find_gutter(words: list[Word], width: float, left: float = 0.0) -> float | None:
    """The x where a right-hand column starts between `left` and `width`, or None for one column.

    Four left-aligned starts after a wide gap are enough (a short sidebar or contact box
    is a column too); a false gutter in one-column text is harmless, because its rows
    have words across it or only a word space there, and are read as full-width.
    """
    rows = rough_rows(words)
    votes: Counter[int] = Counter()
    for row in rows:
        for previous, word in zip([None, *row], row):
            if not left + 0.3 * (width - left) <= word.x0 <= left + 0.7 * (width - left):
                continue
            if _starts_apart(previous, word):
                votes[round(word.x0 / 2)] += 1
    if not votes:
        return None
    best = max(votes, key=lambda b: votes[b - 1] + votes[b] + votes[b + 1])
    count = votes[best - 1] + votes[best] + votes[best + 1]
    if count < 4:
        return None
    best = _outdented(rows, votes, best)
    starts = [w.x0 for row in rows for w in row if abs(w.x0 / 2 - best) <= 1.5]
    return _pulled_left(rows, min(starts))


def _starts_apart(previous: Word | None, word: Word) -> bool:
    """Whether `word` starts its line or follows a gap wider than a word space: where a column may start."""
    return previous is None or word.x0 - previous.x1 >= max(4.0, 0.6 * word.size)


def _crossing(rows: list[list[Word]], x: float) -> int:
    """How many rows have a word across x."""
    return sum(1 for row in rows if any(w.x0 < x - 1 < w.x1 for w in row))


def _pulled_left(rows: list[list[Word]], gutter: float) -> float:
    """The gutter moved left to where a few of the column's lines start, up to OUTDENT points left
    of its usual start, when they would otherwise cross it: the lead-in above a list whose
    markers are drawn, not text ("Saudi development … focuses on:" over its bullets), and almost
    no line crosses the new place (one-column text, where a false gutter falls, has many)."""
    early = [w.x0 for row in rows for previous, w in zip([None, *row], row)
             if gutter - OUTDENT <= w.x0 < gutter - 1 < w.x1
             and _starts_apart(previous, w)]
    if early and _crossing(rows, min(early)) <= min(len(rows) // 20, _crossing(rows, gutter) - 1):
        return min(early)
    return gutter


def _outdented(rows: list[list[Word]], votes: Counter[int], best: int) -> int:
    """The bucket where the right column truly starts, when its list markers and short lines
    (a numbered list's "4.", a "Contact" heading) stand left of its most common start, a hanging
    indent: four starts or more, up to OUTDENT points left, that no more rows run across."""
    allowed = _crossing(rows, 2 * best)
    for bucket in range(best - round(OUTDENT / 2), best - 2):
        if votes[bucket - 1] + votes[bucket] + votes[bucket + 1] >= 4 and _crossing(rows, 2 * bucket) <= allowed:
            return bucket
    return best


def gutter_at_rule(words: list[Word], rules: Sequence[Rule]) -> float | None:
    """Where a column starts right of a long vertical rule with text on both sides (a sidebar's
    border, a column rule), for a page whose gutter lies outside the middle of the page, where
    find_gutter does not look: MIN_SIDE_ROWS rows of text on each side, beside the rule."""
    for x, top, bottom in sorted(rules, key=lambda rule: rule[1] - rule[2]):
        beside = [w for w in words if top <= (w.top + w.bottom) / 2 <= bottom]
        left = [w for w in beside if w.x1 <= x]
        right = [w for w in beside if w.x0 >= x]
        if len(rough_rows(left)) >= MIN_SIDE_ROWS and len(rough_rows(right)) >= MIN_SIDE_ROWS:
            return min(w.x0 for w in right)
    return None


def order_page(words: list[Word], tables: list[Table], width: float, page: int, rules: Sequence[Rule] = (),
               boxes: Sequence[Box] = ()) -> list[Line]:
    """The page's lines (and tables, as one-line placeholders) in reading order.

    A panel (a shaded or framed box of text: a key-figures sidebar, a card, a tile) is read
    whole, where it stands: before the first line below its top that it sits over, or else
    right after the last line above it that it sits under; panels side by side are read left
    to right. Outside the panels, a band whose right side holds a single row is a full-width
    line whose spaces happen to fall at the gutter, not two columns.
    """
    held = panels(boxes, words)
    words_in: list[list[Word]] = [[] for _ in held]
    tables_in: list[list[Table]] = [[] for _ in held]
    outside_words: list[Word] = []
    outside_tables: list[Table] = []
    for word in words:
        index = _panel_of(word.box, held)
        (outside_words if index is None else words_in[index]).append(word)
    for table in tables:
        index = _panel_of(table[0], held)
        (outside_tables if index is None else tables_in[index]).append(table)
    lines = _order_columns(outside_words, outside_tables, width, page, rules)
    for line in lines:
        beside = [box[0] for box in held if box[1] < line.bottom and box[3] > line.top and box[0] >= line.x1 - 1]
        line.measure = min(beside) if beside else None
    groups: dict[int, list[Line]] = {}
    for index in sorted(range(len(held)), key=lambda i: (round(held[i][1] / 5), held[i][0])):  # rows of panels, left to right
        region = (page, PANEL_REGION + index, 0)
        group = [Line(row, region) for row in rough_rows(words_in[index])]
        group += [_table_line(box, rows, page, region) for box, rows in tables_in[index]]
        groups.setdefault(_insertion(held[index], lines), []).extend(sorted(group, key=lambda line: line.top))
    ordered: list[Line] = []
    for position in range(len(lines) + 1):
        ordered += groups.get(position, [])
        ordered += lines[position:position + 1]
    return ordered


def contains(outer: Box, inner: Box, slack: float) -> bool:
    """Whether `inner` lies within `outer`, give or take `slack` points on each side."""
    return (outer[0] - slack <= inner[0] and outer[1] - slack <= inner[1]
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def centre_in(box: Box, area: Box) -> bool:
    """Whether the centre of `area` (a word's, a character's or a table's box) lies in `box`."""
    x, y = (area[0] + area[2]) / 2, (area[1] + area[3]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def panels(boxes: Sequence[Box], words: list[Word]) -> list[Box]:
    """The outermost boxes that hold MIN_PANEL_WORDS words or more, but not every word (a
    page's or a slide's background is no panel)."""
    def holds(box: Box, word: Word) -> bool:
        return centre_in(box, word.box)

    outermost: list[Box] = []
    for box in sorted(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), reverse=True):
        if not any(contains(kept, box, 2) for kept in outermost):
            outermost.append(box)
    return [box for box in outermost if MIN_PANEL_WORDS <= sum(holds(box, w) for w in words) < len(words)]


def _panel_of(area: Box, held: list[Box]) -> int | None:
    """The panel that holds the centre of `area` (a word's or a table's box), if any."""
    return next((i for i, box in enumerate(held) if centre_in(box, area)), None)


def _insertion(box: Box, lines: list[Line]) -> int:
    """Where a panel's lines go among the page's other lines (see order_page)."""
    def over(line: Line) -> bool:
        return line.x0 < box[2] and line.x1 > box[0]

    below = next((i for i, line in enumerate(lines) if line.top >= box[1] - 2 and over(line)), None)
    if below is not None:
        return below
    above = [i for i, line in enumerate(lines) if line.bottom <= box[1] + 2 and over(line)]
    if above:
        return above[-1] + 1
    return next((i for i, line in enumerate(lines) if line.top >= box[1]), len(lines))


def _order_columns(words: list[Word], tables: list[Table], width: float, page: int, rules: Sequence[Rule],
                   left: float = 0.0, depth: int = 0) -> list[Line]:
    """Lines in reading order of one column, two columns, or one changing to two part-way down;
    each column of a pair is read the same way in turn (MAX_SPLITS deep), so a grid of three or
    four columns is read column by column."""
    gutter = find_gutter(words, width, left) or (gutter_at_rule(words, rules) if depth == 0 else None)
    if gutter is None:
        items = [Line(row, (page, 0, 0)) for row in rough_rows(words)]
        items += [_table_line(box, rows, page, (page, 0, 0)) for box, rows in tables]
        return sorted(items, key=lambda line: line.top)
    spans = sorted((w.top, w.bottom) for w in words if w.x0 < gutter - 1 < w.x1)
    spans += _beyond_rule(words, gutter, rules)
    spans += _tight_rows(words, gutter)
    spans += _spanning_headings(words, gutter)
    spans += sorted((box[1], box[3]) for box, _ in tables if box[0] < gutter - 1 < box[2])
    bands = _merge(sorted(spans))
    by_band: dict[tuple[int, bool], list[Word]] = {}
    for word in words:
        by_band.setdefault(_band_at((word.top + word.bottom) / 2, bands), []).append(word)
    band_tables: dict[tuple[int, bool], list[Table]] = {}
    for table in tables:
        band_tables.setdefault(_band_at((table[0][1] + table[0][3]) / 2, bands), []).append(table)
    keyed: list[tuple[tuple[int, int, float], Line]] = []
    for band, full in sorted(by_band.keys() | band_tables.keys()):
        band_words, in_band = by_band.get((band, full), []), band_tables.get((band, full), [])
        right = [w for w in band_words if w.x0 >= gutter - 1]
        right_rows = rough_rows(right)
        if full or len(right_rows) <= 1:
            keyed += [((band, 0, row[0].top), Line(row, (page, 0, 0))) for row in rough_rows(band_words)]
            for box, rows in in_band:
                region = (page, 0, 0) if full else (page, band, 1 if box[0] < gutter - 1 else 2)
                keyed.append(((band, 0, box[1]), _table_line(box, rows, page, region)))
            continue
        rail = rough_rows([w for w in band_words if w.x0 < gutter - 1])
        if not in_band and _heading_rail(rail, right):
            keyed += [((band, row[0].top, 1), Line(row, (page, band, 2))) for row in right_rows]
            for heading in _stacked(rail):  # each heading just before the text level with its top
                level = heading[0][0].top - LEVEL * heading[0][0].size
                keyed += [((band, level, index), Line(row, (page, band, 1))) for index, row in enumerate(heading)]
            continue
        for side, bounds in ((0, (left, gutter - 1)), (1, (gutter - 1, width))):
            side_words = [w for w in band_words if (w.x0 >= gutter - 1) == bool(side)]
            side_tables = [t for t in in_band if (t[0][0] >= gutter - 1) == bool(side)]
            for index, line in enumerate(_side_lines(side_words, side_tables, page, rules, bounds, depth)):
                line.region = (page, band, side + 1 if line.region == (page, 0, 0) else (side + 1) * SUBCOLUMNS + line.region[2])
                keyed.append(((band, side, index), line))
    return [line for _, line in sorted(keyed, key=lambda item: item[0])]


def _median_size(words: list[Word]) -> float:
    """The body text's size among `words`: their median size."""
    sizes = sorted(w.size for w in words)
    return sizes[len(sizes) // 2]


def _stacked(rows: list[list[Word]]) -> list[list[list[Word]]]:
    """Rows grouped into the headings they wrap into: a row closer than a line's height below
    the last one goes on with it."""
    groups: list[list[list[Word]]] = []
    for row in rows:
        if groups and row[0].top - groups[-1][-1][0].bottom < row[0].size:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def _heading_rail(rows: list[list[Word]], right: list[Word]) -> bool:
    """Whether the left column's rows are a narrow rail of headings beside the text they head
    (each heading level with the start of its text): every row bold or larger than the text,
    and the rail less than half as wide as the text."""
    if len(rows) < 2 or not right:
        return False
    body = _median_size(right)
    headings = all(all(w.bold for w in row) or min(w.size for w in row) > body + 0.5 for row in rows)
    rail = max(w.x1 for row in rows for w in row) - min(w.x0 for row in rows for w in row)
    text = max(w.x1 for w in right) - min(w.x0 for w in right)
    return headings and rail < RAIL * text


def _side_lines(words: list[Word], tables: list[Table], page: int, rules: Sequence[Rule], bounds: tuple[float, float],
                depth: int) -> list[Line]:
    """One column of a pair and its tables, in reading order: split again if it holds two
    columns itself. The lines of a split side come back with regions (page, band, side) of
    their own, which the caller numbers apart from its own sides."""
    wide = bool(words) and max(w.x1 for w in words) - min(w.x0 for w in words) >= MIN_SPLIT_WIDTH
    if depth + 1 >= MAX_SPLITS or not wide:
        items = [Line(row, (page, 0, 0)) for row in rough_rows(words)]
        items += [_table_line(box, rows, page, (page, 0, 0)) for box, rows in tables]
        return sorted(items, key=lambda line: line.top)
    lines = _order_columns(words, tables, bounds[1], page, rules, bounds[0], depth + 1)
    for line in lines:
        if line.region != (page, 0, 0):
            line.region = (page, 0, line.region[1] * 3 + line.region[2])
    return lines


def _beyond_rule(words: list[Word], gutter: float, rules: Sequence[Rule]) -> list[tuple[float, float]]:
    """Rows below a column rule that stands in the gutter, when the right column ends by the
    rule's foot: the two columns it parts end there, and a contact block under them is full
    width however short its lines."""
    spans: list[tuple[float, float]] = []
    for x, _, bottom in rules:
        below = [w for w in words if (w.top + w.bottom) / 2 > bottom]
        if gutter - RULE_REACH <= x <= gutter and not any(w.x0 >= gutter - 1 for w in below):
            spans += [(w.top, w.bottom) for w in below]
    return spans


def _tight_rows(words: list[Word], gutter: float) -> list[tuple[float, float]]:
    """Rows whose gap at the gutter is much narrower than the gutter (its lower quartile, as
    ragged lines only widen it): one full-width line whose word space falls there."""
    gaps = []
    for row in rough_rows(words):
        left = [w for w in row if w.x1 <= gutter - 1]
        right = [w for w in row if w.x0 >= gutter - 1]
        if left and right:
            gaps.append((min(w.x0 for w in right) - max(w.x1 for w in left), row))
    if not gaps:
        return []
    gutter_width = sorted(gap for gap, _ in gaps)[len(gaps) // 4]
    return [
        (min(w.top for w in row), max(w.bottom for w in row))
        for gap, row in gaps
        if gap < min(0.6 * gutter_width, 1.2 * max(w.size for w in row))
    ]


def _spanning_headings(words: list[Word], gutter: float) -> list[tuple[float, float]]:
    """Rows of a heading that spans both columns (CSS column-span) though its words sit left:
    set larger than the text, with nothing right of the gutter beside it or in the line's
    height above it (more than the gap between two paragraphs), and the right column's text
    above it and again just below it, where both columns start anew."""
    body = _median_size(words)
    right = [w for w in words if w.x0 >= gutter - 1]
    spans = []
    for row in rough_rows(words):
        size = max(w.size for w in row)
        top, bottom = min(w.top for w in row), max(w.bottom for w in row)
        if size < 1.15 * body or any(w.x1 > gutter - 1 for w in row):
            continue
        beside = any(w.bottom > top - size and w.top < bottom for w in right)  # a line's space above it, too
        above = any(w.bottom <= top for w in right)
        below = any(bottom <= w.top <= bottom + 3 * size for w in right)
        if above and below and not beside:
            spans.append((top, bottom))
    return spans


def _merge(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for top, bottom in spans:
        if merged and top <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def _band_at(y: float, full_spans: list[tuple[float, float]]) -> tuple[int, bool]:
    """Band index of height y: full-width spans and the two-column runs between them alternate."""
    for index, (top, bottom) in enumerate(full_spans):
        if y < top:
            return 2 * index, False
        if y <= bottom:
            return 2 * index + 1, True
    return 2 * len(full_spans), False


def _table_line(box: tuple[float, float, float, float], rows: list[list[str]], page: int, region: tuple[int, int, int]) -> Line:
    x0, top, x1, bottom = box
    text = " | ".join(" ".join(cell for cell in row if cell) for row in rows)
    anchor = Word(text=text, x0=x0, x1=x1, top=top, bottom=bottom, size=0.0, fontname="", page=page)
    return Line([anchor], region, table=rows)
