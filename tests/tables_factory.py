"""A small valid parsed brief: as records, shaped exactly as the parser hands them over, and
as the frames a brief becomes for validation and loading.

Tests mutate a fresh copy to break one thing at a time.
"""

import datetime as dt
import hashlib
from decimal import Decimal

import pandas as pd

from parsers.columns import COLUMNS, INTEGER_COLUMNS, Records
from parsers.frames import to_frame as frame
from parsers.frames import to_frames

__all__ = ["COLUMNS", "INTEGER_COLUMNS", "frame", "valid_brief", "valid_records"]


def valid_brief(
    pdf_bytes: bytes = b"japan 2023-04",
    partner: str = "Japan",
    published: dt.date | None = dt.date(2023, 4, 1),
) -> dict[str, pd.DataFrame]:
    """A valid parsed brief's frames, whose ids derive from `pdf_bytes`, like the real thing."""
    return to_frames(valid_records(pdf_bytes, partner, published))


def valid_records(
    pdf_bytes: bytes = b"japan 2023-04",
    partner: str = "Japan",
    published: dt.date | None = dt.date(2023, 4, 1),
) -> Records:
    """A valid parsed brief's records, whose ids derive from `pdf_bytes`, like the real thing."""
    sha256 = hashlib.sha256(pdf_bytes).hexdigest()
    bid = sha256[:16]
    social, osh = "japan-social-protection-asia", "japan-osh-knowledge"
    stated = {
        "briefs": [{
            "brief_id": bid, "sha256": sha256, "source_file": f"{partner.lower()}-{bid}.pdf",
            "partner": partner, "partner_iso3": "JPN", "title": f"{partner} ILO Cooperation",
            "published": published, "page_count": 4, "conventions_ratified": 50,
            "fundamental_conventions": 8, "governance_conventions": 3, "technical_conventions": 39,
            "protocols_ratified": None, "contact_email": "partnerships@ilo.org",
            "contact_phone": "+41 22 799 7370",
        }],
        "contributions": [
            {"brief_id": bid, "kind": "assessed", "amount": Decimal("34142216.00"), "currency": "USD",
             "qualifier": "exact", "period_start": 2018, "period_end": 2022, "page": 1,
             "evidence": "Japan contributed US$ 34,142,216 in assessed contributions."},
            {"brief_id": bid, "kind": "voluntary_non_core", "amount": Decimal("0.10"), "currency": "USD",
             "qualifier": "more_than", "period_start": 2018, "period_end": 2022, "page": 1,
             "evidence": "More than US$ 0.10 in voluntary funding."},
        ],
        "indicators": [
            {"brief_id": bid, "name": "oda_usd", "value": 17_600_000_000.0, "year": 2021, "page": 1,
             "evidence": "Japan's ODA reached US$ 17.6 billion in 2021."},
            {"brief_id": bid, "name": "oda_donor_rank", "value": 3.0, "year": 2021, "page": 1,
             "evidence": "Japan is the third largest donor."},
        ],
        "projects": [
            {"project_id": social, "brief_id": bid, "start_year": 2021, "end_year": 2024, "page": 2,
             "title": "Promoting and Building Social Protection in Asia (4th phase)",
             "description": "Supports social protection in Indonesia and Viet Nam."},
            {"project_id": osh, "brief_id": bid, "start_year": 2021, "end_year": 2024, "page": 3,
             "title": "Consolidation and dissemination of OSH knowledge at global level",
             "description": "Funded by MHLW."},
        ],
        "project_countries": [
            {"project_id": social, "brief_id": bid, "iso3": "IDN", "country": "Indonesia"},
            {"project_id": social, "brief_id": bid, "iso3": "VNM", "country": "Viet Nam"},
        ],
        "project_funders": [
            {"project_id": osh, "brief_id": bid, "agency": "MHLW"},
        ],
        "agencies": [
            {"brief_id": bid, "name": "Ministry of Health, Labour and Welfare", "acronym": "MHLW",
             "kind": "government"},
            {"brief_id": bid, "name": "Fast Retailing", "acronym": None, "kind": "private"},
        ],
        "priorities": [
            {"brief_id": bid, "ordinal": 1, "text": "Peace building and humanitarian assistance"},
            {"brief_id": bid, "ordinal": 2, "text": "Gender equality and human security"},
        ],
        "sections": [
            {"brief_id": bid, "ordinal": 1, "heading": "Japan and the ILO", "body": "Partners since 1919.",
             "page_start": 1, "page_end": 1},
            {"brief_id": bid, "ordinal": 2, "heading": "Projects", "body": "Promoting ...",
             "page_start": 2, "page_end": 3},
        ],
    }
    return {table: [{column: row.get(column) for column in COLUMNS[table]} for row in rows]
            for table, rows in stated.items()}
