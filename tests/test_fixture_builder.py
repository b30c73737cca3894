"""The synthetic brief fixtures are reproducible and their gold files are well formed."""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

import pycountry
import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BRIEFS_DIR = FIXTURES / "briefs"


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_briefs", FIXTURES / "build_briefs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_briefs", module)
    spec.loader.exec_module(module)
    return module


builder = _load_builder()

TOP_KEYS = ["source", "brief", "contributions", "indicators", "projects", "agencies",
            "priorities"]
BRIEF_KEYS = {"partner", "partner_iso3", "title", "published", "conventions_ratified",
              "fundamental_conventions", "governance_conventions", "technical_conventions",
              "protocols_ratified", "contact_email", "contact_phone"}
CONTRIBUTION_KEYS = {"kind", "amount", "currency", "qualifier", "period_start", "period_end"}
KINDS = {"assessed", "voluntary_core", "voluntary_non_core", "voluntary", "total"}
QUALIFIERS = {"exact", "more_than", "about", "up_to"}
INDICATORS = {"oda_usd", "oda_gni_percent", "oda_donor_rank"}
PROJECT_KEYS = {"title", "start_year", "end_year", "countries", "funders"}
AGENCY_KEYS = {"acronym", "name", "kind"}


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_iso3(code) -> bool:
    return isinstance(code, str) and pycountry.countries.get(alpha_3=code) is not None


def check_gold(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    where = path.name
    assert list(gold) == TOP_KEYS, where
    assert gold["source"] == path.name.replace(".gold.json", ".pdf"), where
    assert (path.parent / gold["source"]).exists(), where

    brief = gold["brief"]
    assert set(brief) == BRIEF_KEYS, where
    assert isinstance(brief["partner"], str) and brief["partner"], where
    assert brief["partner_iso3"] is None or _is_iso3(brief["partner_iso3"]), where
    assert isinstance(brief["title"], str) and brief["title"], where
    assert dt.date.fromisoformat(brief["published"]).day == 1, where
    counts = ["conventions_ratified", "fundamental_conventions", "governance_conventions",
              "technical_conventions", "protocols_ratified"]
    for key in counts:
        assert brief[key] is None or (_is_int(brief[key]) and brief[key] > 0), (where, key)
    parts = [brief[k] for k in counts[1:4]]
    if brief["conventions_ratified"] is not None and None not in parts:
        assert sum(parts) == brief["conventions_ratified"], where
    assert "@" in brief["contact_email"], where
    assert isinstance(brief["contact_phone"], str) and brief["contact_phone"].startswith("+")

    for c in gold["contributions"]:
        assert set(c) <= CONTRIBUTION_KEYS and {"kind", "amount", "currency"} <= set(c), where
        assert c["kind"] in KINDS, where
        assert isinstance(c["amount"], (int, float)) and c["amount"] > 0, where
        assert pycountry.currencies.get(alpha_3=c["currency"]) is not None, where
        assert c.get("qualifier", "exact") in QUALIFIERS, where
        if "period_start" in c and "period_end" in c:
            assert _is_int(c["period_start"]) and _is_int(c["period_end"]), where
            assert c["period_start"] <= c["period_end"], where

    for i in gold["indicators"]:
        assert set(i) == {"name", "value", "year"}, where
        assert i["name"] in INDICATORS, where
        assert isinstance(i["value"], (int, float)) and i["value"] > 0, where
        assert _is_int(i["year"]), where

    acronyms = {a["acronym"] for a in gold["agencies"]}
    for p in gold["projects"]:
        assert set(p) <= PROJECT_KEYS and {"title", "start_year", "end_year"} <= set(p), where
        assert isinstance(p["title"], str) and p["title"] == p["title"].strip(), where
        years = (p["start_year"], p["end_year"])
        assert years == (None, None) or (all(map(_is_int, years)) and years[0] <= years[1])
        if "countries" in p:
            assert all(_is_iso3(c) for c in p["countries"]), (where, p["title"])
            assert p["countries"] == sorted(set(p["countries"])), (where, p["title"])
        if "funders" in p:
            assert set(p["funders"]) <= acronyms, (where, p["title"])

    for a in gold["agencies"]:
        assert set(a) == AGENCY_KEYS, where
        assert a["acronym"] is None or (isinstance(a["acronym"], str) and a["acronym"])
        assert isinstance(a["name"], str) and a["name"], where
        assert a["kind"] in {"government", "private"}, where

    assert gold["priorities"] and all(
        isinstance(t, str) and t and not t.endswith(".") for t in gold["priorities"]), where


def test_build_is_byte_identical_to_committed_fixtures(tmp_path):
    if not builder.fonts_are_dejavu():
        pytest.skip("DejaVu fonts not installed: embedded font bytes would differ")
    paths = builder.build_all(tmp_path)
    assert len(paths) >= 8
    for path in paths:
        committed = BRIEFS_DIR / path.name
        assert committed.exists(), f"{path.name} is not committed under {BRIEFS_DIR}"
        assert path.read_bytes() == committed.read_bytes(), (
            f"{path.name} differs: rerun tests/fixtures/build_briefs.py")


def test_gold_files_have_the_contract_shape(tmp_path):
    committed = sorted(BRIEFS_DIR.glob("*.gold.json"))
    assert len(committed) >= 4
    for path in committed:
        check_gold(path)
    # the benchmark corpus produces well-formed gold files too, deterministically
    builder.build_corpus(tmp_path / "a", 8, seed=3)
    builder.build_corpus(tmp_path / "b", 8, seed=3)
    corpus = sorted((tmp_path / "a").glob("*.gold.json"))
    assert len(corpus) == 8
    for path in corpus:
        check_gold(path)
        twin = tmp_path / "b" / path.name
        assert path.read_bytes() == twin.read_bytes()
        pdf = path.with_name(path.name.replace(".gold.json", ".pdf"))
        assert pdf.read_bytes() == twin.with_name(pdf.name).read_bytes()
