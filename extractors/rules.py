"""Column rules that a table implies but does not draw.

A web page printed to PDF draws a table with collapsed borders cell by cell: each cell paints its
own bottom border and background, and often there is no vertical border at all. Such a row's rule
is a run of segments that meet end to end at the column boundaries, and every row of the table
meets at the same boundaries. pdfplumber finds table cells where horizontal and vertical rules
cross, so without vertical rules it finds no table, or only the shaded rows, each on its own. The
boundaries the segments share are the table's columns: given as explicit vertical rules, they let
pdfplumber read the whole table.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import Any

TOLERANCE = 1.0  # points: segments closer than this meet; boundaries closer than this are one
MAX_ROW_GAP = 150.0  # points between two rules of one table (a row of about ten wrapped lines)
MIN_COLUMN = 8.0  # points: a narrower piece is a border or an ornament, not a column that holds text

Segment = tuple[float, float, float]  # x0, x1, y of a horizontal rule
Glyph = tuple[float, float, float, float]  # x0, x1, top, bottom of a character


def implied_columns(segments: Iterable[Segment], glyphs: Iterable[Glyph] = ()) -> list[dict[str, Any]]:
    """Vertical rules, as pdfplumber line objects, for every table drawn only with horizontal
    rules made of segments meeting at shared column boundaries: at least two such rules with the
    same ends and inner boundaries, each within MAX_ROW_GAP of the next, give one rule per
    boundary from the first to the last. A rule drawn in one piece implies no column, and
    boundaries that would cut through one of the `glyphs` are not a table's columns (shaded
    boxes side by side in a form, say), so they imply none."""
    runs = sorted(_segmented_runs(segments), key=lambda run: (run[0], run[1]))
    tables = [(columns, span) for columns, group in groupby(runs, key=lambda run: run[0])
              for span in _spans(sorted({y for _, y in group}))]
    if not tables:
        return []
    chars = list(glyphs)
    rules: dict[tuple[float, float, float], dict[str, Any]] = {}
    for columns, (top, bottom) in tables:
        inside = [glyph for glyph in chars if glyph[2] < bottom and glyph[3] > top]
        if not any(_cuts(x, inside) for x in columns[1:-1]):
            rules.update({(x, top, bottom): _vertical(x, top, bottom) for x in columns})
    return list(rules.values())


def _cuts(x: float, glyphs: list[Glyph]) -> bool:
    """Whether a vertical rule at x would run through one of the glyphs (those beside it)."""
    return any(x0 + TOLERANCE < x < x1 - TOLERANCE for x0, x1, _, _ in glyphs)


def _segmented_runs(segments: Iterable[Segment]) -> list[tuple[tuple[float, ...], float]]:
    """(boundaries, y) of each rule made of two or more segments meeting end to end: its two
    ends and the inner points where its segments meet, rounded so that rules of one table match."""
    by_y: dict[float, list[tuple[float, float]]] = {}
    for x0, x1, y in segments:
        by_y.setdefault(round(y / TOLERANCE) * TOLERANCE, []).append((min(x0, x1), max(x0, x1)))
    runs = []
    for y, pieces in by_y.items():
        pieces.sort()
        run = [pieces[0]]
        for piece in pieces[1:] + [None]:
            if piece is not None and abs(piece[0] - run[-1][1]) <= TOLERANCE:
                run.append(piece)
                continue
            bounds = _columns([run[0][0], *(p[1] for p in run)])
            if len(bounds) >= 3:
                runs.append((bounds, y))
            if piece is not None:
                run = [piece]
    return runs


def _columns(bounds: list[float]) -> tuple[float, ...]:
    """The boundaries of a rule's columns at least MIN_COLUMN wide (a narrower piece joins its
    neighbour), rounded so that the rules of one table match."""
    kept = [bounds[0]]
    for x in bounds[1:]:
        if x - kept[-1] >= MIN_COLUMN:
            kept.append(x)
        elif len(kept) > 1 and x == bounds[-1]:
            kept[-1] = x
    return tuple(_snap(x) for x in kept)


def _spans(ys: list[float]) -> list[tuple[float, float]]:
    """(top, bottom) of each stretch of two or more rules, each within MAX_ROW_GAP of the next."""
    spans, start = [], 0
    for index in range(1, len(ys) + 1):
        if index == len(ys) or ys[index] - ys[index - 1] > MAX_ROW_GAP:
            if index - start >= 2:
                spans.append((ys[start], ys[index - 1]))
            start = index
    return spans


def _snap(x: float) -> float:
    return round(x / TOLERANCE) * TOLERANCE


def _vertical(x: float, top: float, bottom: float) -> dict[str, Any]:
    return {"object_type": "line", "x0": x, "x1": x, "top": top, "bottom": bottom,
            "width": 0.0, "height": bottom - top}
