"""Every partner in every layout: a generated corpus scores as well as the fixture briefs."""

from __future__ import annotations

import hashlib
import json

import duckdb
import pytest

from conftest import fixture_builder
from scoring import records_from_warehouse, score_brief


@pytest.fixture(scope="module")
def corpus(prefect_harness, tmp_path_factory):
    from flows.ingest import ingest

    builder = fixture_builder()

    folder = tmp_path_factory.mktemp("corpus")
    builder.build_corpus(folder, 24, seed=7)
    db = folder / "briefs.duckdb"
    summary = ingest(paths=[folder], db=db)
    return folder, db, summary


def test_every_generated_brief_loads(corpus):
    _, _, summary = corpus
    assert len(summary.files) == 24 and {f.status for f in summary.files} == {"loaded"}


def test_every_generated_brief_scores_at_least_090(corpus):
    folder, db, _ = corpus
    scores = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for gold_path in sorted(folder.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text())
            brief_id = hashlib.sha256((folder / gold["source"]).read_bytes()).hexdigest()[:16]
            scores[gold_path.name] = score_brief(gold, records_from_warehouse(con, brief_id))["all"].f1
    assert min(scores.values()) >= 0.90, scores
