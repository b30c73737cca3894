"""One PDF → validated contract tables: extract, parse, validate. No I/O beyond reading the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from extractors.errors import DEFAULT_MAX_PAGES, ExtractionError

if TYPE_CHECKING:
    from schemas.validate import CheckFailure


ILO = re.compile(r"\bILO\b|International Labour Organi[sz]ation")


class NotABrief(ExtractionError):
    """The PDF was read but is not a partnership brief."""


@dataclass
class Analysis:
    """What one brief yields: its tables and the checks they failed."""

    tables: dict[str, pd.DataFrame]
    failures: list[CheckFailure] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)

    @property
    def extraction(self) -> str:
        """'text', 'ocr' or 'text+ocr': how the brief's words were read."""
        if not self.ocr_pages:
            return "text"
        return "ocr" if len(self.ocr_pages) == int(self.tables["briefs"]["page_count"].iloc[0]) else "text+ocr"


def analyse(path: Path, sha256: str, passwords: tuple[str, ...] = (), max_pages: int = DEFAULT_MAX_PAGES) -> Analysis:
    """Extract, parse and validate one brief; raises ExtractionError with a reason a person can act on."""
    from schemas.validate import validate_brief  # Pandera: the extraction children never need it

    analysis = read_brief(path, sha256, passwords, max_pages)
    analysis.failures = validate_brief(analysis.tables)
    return analysis


def read_brief(path: Path, sha256: str, passwords: tuple[str, ...] = (), max_pages: int = DEFAULT_MAX_PAGES) -> Analysis:
    """Extract and parse one brief, not yet validated: a run validates its briefs together
    (schemas.validate_briefs), which costs far less than one by one.

    The PDF libraries and parsers are imported here, in the child that reads the file: the
    flow's process only unpickles Analysis results and needs none of them."""
    from extractors.pdf import extract_document
    from parsers.records import parse_document

    document = extract_document(Path(path), passwords=passwords, max_pages=max_pages)
    read_by = " (text read by OCR)" if document.ocr_pages else ""
    if not document.blocks:
        raise ExtractionError("no text layer: the PDF holds no extractable text")
    text = "\n".join(block.text for block in document.blocks)
    if len(ILO.findall(text)) < 2:
        raise NotABrief(f"not a partnership brief: it never names the ILO (International Labour Organization){read_by}")
    tables = parse_document(document, sha256)
    brief = tables["briefs"].iloc[0]
    if pd.isna(brief["partner"]) or brief["partner"] in ("", "Unknown"):
        raise NotABrief(f"not a partnership brief: no partner named in its title or opening sentence{read_by}")
    if tables["sections"].empty or (tables["contributions"].empty and tables["projects"].empty):
        raise NotABrief(f"not a partnership brief: no contributions and no projects found{read_by}")
    return Analysis(tables, ocr_pages=document.ocr_pages)
