"""Read the report's tables back out of its HTML, so tests check what a reader sees."""

from __future__ import annotations

from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_tables(html: str) -> list[list[list[str]]]:
    """Every table of the page as rows of cell texts, header row first."""
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def table_with_header(html: str, *first_headers: str) -> list[dict[str, str]]:
    """The rows of the first table whose header starts with `first_headers`, as dicts."""
    for table in html_tables(html):
        if tuple(table[0][: len(first_headers)]) == first_headers:
            return [dict(zip(table[0], row)) for row in table[1:]]
    raise AssertionError(f"no table with header {first_headers}")
