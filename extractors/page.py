"""pdfplumber's PDF and Page, with a faster conversion of characters into objects.

pdfplumber turns every pdfminer layout item into a dict through one generic routine: a
regex on the class name, `resolve_all` on every attribute, a PDFDocEncoding decode of the
colour space's name. For characters, which are nearly all of a brief's objects, that costs
about as much as pdfminer's interpretation of the page. `LeanPage` builds exactly the same
dict for a character with the generic work done once per class, colour space or scalar
type; every other object goes through pdfplumber unchanged. tests/test_page.py checks
that both give identical objects for every PDF the tests hold.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pdfplumber
from pdfminer.layout import LTChar, LTItem
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import ALL_ATTRS, Page
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

PLAIN = frozenset({float, int, str, bool, type(None)})


def _plain(value: Any) -> bool:
    """A value `resolve_all` returns as it is (or as an equal tuple): nothing to resolve."""
    kind = type(value)
    return kind in PLAIN or (kind is tuple and all(type(item) in PLAIN for item in value))


class LeanPage(Page):
    """A pdfplumber Page whose characters are converted without the generic per-attribute work."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._colour_spaces: dict[Any, Any] = {}

    def process_object(self, obj: LTItem) -> dict[str, Any]:
        if type(obj) is not LTChar or self.pdf.unicode_norm is not None:
            return super().process_object(obj)
        attr = {k: v if _plain(v) else resolve_all(v) for k, v in obj.__dict__.items() if k in ALL_ATTRS}
        attr["object_type"] = "char"
        attr["page_number"] = self.page_number
        name = obj.ncs.name
        if name not in self._colour_spaces:
            self._colour_spaces[name] = resolve_and_decode(name)
        attr["ncs"] = self._colour_spaces[name]
        attr["text"] = obj.get_text()
        state = obj.graphicstate
        attr["stroking_color"] = state.scolor if isinstance(state.scolor, tuple) else (state.scolor,)
        attr["non_stroking_color"] = state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,)
        if isinstance(attr["fontname"], bytes):
            return super().process_object(obj)
        mb_x0, mb_top = self.mediabox[:2]
        height = self.height
        attr["top"] = (height - attr["y1"]) + mb_top
        attr["bottom"] = (height - attr["y0"]) + mb_top
        attr["doctop"] = self.initial_doctop + attr["top"]
        if mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr


class LeanPDF(pdfplumber.PDF):
    """A pdfplumber PDF whose pages are LeanPages (`LeanPDF.open(path, password=...)`)."""

    @property
    def pages(self) -> list[Page]:
        if hasattr(self, "_pages"):
            return self._pages
        self._pages: list[Page] = []
        doctop = 0.0
        for number, page_obj in enumerate(_iter_pages(self), start=1):
            if self.pages_to_parse is not None and number not in self.pages_to_parse:
                continue
            page = LeanPage(self, page_obj, page_number=number, initial_doctop=doctop)
            self._pages.append(page)
            doctop += page.height
        return self._pages


def _iter_pages(pdf: pdfplumber.PDF) -> Generator[PDFPage, None, None]:
    """pdfminer's pages, its failures wrapped as pdfplumber wraps them."""
    pages = PDFPage.create_pages(pdf.doc)
    while True:
        try:
            yield next(pages)
        except StopIteration:
            return
        except Exception as exc:
            raise PdfminerException(exc) from exc
