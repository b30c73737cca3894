"""The data quality report: one HTML page about a run and about the warehouse as a whole.

The page is self-contained (inline styles, charts as inline SVG) so it can be mailed,
archived as a CI artefact or opened offline. The same run facts feed Prefect artifacts
through run_summary_rows and run_summary_markdown.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

import duckdb

from briefs import report_data as data
from briefs.charts import Bar, Column, bar_rows, stacked_columns
from briefs.reading import read_only
from briefs.report_html import (Html, badge, details, figure, legend, meter, note, page, section, table,
                                tiles)
from warehouse.loader import BRIEF_TABLES

RUNS_SHOWN = 30
COUNTRIES_SHOWN = 25
STATUS_COLOURS = (("loaded", "#009E73"), ("unchanged", "#56B4E9"), ("quarantined", "#D55E00"))
KINDS = {
    "assessed": ("assessed", "#0072B2"),
    "voluntary_core": ("voluntary core", "#009E73"),
    "voluntary_non_core": ("voluntary non-core", "#E69F00"),
    "voluntary": ("voluntary, unspecified", "#CC79A7"),
    "total": ("total", "#7b8794"),
}
QUALIFIERS = {"exact": "", "more_than": "more than ", "about": "about ", "up_to": "up to "}
NAV = (("run", "This run"), ("runs", "Runs over time"), ("contents", "Warehouse"),
       ("contributions", "Contributions"), ("countries", "Projects per country"),
       ("completeness", "Completeness"), ("gaps", "Gaps and warnings"))


def build_report(con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> str:
    """The report page for `run_id` (an id or a unique prefix; default: the latest run)."""
    run = data.find_run(con, run_id)
    sections = [
        _run_section(con, run), _runs_section(con, run), _contents_section(con, run),
        _contributions_section(con), _countries_section(con), _completeness_section(con), _gaps_section(con),
    ]
    return page("briefs data quality report", _header(run), NAV, sections)


def write_report(db: Path, out: Path | None = None, run_id: str | None = None) -> Path:
    """Write the report of `db` (opened read-only) to `out`, by default `<db stem>-report.html` beside it."""
    out = out or db.with_name(f"{db.stem}-report.html")
    with read_only(db) as con:
        html = build_report(con, run_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out


def run_summary_rows(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict[str, Any]]:
    """One JSON-ready row per file of the run, for a Prefect table artifact."""
    run = data.find_run(con, run_id)
    return [
        {"file": f["source_file"], "status": f["status"], "partner": f["partner"] or "",
         "edition": _edition(f["published"]), "extraction": f["extraction"] or "",
         "rows": f["rows"] if f["rows"] is not None else "", "seconds": f["seconds"], "reason": f["reason"] or ""}
        for f in data.run_files(con, run["run_id"])
    ]


def run_summary_markdown(con: duckdb.DuckDBPyConnection, run_id: str) -> str:
    """The run in Markdown, for a Prefect markdown artifact: counts, files with reasons, failed checks."""
    run = data.find_run(con, run_id)
    files, checks = data.run_files(con, run["run_id"]), data.run_checks(con, run["run_id"])
    counts = _status_counts(files)
    lines = [
        f"### Ingest run `{run['run_id']}`: {run['status']}",
        "",
        f"{len(files)} files: {counts['loaded']} loaded, {counts['unchanged']} unchanged, "
        f"{counts['quarantined']} quarantined.",
        "",
        "| file | status | partner | edition | rows | reason |",
        "|---|---|---|---|---:|---|",
        *(_md_row(f["source_file"], f["status"], f["partner"], _edition(f["published"]), f["rows"], f["reason"])
          for f in files),
    ]
    if checks:
        lines += ["", f"**Failed checks ({len(checks)})**", "",
                  "| severity | file | table.column | check | failures | example |", "|---|---|---|---|---:|---|"]
        lines += [_md_row(c["severity"], c["source_file"], f"{c['table_name']}.{c['column_name'] or '*'}",
                          c["check_name"], c["failures"], c["example"]) for c in checks]
    return "\n".join(lines) + "\n"


def _header(run: dict[str, Any] | None) -> str:
    generated = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if run is None:
        about = "No ingest run is recorded in this warehouse yet."
    else:
        finished = _when(run["finished_at"]) if run["finished_at"] else "not finished"
        about = (f"Run <code>{escape(run['run_id'])}</code> · started {_when(run['started_at'])} · "
                 f"finished {finished} · {escape(run['status'])}")
    return f"<h1>briefs data quality report</h1><p>{about}</p><p>Generated {generated}.</p>"


def _run_section(con: duckdb.DuckDBPyConnection, run: dict[str, Any] | None) -> str:
    if run is None:
        return section("run", "This run", note("No ingest run is recorded yet: run briefs ingest first."))
    files, checks = data.run_files(con, run["run_id"]), data.run_checks(con, run["run_id"])
    counts = _status_counts(files)
    errors = sum(1 for c in checks if c["severity"] == "error")
    summary = tiles([
        (len(files), "files seen", ""), (counts["loaded"], "loaded", "ok"),
        (counts["unchanged"], "unchanged", ""), (counts["quarantined"], "quarantined", "bad" if counts["quarantined"] else ""),
        (errors, "failed error checks", "bad" if errors else ""),
        (len(checks) - errors, "failed warning checks", "warn" if len(checks) > errors else ""),
    ])
    file_table = table(
        ("file", "status", "partner", "edition", "read as", "rows", "seconds", "reason"),
        [(f["source_file"], badge(f["status"]), f["partner"], _edition(f["published"]) or None, f["extraction"],
          f["rows"], f["seconds"], Html(f'<span class="reason">{escape(f["reason"])}</span>') if f["reason"] else None)
         for f in files],
        numeric=("rows", "seconds"), row_class=[f["status"] for f in files], nowrap=("status", "edition"))
    if checks:
        check_table = table(
            ("severity", "file", "table", "column", "check", "failures", "examples"),
            [(badge(c["severity"]), c["source_file"] or c["brief_id"], c["table_name"], c["column_name"],
              c["check_name"], c["failures"], Html(f'<span class="mono">{escape(c["example"] or "")}</span>'))
             for c in checks], numeric=("failures",), nowrap=("severity",))
    else:
        check_table = note("No check failed in this run.")
    return section("run", "This run", summary, "<h3>Files</h3>",
                   note("Every input file of the run, quarantined first, with the reason it was not loaded. "
                        "“read as” says whether the words came from the text layer or from OCR."),
                   file_table, "<h3>Failed checks</h3>", check_table)


def _runs_section(con: duckdb.DuckDBPyConnection, run: dict[str, Any] | None) -> str:
    history = data.runs(con, RUNS_SHOWN)
    if not history:
        return section("runs", "Runs over time", note("No runs yet."))
    marked = run["run_id"] if run else None
    columns = [Column(r["started_at"].strftime("%m-%d %H:%M"), (r["loaded"], r["unchanged"], r["quarantined"]),
                      f"{r['started_at']:%Y-%m-%d %H:%M} run {r['run_id'][:8]} ({r['status']})",
                      r["run_id"] == marked) for r in history]
    chart = stacked_columns(columns, STATUS_COLOURS, "Files per run by status")
    run_table = table(("started (UTC)", "run", "status", "loaded", "unchanged", "quarantined"),
                      [(r["started_at"], Html(f'<span class="mono">{escape(r["run_id"])}</span>'), r["status"],
                        r["loaded"], r["unchanged"], r["quarantined"]) for r in reversed(history)],
                      numeric=("loaded", "unchanged", "quarantined"))
    return section("runs", "Runs over time",
                   figure(f"Files per run, the last {_count(len(history), 'run')} (the dashed outline is this report's run)",
                          chart, legend(STATUS_COLOURS)),
                   details("The runs as a table", run_table))


def _contents_section(con: duckdb.DuckDBPyConnection, run: dict[str, Any] | None) -> str:
    totals = data.table_totals(con)
    briefs = data.brief_row_counts(con)
    by_table = {t["table_name"]: t for t in totals}
    summary = tiles([
        (len({b["partner"] for b in briefs}), "partners", ""), (by_table["briefs"]["all_rows"], "editions", ""),
        (by_table["projects"]["current_rows"], "current projects", ""),
        (by_table["contributions"]["current_rows"], "current contributions", ""),
    ])
    total_table = table(("table", "all editions", "current editions"),
                        [(t["table_name"], t["all_rows"], t["current_rows"]) for t in totals],
                        numeric=("all editions", "current editions"), compact=True)
    shown = BRIEF_TABLES[1:]
    this_run = run["run_id"] if run else None
    brief_table = table(
        ("partner", "edition", "file", *shown),
        [(Html(escape(b["partner"]) + (" " + badge("current") if b["is_current"] else "")
               + (" " + badge("new in this run", "new") if b["run_id"] == this_run else "")),
          _edition(b["published"]) or None, b["source_file"], *(b[t] for t in shown)) for b in briefs],
        numeric=shown, nowrap=("edition",))
    return section("contents", "Warehouse", summary, "<h3>Rows per table</h3>", total_table,
                   "<h3>Rows per brief</h3>",
                   note("One line per edition in the warehouse, with the rows read from it into each table."),
                   brief_table)


def _contributions_section(con: duckdb.DuckDBPyConnection) -> str:
    by_currency: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in data.current_contributions(con):
        by_currency[c["currency"]].append(c)
    intro = note("Each bar is one figure as the current edition of a brief states it, for its own period. "
                 "Currencies are drawn apart and nothing is added up; “more than”, “about” and “up to” "
                 "stay in the labels. Hover a bar for the exact amount and page.")
    if not by_currency:
        return section("contributions", "Contributions", note("No contributions in current editions."))
    figures = []
    for currency in sorted(by_currency, key=lambda code: (code != "USD", code)):
        found = by_currency[currency]
        bars = [Bar(c["partner"], float(c["amount"]), _contribution_text(c), KINDS.get(c["kind"], (c["kind"], "#9aa5b1"))[1],
                    _contribution_hint(c), _span(c)) for c in found]
        kinds = [KINDS.get(k, (k, "#9aa5b1")) for k in sorted({c["kind"] for c in found}, key=_kind_order)]
        chart = bar_rows(bars, f"Contributions in {currency}", tick_label=lambda v: _short(Decimal(repr(v))),
                         label_width=160, plot_width=300, text_width=200, timeline_width=220)
        figures.append(figure(f"Contributions in {currency}, by partner and kind", chart, legend(kinds)))
    return section("contributions", "Contributions", intro, *figures)


def _countries_section(con: duckdb.DuckDBPyConnection) -> str:
    countries = data.projects_per_country(con)
    if not countries:
        return section("countries", "Projects per country", note("No project names a country in current editions."))
    shown = countries[:COUNTRIES_SHOWN]
    bars = [Bar(f"{c['iso3']} · {c['country']}", c["projects"], str(c["projects"]), "#0072B2",
                f"{c['projects']} projects in {c['country']}: {c['partners']}") for c in shown]
    chart = bar_rows(bars, "Current projects per country", label_width=230, plot_width=380, text_width=40)
    everything = table(("ISO3", "country", "projects", "partners"),
                       [(c["iso3"], c["country"], c["projects"], c["partners"]) for c in countries],
                       numeric=("projects",))
    caption = f"Current projects per country ({len(shown)} of {_count(len(countries), 'country')}, most projects first)"
    return section("countries", "Projects per country",
                   note("A project counts once for every country its own text names."),
                   figure(caption, chart), details(f"All {len(countries)} countries", everything))


def _completeness_section(con: duckdb.DuckDBPyConnection) -> str:
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for column in data.completeness(con):
        by_table[column["table_name"]].append(column)
    cards = []
    for name, columns in by_table.items():
        total = columns[0]["rows"]
        body = table(("column", "filled", "share"),
                     [(c["column_name"], f"{c['non_null']:,} / {total:,}",
                       Html(f"{meter(c['non_null'] / total)} {c['non_null'] / total:.0%}") if total else None)
                      for c in columns], nowrap=("filled", "share"))
        cards.append(f'<div class="card"><h3>{escape(name)} <span class="muted">({_count(total, "row")})</span></h3>{body}</div>')
    return section("completeness", "Completeness",
                   note("Share of rows with a value, per contract column, over every edition. Unknown is NULL "
                        "by contract, so a low share means briefs did not state it or the parser did not find it."),
                   f'<div class="cards">{"".join(cards)}</div>')


def _gaps_section(con: duckdb.DuckDBPyConnection) -> str:
    funders = data.unknown_funders(con)
    funder_part = table(("partner", "edition", "funder named", "in agencies", "project"),
                        [(f["partner"], _edition(f["published"]), f["agency"],
                          "by name, without an acronym" if f["listed_by_name"] else "no", f["title"]) for f in funders],
                        nowrap=("edition",)) \
        if funders else note("Every funder a project names is an acronym among its brief's agencies.")
    bare = data.projects_without_countries(con)
    bare_part = table(("partner", "project", "years", "page"),
                      [(p["partner"], p["title"], _years(p["start_year"], p["end_year"]), p["page"]) for p in bare],
                      numeric=("page",), nowrap=("years",)) if bare else note("Every current project names at least one country.")
    warnings = data.loaded_warnings(con)
    warning_part = table(("partner", "edition", "table", "column", "check", "failures", "examples"),
                         [(w["partner"], _edition(w["published"]), w["table_name"], w["column_name"], w["check_name"],
                           w["failures"], Html(f'<span class="mono">{escape(w["example"] or "")}</span>'))
                          for w in warnings], numeric=("failures",), nowrap=("edition",)) \
        if warnings else note("No brief in the warehouse carries a warning.")
    return section(
        "gaps", "Gaps and warnings",
        "<h3>Unknown agencies</h3>",
        note("Funders a project's text names that are not an agency acronym of the same brief "
             "(project_funders.agency holds the acronym used in agencies)."), funder_part,
        "<h3>Projects with no country</h3>",
        note("Country names are mapped to ISO3 codes as briefs are parsed, and project_countries keeps only the "
             "names that mapped, so unmapped country names cannot be listed here. Projects with no country are "
             "where they would show: global or regional work, or a name the parser did not recognise."),
        bare_part,
        "<h3>Warnings carried by loaded briefs</h3>",
        note("Warning checks that failed for briefs now in the warehouse, from the run that loaded each."),
        warning_part)


def _contribution_text(c: dict[str, Any]) -> str:
    years = _years(c["period_start"], c["period_end"])
    return f"{QUALIFIERS.get(c['qualifier'], '')}{_short(c['amount'])}" + (f" · {years}" if years else "")


def _kind_order(kind: str) -> tuple[int, str]:
    return (list(KINDS).index(kind) if kind in KINDS else len(KINDS), kind)


def _span(c: dict[str, Any]) -> tuple[int, int] | None:
    if c["period_start"] is None:
        return None
    return c["period_start"], c["period_end"] if c["period_end"] is not None else c["period_start"]


def _contribution_hint(c: dict[str, Any]) -> str:
    kind = KINDS.get(c["kind"], (c["kind"],))[0]
    years = _years(c["period_start"], c["period_end"]) or "no period stated"
    return (f"{c['partner']}, {kind}: {QUALIFIERS.get(c['qualifier'], '')}{c['amount']:,} {c['currency']}, "
            f"{years} (page {c['page']})")


def _short(amount: Decimal) -> str:
    """177800000.00 → '177.8 m': for labels only; the exact amount is in the tooltip."""
    for size, unit in ((10**9, " bn"), (10**6, " m"), (10**3, " k")):
        if abs(amount) >= size:
            return f"{amount / size:.1f}".removesuffix(".0") + unit
    return f"{amount:.0f}"


def _years(start: int | None, end: int | None) -> str:
    if start is None:
        return ""
    return str(start) if end in (None, start) else f"{start}–{end}"


def _edition(published: dt.date | None) -> str:
    return published.strftime("%Y-%m") if published else ""


def _when(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _count(n: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n:,} {noun if n == 1 else plural}"


def _status_counts(files: list[dict[str, Any]]) -> dict[str, int]:
    return {status: sum(1 for f in files if f["status"] == status) for status in ("loaded", "unchanged", "quarantined")}


def _md_row(*values: Any) -> str:
    """A Markdown table row; pipes and line breaks in values would break the table."""
    return "| " + " | ".join("" if v is None else str(v).replace("|", "\\|").replace("\n", " ") for v in values) + " |"
