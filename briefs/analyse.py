"""One PDF → validated contract tables: extract, parse, validate. No I/O beyond reading the file."""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from pathlib import Path

import pandas as pd

from extractors import ExtractionError, extract_document
from parsers.records import parse_document
from schemas.validate import CheckFailure, validate_brief


ILO = re.compile(r"\bILO\b|International Labour Organi[sz]ation")


class NotABrief(ExtractionError):
    """The PDF was read but is not a partnership brief."""


@dataclass
class Analysis:
    """What one brief yields: its tables and the checks they failed."""

    tables: dict[str, pd.DataFrame]
    failures: list[CheckFailure] = field(default_factory=list)


def analyse(path: Path, sha256: str, password: str | None = None) -> Analysis:
    """Extract, parse and validate one brief; raises ExtractionError with a reason a person can act on."""
    document = extract_document(Path(path), password=password)
    if not document.blocks:
        raise ExtractionError("no text layer: the PDF holds no extractable text (a scan?)")
    text = "\n".join(block.text for block in document.blocks)
    if len(ILO.findall(text)) < 2:
        raise NotABrief("not a partnership brief: it never names the ILO (International Labour Organization)")
    tables = parse_document(document, sha256)
    brief = tables["briefs"].iloc[0]
    if pd.isna(brief["partner"]) or brief["partner"] in ("", "Unknown"):
        raise NotABrief("not a partnership brief: no partner named in its title or opening sentence")
    if tables["sections"].empty or (tables["contributions"].empty and tables["projects"].empty):
        raise NotABrief("not a partnership brief: no contributions and no projects found")
    return Analysis(tables, validate_brief(tables))
