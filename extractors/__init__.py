"""PDF → ordered text blocks: the extraction half of the pipeline.

`extract_document(path)` is the entry point; the modules below it each do one job:
`pdf` reads words and tables with pdfplumber, `layout` puts them in reading order,
`margins` drops running headers and footers, `blocks` joins lines into headings,
paragraphs, list items and tables.
"""

from typing import Any

from extractors.document import Block, Document, Line, Word
from extractors.errors import ExtractionError

__all__ = ["Block", "Document", "ExtractionError", "Line", "Word", "extract_document"]


def __getattr__(name: str) -> Any:
    """`extract_document` loads pdfplumber: only when asked for, so that importing
    ExtractionError (the flow's process does) costs nothing."""
    if name == "extract_document":
        from extractors.pdf import extract_document

        return extract_document
    raise AttributeError(f"module 'extractors' has no attribute {name!r}")
