"""Inline SVG charts for the quality report, drawn in Python so the page needs no network and no JS.

Lengths are floats because pixels are; the figures a reader reads are passed in as text,
so exact amounts never go through a float on their way to the page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:12px"
INK, MUTED, GRID = "#1f2933", "#616e7c", "#e4e7eb"
CHAR_WIDTH = 6.6  # average width of a 12 px character, to truncate labels that would not fit


@dataclass(frozen=True)
class Bar:
    """One horizontal bar; consecutive bars with the same `group` share one label.
    `span` (first year, last year) is drawn on a timeline beside the bar when given."""

    group: str
    value: float
    text: str
    colour: str
    hint: str = ""
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Column:
    """One stacked column: a value per series, in the order of the series."""

    label: str
    values: tuple[int, ...]
    hint: str = ""
    marked: bool = False


def bar_rows(
    bars: Sequence[Bar],
    title: str,
    tick_label: Callable[[float], str] = lambda v: f"{v:g}",
    label_width: int = 190,
    plot_width: int = 360,
    text_width: int = 230,
    timeline_width: int = 0,
) -> str:
    """Horizontal bars grouped under left-hand labels, with an x axis of `tick_label` ticks;
    with `timeline_width`, a panel before the bars shows each bar's span of years."""
    row, gap, axis = 18, 10, 24
    timeline = timeline_width if any(bar.span for bar in bars) else 0
    top = 22 if timeline else 6
    ys, y, previous = [], top, None
    for bar in bars:
        if previous is not None and bar.group != previous:
            y += gap
        ys.append(y)
        y += row
        previous = bar.group
    plot_x = label_width + (timeline + 24 if timeline else 0)
    height, width = y + axis, plot_x + plot_width + text_width
    ticks = nice_ticks(max((bar.value for bar in bars), default=0))
    scale = plot_width / ticks[-1]
    parts = [_open(width, height, title)]
    if timeline:
        parts.append(_timeline(bars, ys, label_width, timeline, top, y, row))
        parts.append(_text(plot_x, 12, "amount", fill=MUTED))
    for tick in ticks:
        x = plot_x + tick * scale
        parts.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{y}" stroke="{GRID}"/>')
        parts.append(_text(x, y + 16, tick_label(tick), anchor="middle", fill=MUTED))
    previous = None
    for bar, bar_y in zip(bars, ys):
        if bar.group != previous:
            parts.append(_text(label_width - 8, bar_y + 13, _fit(bar.group, label_width - 12), anchor="end",
                               hint=bar.group))
            previous = bar.group
        length = max(bar.value * scale, 1.0)
        parts.append(
            f'<rect x="{plot_x}" y="{bar_y + 2}" width="{length:.1f}" height="{row - 4}" rx="2" '
            f'fill="{bar.colour}"><title>{escape(bar.hint or bar.text)}</title></rect>')
        parts.append(_text(plot_x + length + 6, bar_y + 13, _fit(bar.text, text_width + plot_width - length - 6)))
    parts.append(f'<line x1="{plot_x}" y1="{top - 4}" x2="{plot_x}" y2="{y}" stroke="{MUTED}"/>')
    return "".join(parts) + "</svg>"


def _timeline(bars: Sequence[Bar], ys: Sequence[int], left: int, width: int, top: int, bottom: int, row: int) -> str:
    """Each bar's years as a span on a shared year axis (a span covers its last year whole)."""
    first = min(bar.span[0] for bar in bars if bar.span)
    last = max(bar.span[1] for bar in bars if bar.span) + 1
    scale = width / (last - first)
    step = next(s for s in (1, 2, 5, 10, 20, 50) if (last - first) / s <= 5)
    parts = [_text(left, 12, "period", fill=MUTED)]
    for year in range(math.ceil(first / step) * step, last + 1, step):
        x = left + (year - first) * scale
        parts.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{bottom}" stroke="{GRID}"/>')
        parts.append(_text(x, bottom + 16, str(year), anchor="middle", fill=MUTED))
    for bar, y in zip(bars, ys):
        if bar.span:
            x = left + (bar.span[0] - first) * scale
            length = (bar.span[1] + 1 - bar.span[0]) * scale
            parts.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{length:.1f}" height="{row - 8}" rx="2" '
                         f'fill="{bar.colour}" fill-opacity="0.75"><title>{escape(bar.hint or bar.text)}</title></rect>')
    parts.append(f'<line x1="{left}" y1="{top - 4}" x2="{left}" y2="{bottom}" stroke="{MUTED}"/>')
    return "".join(parts)


def stacked_columns(columns: Sequence[Column], series: Sequence[tuple[str, str]], title: str) -> str:
    """Vertical columns stacked by series (name, colour); a marked column is outlined."""
    left, top, plot_height, bottom, step, bar = 40, 12, 150, 78, 34, 22
    width = max(left + step * len(columns) + 16, 260)
    height = top + plot_height + bottom
    ticks = nice_ticks(max((sum(c.values) for c in columns), default=0), integers=True)
    scale = plot_height / ticks[-1]
    base = top + plot_height
    parts = [_open(width, height, title)]
    for tick in ticks:
        y = base - tick * scale
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 8}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(_text(left - 6, y + 4, f"{tick:g}", anchor="end", fill=MUTED))
    for index, column in enumerate(columns):
        x, y = left + 8 + index * step, float(base)
        for value, (name, colour) in zip(column.values, series):
            if value:
                y -= value * scale
                parts.append(f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{value * scale:.1f}" fill="{colour}">'
                             f'<title>{escape(f"{column.hint}: {value} {name}")}</title></rect>')
        if column.marked:
            parts.append(f'<rect x="{x - 3}" y="{y - 3:.1f}" width="{bar + 6}" height="{base - y + 3:.1f}" '
                         f'fill="none" stroke="{INK}" stroke-width="1.5" stroke-dasharray="3 2"/>')
        label_x, label_y = x + bar / 2 + 4, base + 10
        weight = "bold" if column.marked else "normal"
        parts.append(f'<text x="{label_x:.1f}" y="{label_y}" transform="rotate(-45 {label_x:.1f} {label_y})" '
                     f'text-anchor="end" fill="{INK}" font-weight="{weight}">{escape(column.label)}'
                     f'<title>{escape(column.hint)}</title></text>')
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - 8}" y2="{base}" stroke="{MUTED}"/>')
    return "".join(parts) + "</svg>"


def nice_ticks(maximum: float, integers: bool = False) -> list[float]:
    """0 and round steps (1, 2 or 5 × 10^k) up to at least `maximum`, about four of them."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if integers:
        step = max(1, round(step))
    count = math.ceil(maximum / step - 1e-9)
    return [step * i for i in range(count + 1)]


def _open(width: int, height: int, title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" style="{FONT}"><title>{escape(title)}</title>')


def _text(x: float, y: float, text: str, anchor: str = "start", fill: str = INK, hint: str = "") -> str:
    tooltip = f"<title>{escape(hint)}</title>" if hint and hint != text else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}">{escape(text)}{tooltip}</text>'


def _fit(text: str, width: float) -> str:
    """`text`, cut with an ellipsis to about `width` pixels."""
    room = max(int(width / CHAR_WIDTH), 4)
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"
