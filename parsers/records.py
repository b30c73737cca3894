"""A document → the contract's tables for one brief, as pandas DataFrames."""

from __future__ import annotations

import re

import pandas as pd

from extractors.document import Document
from extractors.text import squash
from parsers.agencies import find_agencies
from parsers.brief import brief_facts
from parsers.contributions import find_contributions
from parsers.indicators import find_indicators
from parsers.priorities import find_priorities
from parsers.projects import build_projects, project_sections
from parsers.sections import Section, outline

CONTACT = re.compile(r"\bcontacts?\b|further information|more information", re.IGNORECASE)

COLUMNS = {
    "briefs": ["brief_id", "sha256", "source_file", "partner", "partner_iso3", "title", "published", "page_count",
               "conventions_ratified", "fundamental_conventions", "governance_conventions", "technical_conventions",
               "protocols_ratified", "contact_email", "contact_phone"],
    "contributions": ["brief_id", "kind", "amount", "currency", "qualifier", "period_start", "period_end", "page", "evidence"],
    "indicators": ["brief_id", "name", "value", "year", "page", "evidence"],
    "projects": ["project_id", "brief_id", "title", "start_year", "end_year", "description", "page"],
    "project_countries": ["project_id", "brief_id", "iso3", "country"],
    "project_funders": ["project_id", "brief_id", "agency"],
    "agencies": ["brief_id", "name", "acronym", "kind"],
    "priorities": ["brief_id", "ordinal", "text"],
    "sections": ["brief_id", "ordinal", "heading", "body", "page_start", "page_end"],
}
INTEGER_COLUMNS = {"page_count", "conventions_ratified", "fundamental_conventions", "governance_conventions",
                   "technical_conventions", "protocols_ratified", "period_start", "period_end", "page", "year",
                   "start_year", "end_year", "ordinal", "page_start", "page_end"}


def to_frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows as a frame with the contract's columns: nullable integers, Decimal money, dates as objects."""
    frame = pd.DataFrame(rows, columns=COLUMNS[table])
    for column in frame.columns:
        if column in INTEGER_COLUMNS:
            frame[column] = frame[column].astype("Int64")
        elif column == "value":
            frame[column] = frame[column].astype("float64")
        elif column in ("amount", "published"):
            frame[column] = frame[column].astype(object)
    return frame


def parse_document(document: Document, sha256: str) -> dict[str, pd.DataFrame]:
    """Every contract table's rows for one brief (briefs without ingested_at/run_id/is_current)."""
    brief_id = sha256[:16]
    parts = outline(document)
    full_text = "\n".join(block.text for block in document.blocks)
    projects_found = project_sections(parts.sections)
    in_projects = {id(s) for section, nested in projects_found for s in (section, *nested)}
    contact_sections = [s for s in parts.sections if CONTACT.search(s.title)]
    narrative = [s for s in parts.sections if id(s) not in in_projects and s not in contact_sections]
    contact_text = "\n".join(s.body for s in contact_sections)

    facts = brief_facts(parts, document.metadata, contact_text, full_text)
    partner = facts.partner or "Unknown"
    narrative_text = "\n".join(f"{s.title}\n{s.body}" for s in narrative)
    agencies = find_agencies(narrative_text, facts.partner_iso3, facts.partner)
    projects = build_projects(parts.sections, partner, facts.partner_iso3, agencies)
    contributions = [c for s in narrative for c in find_contributions(s.blocks, s.title, run_in=_is_run_in(s))]
    indicators = find_indicators([b for s in narrative for b in s.blocks])

    return {
        "briefs": to_frame("briefs", [{
            "brief_id": brief_id, "sha256": sha256, "source_file": document.source,
            "page_count": document.page_count, **vars(facts),
        }]),
        "contributions": to_frame("contributions", [{"brief_id": brief_id, **vars(c)} for c in contributions]),
        "indicators": to_frame("indicators", [{"brief_id": brief_id, **vars(i)} for i in indicators]),
        "projects": to_frame("projects", [{
            "project_id": p.project_id, "brief_id": brief_id, "title": p.title, "start_year": p.start_year,
            "end_year": p.end_year, "description": p.description, "page": p.page,
        } for p in projects]),
        "project_countries": to_frame("project_countries", [
            {"project_id": p.project_id, "brief_id": brief_id, "iso3": c.iso3, "country": c.name}
            for p in projects for c in p.countries
        ]),
        "project_funders": to_frame("project_funders", [
            {"project_id": p.project_id, "brief_id": brief_id, "agency": agency} for p in projects for agency in p.funders
        ]),
        "agencies": to_frame("agencies", [
            {"brief_id": brief_id, "name": a.name, "acronym": a.acronym, "kind": a.kind} for a in agencies
        ]),
        "priorities": to_frame("priorities", [
            {"brief_id": brief_id, "ordinal": i, "text": text} for i, text in enumerate(find_priorities(narrative), 1)
        ]),
        "sections": to_frame("sections", [
            {"brief_id": brief_id, "ordinal": i, "heading": squash(s.title) or None, "body": s.body,
             "page_start": s.page_start, "page_end": s.page_end}
            for i, s in enumerate(parts.sections, 1)
        ]),
    }


def _is_run_in(section: Section) -> bool:
    """A heading set in its body's size: a run-in heading split from its paragraph, which
    says what the paragraph's money is as a bullet's lead would."""
    return bool(section.heading and section.blocks and section.heading.page == section.blocks[0].page
                and abs(section.heading.size - section.blocks[0].size) < 0.3)
