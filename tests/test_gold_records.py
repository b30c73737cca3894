"""The records an ingest yields, scored field by field against hand-written gold records."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from conftest import gold_files, pdf_for
from scoring import records_from_warehouse, same, score_brief


def _actual(db: Path, gold_path: Path) -> dict:
    brief_id = hashlib.sha256(pdf_for(gold_path).read_bytes()).hexdigest()[:16]
    with duckdb.connect(str(db), read_only=True) as con:
        return records_from_warehouse(con, brief_id)


def test_every_gold_brief_loads(all_briefs_warehouse):
    _, summary = all_briefs_warehouse
    assert {f.source_file: f.status for f in summary.files} == {pdf_for(g).name: "loaded" for g in gold_files()}


def test_japan_sample_yields_exactly_its_gold_records(all_briefs_warehouse, japan_pdf):
    gold_path = japan_pdf.parent / "japan-2023-04.gold.json"
    gold, actual = json.loads(gold_path.read_text()), _actual(all_briefs_warehouse[0], gold_path)
    for field, value in gold["brief"].items():
        assert same(actual["brief"][field], value), field
    for table in ("contributions", "indicators", "agencies"):
        assert len(actual[table]) == len(gold[table]), table
        for row in gold[table]:
            assert any(all(same(a.get(k), v) for k, v in row.items()) for a in actual[table]), row
    assert sorted(p["title"] for p in actual["projects"]) == sorted(p["title"] for p in gold["projects"])
    by_title = {p["title"]: p for p in actual["projects"]}
    for expected in gold["projects"]:
        got = by_title[expected["title"]]
        for field, value in expected.items():
            assert same(got[field], value), (expected["title"], field)
    assert actual["priorities"] == gold["priorities"]


KNOWN_GAPS = {  # written blind (see each set's README): measured before any change for them
    "portugal-2023-06": "blind6: 0.65 blind; figures in rings and a timeline of projects are not read",
    "chile-2022-09": "blind8: 0.59 blind, 0.82 after; a bar list of yearly contributions (years, bars, then a line of "
                     "values under a unit caption) is not read",
    "orvik-foundation-2024-09": "blind9: quarantined blind (slides), 0.49 after; key figures side by side on a slide and a "
                                "two-column list of projects run together",
    "lithuania-2024-04": "blind10: 0.44 blind, 0.60 after; its contributions table has a two-row header (years over "
                         "Core | Earmarked) and a row per institution, which is not read",
    "thailand-2024-08": "blind11: 0.72 blind and after; its projects are a Gantt chart (a bar per project on a grid "
                        "of years, the period printed in the bar), which is not read",
    "kazakhstan-2023-12": "blind11: quarantined blind, 0.63 after; a plain-text brief whose tables are drawn in ASCII "
                          "('+----+', '| cell |'), which are not read",
}


def _gold_cases():
    for gold_path in gold_files():
        slug = gold_path.name.removesuffix(".gold.json")
        gap = KNOWN_GAPS.get(slug)
        yield pytest.param(gold_path, id=slug, marks=[pytest.mark.xfail(reason=gap, strict=True)] if gap else [])


@pytest.mark.parametrize("gold_path", list(_gold_cases()))
def test_field_level_f1_at_least_090(all_briefs_warehouse, gold_path):
    scores = score_brief(json.loads(gold_path.read_text()), _actual(all_briefs_warehouse[0], gold_path))
    detail = {table: round(score.f1, 3) for table, score in scores.items()}
    threshold = 0.98 if gold_path.name.startswith("japan") else 0.90
    assert scores["all"].f1 >= threshold, detail
