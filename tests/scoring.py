"""Field-level precision/recall/F1 of a warehouse brief against its gold records.

Every field a gold record lists is scored; a field the gold leaves out is ambiguous and
not scored. Rows are paired greedily by how many fields agree, so one wrong amount costs
one field, not a whole row.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import duckdb

LIST_TABLES = ("contributions", "indicators", "projects", "agencies")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def f1(self) -> float:
        if self.tp == 0:
            return 0.0
        precision, recall = self.tp / (self.tp + self.fp), self.tp / (self.tp + self.fn)
        return 2 * precision * recall / (precision + recall)


def _norm(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return tuple(sorted(_norm(v) for v in value))
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        text = re.sub(r"\s+", " ", value.replace("\u2019", "'")).strip().rstrip(".").casefold()
        return text
    return value


def same(a: Any, b: Any) -> bool:
    a, b = _norm(a), _norm(b)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
    return a == b


def _score_rows(gold: list[dict], actual: list[dict]) -> Score:
    score = Score()
    remaining = list(actual)
    default_keys = set().union(*(g.keys() for g in gold)) if gold else set()
    for g in gold:
        best, best_hits = None, -1
        for a in remaining:
            hits = sum(same(g[k], a.get(k)) for k in g)
            if hits > best_hits:
                best, best_hits = a, hits
        if best is None or best_hits == 0:
            score.fn += len(g)
            continue
        remaining.remove(best)
        score.tp += best_hits
        score.fn += len(g) - best_hits
        score.fp += len(g) - best_hits
    for a in remaining:
        score.fp += len([k for k in default_keys if k in a])
    return score


def score_brief(gold: dict, actual: dict) -> dict[str, Score]:
    """Per-table scores (and 'all') of `actual` against `gold`, both in the gold JSON shape."""
    scores = {"brief": _score_rows([gold["brief"]], [actual["brief"]])}
    for table in LIST_TABLES:
        scores[table] = _score_rows(gold.get(table, []), actual.get(table, []))
    scores["priorities"] = _score_rows(
        [{"text": t} for t in gold.get("priorities", [])], [{"text": t} for t in actual.get("priorities", [])]
    )
    total = Score()
    for score in scores.values():
        total.add(score)
    scores["all"] = total
    return scores


def records_from_warehouse(con: duckdb.DuckDBPyConnection, brief_id: str) -> dict:
    """One brief's rows, read back from DuckDB into the gold JSON shape."""

    def rows(sql: str) -> list[dict]:
        cursor = con.execute(sql, [brief_id])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    brief = rows("SELECT * FROM briefs WHERE brief_id = ?")[0]
    brief["published"] = brief["published"].isoformat() if brief["published"] else None
    projects = rows("SELECT project_id, title, start_year, end_year FROM projects WHERE brief_id = ? ORDER BY page, title")
    countries = rows("SELECT project_id, iso3 FROM project_countries WHERE brief_id = ?")
    funders = rows("SELECT project_id, agency FROM project_funders WHERE brief_id = ?")
    for project in projects:
        project["countries"] = sorted(c["iso3"] for c in countries if c["project_id"] == project["project_id"])
        project["funders"] = sorted(f["agency"] for f in funders if f["project_id"] == project["project_id"])
        del project["project_id"]
    return {
        "brief": brief,
        "contributions": rows("SELECT kind, amount, currency, qualifier, period_start, period_end FROM contributions WHERE brief_id = ?"),
        "indicators": rows("SELECT name, value, year FROM indicators WHERE brief_id = ?"),
        "projects": projects,
        "agencies": rows("SELECT acronym, name, kind FROM agencies WHERE brief_id = ?"),
        "priorities": [r["text"] for r in rows("SELECT text FROM priorities WHERE brief_id = ? ORDER BY ordinal")],
    }
