"""Tables drawn without any rule: columns kept only by where their text starts.

A web page's CSS grid, or a word processor's tab stops, can set a table with no border and no
shading at all, so pdfplumber finds no table (there are no rules to cross) and the page reads as
lines that run across the columns ("Decent Work in Rural Areas of Central 2019–2022 Guatemala,
Honduras, El AECID"). Such a table still shows itself: a header of short labels set apart by wide
gaps, and below it lines whose words all start within a column and none of which runs from one
column into the next. Their rows are told apart by the space between them, wider than between
the wrapped lines of one cell. Whatever runs across a column boundary (the paragraph under the
table) ends it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.document import Word

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Table = tuple[Box, list[list[str]]]

CELL_GAP = 1.0  # ems: a wider gap between two words of a line parts two cells
MAX_LABEL_WORDS = 4  # words in a header label
MAX_LABEL_CHARS = 30
MIN_COLUMNS = 3  # header labels (two when the first is "Year" or "Biennium": a table of figures by year)
MIN_ROWS = 1  # rows with two filled cells or more (a single one must hold figures)
ROW_GAP = 1.25  # times the closest pitch of the table's lines: a wider space starts a new row
LINE_PITCH = 1.6  # ems: lines further apart than this are rows of their own, not one cell's wrapped lines
MAX_GAP = 4.0  # ems between two lines of one table
WRAPPING = {"and", "or", "of", "for", "with", "the", "in", "on", "to", "a", "an", "&"}  # a title goes on after these ("Funded by" is a label)
YEAR_CELL = re.compile(r"(?:19|20)\d\d\b")  # a line opening with a year starts a row of a table by year, however close
PERIOD_LABEL = re.compile(r"(?:calendar |fiscal |financial )?(?:year|years|biennium|period)", re.IGNORECASE)
FIGURE = re.compile(r"\d|^[–—-]$")  # a number, or a dash standing for none
LABEL = re.compile(r"[^\d]*[^\W\d_]{3}[^\d]*|(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)?\d\d)?")  # a word, or a year


def aligned_tables(words: Sequence[Word]) -> list[Table]:
    """Every table on a page set without rules, as (box, rows of cell texts) with its header
    as the first row; the cells of a row's wrapped lines are joined with newlines."""
    lines = _lines(words)
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        table, used = _table_from(lines, index)
        if table is None:
            index += 1
            continue
        tables.append(table)
        index += used
    return tables


def _lines(words: Sequence[Word]) -> list[list[Word]]:
    """Words on one baseline across the page, top to bottom, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        middle = (word.top + word.bottom) / 2
        if lines and middle - _middle(lines[-1]) <= 0.5 * max(word.size, lines[-1][0].size):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _middle(line: list[Word]) -> float:
    return (line[0].top + line[0].bottom) / 2


def _cells(line: list[Word]) -> list[list[Word]]:
    """A line's runs of words, parted where the gap is wider than CELL_GAP ems."""
    cells = [[line[0]]]
    for before, word in zip(line, line[1:]):
        if word.x0 - before.x1 > CELL_GAP * max(before.size, word.size):
            cells.append([word])
        else:
            cells[-1].append(word)
    return cells


def _header(line: list[Word]) -> list[float] | None:
    """The columns' left edges, if `line` is a row of short labels (words or years) set apart; a
    label ending in "and" or "for" is the first line of a title that wraps (a grid of cards)."""
    cells = _cells(line)
    year_table = len(cells) == 2 and PERIOD_LABEL.fullmatch(" ".join(w.text for w in cells[0]))  # "Year | Assessed (CHF)"
    if len(cells) < MIN_COLUMNS and not year_table:
        return None
    for cell in cells:
        text = " ".join(w.text for w in cell)
        if len(cell) > MAX_LABEL_WORDS or len(text) > MAX_LABEL_CHARS or not LABEL.fullmatch(text) or text[-1] in ".,;:" \
                or cell[-1].text.lower() in WRAPPING:
            return None
    return [cell[0].x0 for cell in cells]


