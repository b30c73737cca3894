"""PDF → ordered text blocks: the extraction half of the pipeline.

`extract_document(path)` is the entry point; the modules below it each do one job:
`pdf` reads words and tables with pdfplumber, `layout` puts them in reading order,
`margins` drops running headers and footers, `blocks` joins lines into headings,
paragraphs, list items and tables.
"""

from extractors.document import Block, Document, Line, Word
from extractors.pdf import ExtractionError, extract_document

__all__ = ["Block", "Document", "ExtractionError", "Line", "Word", "extract_document"]
