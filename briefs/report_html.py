"""HTML building blocks of the quality report: one self-contained page, styles inline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape
from typing import Any

CSS = """
:root { --ink:#1f2933; --muted:#616e7c; --line:#e4e7eb; --paper:#ffffff; --back:#f5f7fa;
        --ok:#009E73; --same:#56B4E9; --bad:#D55E00; --warn:#b7791f; }
* { box-sizing: border-box; }
body { margin:0; background:var(--back); color:var(--ink);
       font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif; }
header { background:#243b53; color:#fff; padding:20px 32px; }
header h1 { margin:0 0 4px; font-size:22px; font-weight:600; }
header p { margin:0; color:#d9e2ec; }
header code { color:#fff; }
nav { padding:8px 32px; background:#334e68; }
nav a { color:#d9e2ec; margin-right:16px; text-decoration:none; font-size:13px; }
nav a:hover { color:#fff; text-decoration:underline; }
main { max-width:1180px; margin:0 auto; padding:8px 24px 48px; }
section { background:var(--paper); border:1px solid var(--line); border-radius:8px; padding:16px 20px;
          margin:18px 0; }
h2 { margin:0 0 12px; font-size:18px; }
h3 { margin:18px 0 8px; font-size:15px; }
p.note { color:var(--muted); margin:4px 0 12px; max-width:860px; }
.tiles { display:flex; flex-wrap:wrap; gap:10px; margin:4px 0 14px; }
.tile { border:1px solid var(--line); border-radius:6px; padding:8px 14px; min-width:118px; }
.tile b { display:block; font-size:22px; font-weight:600; }
.tile span { color:var(--muted); font-size:12px; }
.tile.bad b { color:var(--bad); } .tile.ok b { color:var(--ok); } .tile.warn b { color:var(--warn); }
table { border-collapse:collapse; width:100%; margin:4px 0 8px; }
table.compact { width:auto; min-width:420px; }
th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:12px; color:var(--muted); font-weight:600; background:#fafbfc; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
.nowrap { white-space:nowrap; }
tr.quarantined td { background:#fff5f0; }
.reason { color:#9c3d00; font-weight:500; }
.badge { display:inline-block; border-radius:10px; padding:0 8px; font-size:12px; font-weight:600; color:#fff; }
.badge.loaded { background:var(--ok); } .badge.unchanged { background:#3a8fc4; }
.badge.quarantined, .badge.error { background:var(--bad); } .badge.warning { background:var(--warn); }
.badge.current { background:#486581; } .badge.new { background:#7b5ea7; }
.muted { color:var(--muted); }
code, .mono { font-family:ui-monospace,SFMono-Regular,Menlo,monospace; font-size:12px; }
figure { margin:8px 0 18px; overflow-x:auto; }
figcaption { font-weight:600; margin-bottom:6px; }
.legend { display:flex; flex-wrap:wrap; gap:14px; margin:2px 0 8px; font-size:12px; color:var(--muted); }
.legend i { display:inline-block; width:11px; height:11px; border-radius:2px; margin-right:5px;
            vertical-align:-1px; }
.cards { display:grid; grid-template-columns:repeat(auto-fill, minmax(330px, 1fr)); gap:12px; }
.card { border:1px solid var(--line); border-radius:6px; padding:8px 10px; }
.card h3 { margin:2px 0 6px; }
.meter { display:inline-block; width:90px; height:8px; background:var(--line); border-radius:4px;
         overflow:hidden; vertical-align:middle; }
.meter i { display:block; height:100%; background:var(--ok); }
.meter.partial i { background:var(--warn); } .meter.empty i { background:var(--bad); }
details summary { cursor:pointer; color:#334e68; margin:6px 0; }
"""

Cell = Any  # text (escaped here) or Html (inserted as is)


class Html(str):
    """Markup that is already safe, so `cell` inserts it unescaped."""


def page(title: str, header: str, nav: Sequence[tuple[str, str]], sections: Iterable[str]) -> str:
    """The whole document: no external resources, so it opens anywhere, offline."""
    links = "".join(f'<a href="#{anchor}">{escape(name)}</a>' for anchor, name in nav)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
            f"<header>{header}</header><nav>{links}</nav><main>{''.join(sections)}</main></body></html>")


def section(anchor: str, title: str, *parts: str) -> str:
    return f'<section id="{anchor}"><h2>{escape(title)}</h2>{"".join(parts)}</section>'


def note(text: str) -> str:
    return f'<p class="note">{escape(text)}</p>'


def tiles(items: Sequence[tuple[Any, str, str]]) -> str:
    """Big numbers with a caption; the third item is a tone: '', 'ok', 'warn' or 'bad'."""
    return '<div class="tiles">' + "".join(
        f'<div class="tile {tone}"><b>{escape(str(value))}</b><span>{escape(label)}</span></div>'
        for value, label, tone in items) + "</div>"


def table(headers: Sequence[str], rows: Iterable[Sequence[Cell]], numeric: Sequence[str] = (),
          row_class: Sequence[str] | None = None, nowrap: Sequence[str] = (), compact: bool = False) -> str:
    """A table; columns named in `numeric` are right-aligned, those in `nowrap` kept on one line;
    a compact table is as wide as its content rather than the page."""
    classes = {h: " ".join(c for c, names in (("num", numeric), ("nowrap", nowrap)) if h in names) for h in headers}
    head = "".join(f'<th class="{classes[h]}">{escape(h)}</th>' for h in headers)
    body = []
    for index, row in enumerate(rows):
        css = f' class="{row_class[index]}"' if row_class and row_class[index] else ""
        body.append(f"<tr{css}>" + "".join(
            f'<td class="{classes[h]}">{cell(v)}</td>' for h, v in zip(headers, row)) + "</tr>")
    css = ' class="compact"' if compact else ""
    return f"<table{css}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def cell(value: Cell) -> str:
    """A value as a person reads it: dates as dates, NULL as a dash."""
    if isinstance(value, Html):
        return value
    if value is None:
        return '<span class="muted">–</span>'
    if isinstance(value, dt.datetime):
        return escape(value.strftime("%Y-%m-%d %H:%M"))
    if isinstance(value, float):
        return escape(f"{value:,.2f}")
    if isinstance(value, (int, Decimal)):
        return escape(f"{value:,}")
    return escape(str(value))


def badge(text: str, kind: str | None = None) -> Html:
    return Html(f'<span class="badge {escape(kind or text)}">{escape(text)}</span>')


def legend(items: Iterable[tuple[str, str]]) -> str:
    return '<div class="legend">' + "".join(
        f'<span><i style="background:{colour}"></i>{escape(name)}</span>' for name, colour in items) + "</div>"


def figure(caption: str, svg: str, *extra: str) -> str:
    return f"<figure><figcaption>{escape(caption)}</figcaption>{''.join(extra)}{svg}</figure>"


def meter(share: float) -> Html:
    tone = "" if share >= 1 else "empty" if share == 0 else "partial"
    return Html(f'<span class="meter {tone}"><i style="width:{share * 100:.1f}%"></i></span>')


def details(summary: str, content: str) -> str:
    return f"<details><summary>{escape(summary)}</summary>{content}</details>"