def _table_from(lines: list[list[Word]], start: int) -> tuple[Table | None, int]:
    """The table whose header is lines[start], and how many lines it takes; (None, 0) if none."""
    edges = _header(lines[start])
    if edges is None:
        return None, 0
    size = max(w.size for w in lines[start])
    tolerance = 0.5 * size
    if start and _continues_grid(lines[start - 1], lines[start], edges, tolerance):
        return None, 0
    if start + 1 < len(lines) and not _keeps_to(lines[start + 1], edges, tolerance):
        edges = _right_aligned(_cells(lines[start]), lines[start + 1], tolerance) or edges
    body: list[list[Word]] = []
    for line in lines[start + 1:]:
        previous = body[-1] if body else lines[start]
        if line[0].top - previous[0].bottom > MAX_GAP * size or not _keeps_to(line, edges, tolerance):
            break
        body.append(line)
    stub = any(w.x0 < edges[0] - tolerance for line in body for w in line)
    bounds = ([float("-inf")] if stub else []) + [edge - tolerance for edge in edges]
    rows = _rows(body, bounds)
    while rows and sum(1 for cell in rows[-1][0] if cell) < 2:
        rows.pop()
    if len(rows) < MIN_ROWS or any(sum(1 for cell in cells if cell) < 2 for cells, _ in rows):
        return None, 0
    if len(rows) == 1 and 2 * sum(1 for cell in rows[0][0][1:] if re.search(r"\d", cell)) < len(rows[0][0]) - 1:
        return None, 0  # one row under a header is a table of figures ("Assessed contribution | CHF 1 082 612 | …"), not words
    if any(2 * sum(1 for cells, _ in rows if cells[column]) < len(rows) for column in range(stub, len(bounds))):
        return None, 0  # a column mostly empty: scattered words (a formula, a figure's labels), not a table
    header = ([""] if stub else []) + [" ".join(w.text for w in cell) for cell in _cells(lines[start])]
    kept = [lines[start]] + [line for _, group in rows for line in group]
    box = (min(w.x0 for line in kept for w in line), min(w.top for line in kept for w in line),
           max(w.x1 for line in kept for w in line), max(w.bottom for line in kept for w in line))
    return (box, [header] + [cells for cells, _ in rows]), 1 + sum(len(group) for _, group in rows)


def _right_aligned(header: list[list[Word]], first: list[Word], tolerance: float) -> list[float] | None:
    """Left edges for columns of figures set flush right under labels set flush right ("2020 |
    2021" over "412,650 | 150,000"), where a wider figure starts left of its label: the first
    column starts where the first row's figure under it starts, each other one just after the
    column before it ends. None unless the first row has a word ending under each label."""
    rights = [cell[-1].x1 for cell in header]
    under = [[w for w in first if abs(w.x1 - right) <= tolerance] for right in rights]
    if not all(under):
        return None
    return [min(w.x0 for w in under[0])] + [right + tolerance for right in rights[:-1]]


def _fills(line: list[Word], bounds: list[float]) -> bool:
    """Whether `line` has a figure (or a dash for none) in every column after the first, and
    words in that one: a row of figures, which does not wrap."""
    columns: dict[int, list[str]] = {}
    for word in line:
        columns.setdefault(_column(word, bounds), []).append(word.text)
    return len(columns) == len(bounds) and all(FIGURE.search(" ".join(columns[i])) for i in range(1, len(bounds)))


def _column(word: Word, bounds: list[float]) -> int:
    """The column a word starts in: the last whose left bound it is right of."""
    return max(i for i, bound in enumerate(bounds) if bound <= word.x0)


def _continues_grid(above: list[Word], line: list[Word], edges: list[float], tolerance: float) -> bool:
    """Whether the line just above a would-be header has a run of words starting at each of its
    columns: then the 'labels' are the second lines of a grid of cards' titles, not a header."""
    size = max(w.size for w in line)
    starts = [cell[0].x0 for cell in _cells(above)]
    return (line[0].top - above[0].bottom <= LINE_PITCH * size and len(starts) == len(edges)
            and all(abs(start - edge) <= tolerance for start, edge in zip(starts, edges)))


def _keeps_to(line: list[Word], edges: list[float], tolerance: float) -> bool:
    """Whether no word of `line` runs across a column's left edge."""
    return not any(w.x0 < edge - tolerance and w.x1 > edge + tolerance for w in line for edge in edges)


def _rows(body: list[list[Word]], bounds: list[float]) -> list[tuple[list[str], list[list[Word]]]]:
    """The body's lines grouped into rows, each as its cells' texts and its lines. A line starts
    a new row where the space above it is wider than ROW_GAP times the closest pitch or than a
    wrapped line's (LINE_PITCH), where it opens with a year, or where it and the line above both
    fill every column, unless its first column is empty: then it continues a cell."""
    if not body:
        return []
    pitches = [b[0].top - a[0].top for a, b in zip(body, body[1:])]
    closest = min(pitches, default=0.0)
    groups = [[body[0]]]
    for pitch, above, line in zip(pitches, body, body[1:]):
        apart = pitch > ROW_GAP * closest or pitch > LINE_PITCH * line[0].size or bool(YEAR_CELL.match(line[0].text)) \
            or _fills(above, bounds) and _fills(line, bounds)  # rows of figures set close: no cell wraps
        if apart and line[0].x0 >= bounds[1]:
            groups[-1].append(line)
        elif apart:
            groups.append([line])
        else:
            groups[-1].append(line)
    rows = []
    for group in groups:
        cells: list[list[str]] = [[] for _ in bounds]
        for line in group:
            parts: list[list[str]] = [[] for _ in bounds]
            for word in line:
                parts[_column(word, bounds)].append(word.text)
            for column, part in enumerate(parts):
                if part:
                    cells[column].append(" ".join(part))
        rows.append((["\n".join(cell) for cell in cells], group))
    return rows
