"""A document → the contract's rows for one brief, as plain Python values.

Plain rows, not DataFrames: they cross from the extraction child to the flow's process
ten times cheaper than frames do (pickled and unpickled), and the flow turns a whole batch
of briefs into one frame per table at once (parsers.frames).
"""

from __future__ import annotations

import re

from extractors.document import Document
from extractors.text import squash
from parsers.agencies import find_agencies, table_agencies, with_listed
from parsers.brief import brief_facts
from parsers.columns import COLUMNS, FLOAT_COLUMNS, INTEGER_COLUMNS, Records, Row
from parsers.contributions import distinct, find_contributions
from parsers.indicators import find_indicators
from parsers.language import foreign
from parsers.priorities import find_priorities
from parsers.projects import build_projects, project_sections
from parsers.sections import Section, outline

CONTACT = re.compile(r"\bcontacts?\b|further information|more information", re.IGNORECASE)


def parse_records(document: Document, sha256: str) -> Records:
    """Every contract table's rows for one brief (briefs without ingested_at/run_id/is_current)."""
    brief_id = sha256[:16]
    parts = outline(document)
    full_text = "\n".join(block.text for block in document.blocks)
    english = [s for s in parts.sections if not foreign(f"{s.title}\n{s.body}")]  # a version in another language repeats it
    projects_found = project_sections(english)
    in_projects = {id(s) for section, nested in projects_found for s in (section, *nested)}
    contact_sections = [s for s in parts.sections if CONTACT.search(s.title)]
    narrative = [s for s in english if id(s) not in in_projects and s not in contact_sections]
    contact_text = "\n".join(s.body for s in contact_sections)

    facts = brief_facts(parts, document.metadata, contact_text, full_text, document.margins)
    partner = facts.partner or "Unknown"
    listed = {id(b): found for s in narrative for b in s.blocks
              if b.kind == "table" and (found := table_agencies(b.rows or [], facts.partner_iso3)) is not None}
    narrative_text = "\n".join(f"{s.title}\n" + "\n\n".join(b.text for b in s.blocks if id(b) not in listed) for s in narrative)
    agencies = with_listed(find_agencies(narrative_text, facts.partner_iso3, facts.partner, full_text), listed.values())
    projects = build_projects(english, partner, facts.partner_iso3, agencies)
    contributions = distinct(c for s in narrative for c in find_contributions(s.blocks, s.title, run_in=_is_run_in(s)))
    indicators = find_indicators([b for s in narrative for b in s.blocks])

    return {
        "briefs": _rows("briefs", [{
            "brief_id": brief_id, "sha256": sha256, "source_file": document.source,
            "page_count": document.page_count, **vars(facts),
        }]),
        "contributions": _rows("contributions", [{"brief_id": brief_id, **vars(c)} for c in contributions]),
        "indicators": _rows("indicators", [{"brief_id": brief_id, **vars(i)} for i in indicators]),
        "projects": _rows("projects", [{
            "project_id": p.project_id, "brief_id": brief_id, "title": p.title, "start_year": p.start_year,
            "end_year": p.end_year, "description": p.description, "page": p.page,
        } for p in projects]),
        "project_countries": _rows("project_countries", [
            {"project_id": p.project_id, "brief_id": brief_id, "iso3": c.iso3, "country": c.name}
            for p in projects for c in p.countries
        ]),
        "project_funders": _rows("project_funders", [
            {"project_id": p.project_id, "brief_id": brief_id, "agency": agency} for p in projects for agency in p.funders
        ]),
        "agencies": _rows("agencies", [
            {"brief_id": brief_id, "name": a.name, "acronym": a.acronym, "kind": a.kind} for a in agencies
        ]),
        "priorities": _rows("priorities", [
            {"brief_id": brief_id, "ordinal": i, "text": text}  # "Priorities and contact" is a contact section too
            for i, text in enumerate(find_priorities([s for s in english if id(s) not in in_projects]), 1)
        ]),
        "sections": _rows("sections", [
            {"brief_id": brief_id, "ordinal": i, "heading": squash(s.title) or None, "body": s.body,
             "page_start": s.page_start, "page_end": s.page_end}
            for i, s in enumerate(parts.sections, 1)
        ]),
    }


def _rows(table: str, rows: list[Row]) -> list[Row]:
    """Each row with exactly the table's columns (missing ones None), numbers checked here, in
    the child that parsed them: a wrong type is that file's error, not a failed batch later."""
    shaped = [{column: row.get(column) for column in COLUMNS[table]} for row in rows]
    for row in shaped:
        for column, value in row.items():
            if value is None:
                continue
            if column in INTEGER_COLUMNS and (not isinstance(value, int) or isinstance(value, bool)):
                raise TypeError(f"{table}.{column} must be an integer, got {type(value).__name__}: {value!r}")
            if column in FLOAT_COLUMNS and not isinstance(value, (int, float)):
                raise TypeError(f"{table}.{column} must be a number, got {type(value).__name__}: {value!r}")
    return shaped


def _is_run_in(section: Section) -> bool:
    """A heading set in its body's size: a run-in heading split from its paragraph, which
    says what the paragraph's money is as a bullet's lead would."""
    return bool(section.heading and section.blocks and section.heading.page == section.blocks[0].page
                and abs(section.heading.size - section.blocks[0].size) < 0.3)
