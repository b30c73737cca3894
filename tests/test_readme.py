"""The README's SQL examples run on a real warehouse, so the documentation cannot drift from the schema."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

README = Path(__file__).parent.parent / "README.md"


def readme_queries() -> list[str]:
    """Every statement of every ```sql block of the README, comments removed."""
    blocks = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    statements = [re.sub(r"--[^\n]*", "", s).strip() for block in blocks for s in block.split(";")]
    return [s for s in statements if s]


def test_the_readme_has_sql_examples():
    assert len(readme_queries()) >= 10


@pytest.fixture(scope="module")
def warehouse(all_briefs_warehouse):
    with duckdb.connect(str(all_briefs_warehouse[0]), read_only=True) as con:
        yield con


@pytest.mark.parametrize("query", readme_queries(), ids=lambda q: " ".join(q.split())[:60])
def test_readme_sql_example_runs_on_a_loaded_warehouse(warehouse, query):
    warehouse.execute(query).fetchall()


@pytest.mark.parametrize("query", [q for q in readme_queries() if re.search(
    r"\b(current_\w+|contributions_by_partner_period|projects_by_country|active_projects)\b", q)],
    ids=lambda q: " ".join(q.split())[:60])
def test_readme_analyst_view_example_answers_with_rows(warehouse, query):
    assert warehouse.execute(query).fetchall()
