"""One PDF → the contract's records, checked: extract, parse, validate. No I/O beyond reading the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extractors.errors import DEFAULT_MAX_PAGES, ExtractionError

if TYPE_CHECKING:
    import pandas as pd

    from parsers.columns import Records, Row
    from schemas.validate import CheckFailure


ILO = re.compile(r"\bILO\b|International Labour Organi[sz]ation")


class NotABrief(ExtractionError):
    """The PDF was read but is not a partnership brief."""


@dataclass
class Analysis:
    """What one brief yields: its records and the checks they failed."""

    records: Records
    failures: list[CheckFailure] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)

    @property
    def brief(self) -> Row:
        """The brief's own row: its id, partner, edition, pages."""
        return self.records["briefs"][0]

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The records as one frame per contract table."""
        from parsers.frames import to_frames

        return to_frames(self.records)

    @property
    def extraction(self) -> str:
        """'text', 'ocr' or 'text+ocr': how the brief's words were read."""
        if not self.ocr_pages:
            return "text"
        return "ocr" if len(self.ocr_pages) == self.brief["page_count"] else "text+ocr"


def analyse(path: Path, sha256: str, passwords: tuple[str, ...] = (), max_pages: int = DEFAULT_MAX_PAGES) -> Analysis:
    """Extract, parse and validate one brief; raises ExtractionError with a reason a person can act on."""
    from schemas.validate import validate_brief  # Pandera: the extraction children never need it

    analysis = read_brief(path, sha256, passwords, max_pages)
    analysis.failures = validate_brief(analysis.tables)
    return analysis


def read_brief(path: Path, sha256: str, passwords: tuple[str, ...] = (), max_pages: int = DEFAULT_MAX_PAGES) -> Analysis:
    """Extract and parse one brief, not yet validated: a run validates its briefs together
    (schemas.validate_batch), which costs far less than one by one.

    The PDF libraries and parsers are imported here, in the child that reads the file: the
    flow's process only unpickles Analysis results and needs none of them. The child needs
    no pandas: the records are plain rows."""
    from extractors.pdf import extract_document
    from parsers.records import parse_records

    document = extract_document(Path(path), passwords=passwords, max_pages=max_pages)
    read_by = " (text read by OCR)" if document.ocr_pages else ""
    if not document.blocks:
        raise ExtractionError("no text layer: the PDF holds no extractable text")
    text = "\n".join(block.text for block in document.blocks)
    if len(ILO.findall(text)) < 2:
        raise NotABrief(f"not a partnership brief: it never names the ILO (International Labour Organization){read_by}")
    records = parse_records(document, sha256)
    if records["briefs"][0]["partner"] in (None, "", "Unknown"):
        raise NotABrief(f"not a partnership brief: no partner named in its title or opening sentence{read_by}")
    if not records["sections"] or not (records["contributions"] or records["projects"]):
        raise NotABrief(f"not a partnership brief: no contributions and no projects found{read_by}")
    return Analysis(records, ocr_pages=document.ocr_pages)
