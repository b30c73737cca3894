"""Why a PDF is refused, and the page bound behind one reason: importable without loading
pdfplumber, so the flow's process can handle refusals without the PDF libraries."""

DEFAULT_MAX_PAGES = 30


class ExtractionError(Exception):
    """A PDF could not be read; the message says why in words a person can act on."""
