"""The contract's tables and columns, as the parser hands them over: one list of rows per table.

Its own module, free of the parsers: the flow's process needs the shape of a brief's records,
not the code that reads them.
"""

from __future__ import annotations

from typing import Any

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
FLOAT_COLUMNS = {"value"}

Row = dict[str, Any]
Records = dict[str, list[Row]]  # table -> rows, each with exactly the table's COLUMNS
