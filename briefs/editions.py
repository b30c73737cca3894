"""Editions of a partner's brief and what changed between two of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from warehouse.loader import edition_changes_sql

CHANGE_COLUMNS = ("partner", "from_published", "to_published", "from_brief_id", "to_brief_id", "entity", "change",
                  "item", "field", "old_value", "new_value", "old_evidence", "old_page", "new_evidence", "new_page")


@dataclass(frozen=True)
class Edition:
    brief_id: str
    partner: str
    published: dt.date | None


class NoSuchEditions(LookupError):
    """The warehouse does not hold the editions asked for; the message says what it does hold."""


def editions(con: duckdb.DuckDBPyConnection, partner: str) -> list[Edition]:
    """A partner's editions, oldest first (the partner name matched without regard to case)."""
    rows = con.execute(
        "SELECT brief_id, partner, published FROM briefs WHERE lower(partner) = lower(?) "
        "ORDER BY published NULLS FIRST, ingested_at, brief_id", [partner]).fetchall()
    return [Edition(*row) for row in rows]


def _at_or_before(found: list[Edition], day: dt.date) -> Edition | None:
    dated = [e for e in found if e.published is not None and e.published <= day]
    return dated[-1] if dated else None


def choose_pair(found: list[Edition], since: dt.date | None = None, until: dt.date | None = None) -> tuple[Edition, Edition]:
    """The editions to compare: the one current at `until` (default: the latest) and the one
    current at `since` (default: the edition before it)."""
    partner = found[0].partner if found else "this partner"
    if len(found) < 2:
        raise NoSuchEditions(f"{partner} has {len(found)} edition(s) in the warehouse; a diff needs two")
    to = _at_or_before(found, until) if until else found[-1]
    if to is None:
        raise NoSuchEditions(f"no edition of {partner} published on or before {until}")
    earlier = found[:found.index(to)]
    start = _at_or_before(earlier, since) if since else (earlier[-1] if earlier else None)
    if start is None:
        raise NoSuchEditions(f"no edition of {partner} older than {to.published} to compare with"
                             + (f" on or before {since}" if since else ""))
    return start, to


def diff(con: duckdb.DuckDBPyConnection, old: Edition, new: Edition) -> list[dict]:
    """Every change from `old` to `new`: projects, contributions, indicators, Conventions."""
    sql = ("WITH edition_pairs AS (SELECT ? AS partner, ? AS from_brief_id, ? AS to_brief_id, "
           "?::DATE AS from_published, ?::DATE AS to_published), " + edition_changes_sql()
           + " ORDER BY entity, change, item, field")
    rows = con.execute(sql, [new.partner, old.brief_id, new.brief_id, old.published, new.published]).fetchall()
    return [dict(zip(CHANGE_COLUMNS, row)) for row in rows]
