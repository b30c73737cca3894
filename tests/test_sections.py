"""A brief's outline: title, date line, and the sections its headings open."""

from __future__ import annotations

from extractors.document import Block, Document
from parsers.sections import outline


def _block(kind: str, text: str, size: float = 10.0, in_panel: bool = False) -> Block:
    return Block(kind=kind, text=text, page=1, size=size, bold=kind == "heading", in_panel=in_panel)


def _outline(*blocks: Block):
    return outline(Document(source="x.pdf", page_count=1, blocks=list(blocks), body_size=10.0))


def test_the_text_after_a_box_goes_on_with_the_section_the_box_stood_in():
    parts = _outline(
        _block("heading", "France and the ILO", 20), _block("heading", "Financial contributions", 13),
        _block("paragraph", "France pays its assessed contribution."),
        _block("heading", "Did you know?", 11, in_panel=True), _block("paragraph", "Albert Thomas was the first Director-General.", in_panel=True),
        _block("paragraph", "In addition, France committed 45 million euros of earmarked funding."),
    )
    assert [(s.title, [b.text[:20] for b in s.blocks]) for s in parts.sections] == [
        ("Financial contributions", ["France pays its asse", "In addition, France "]),
        ("Did you know?", ["Albert Thomas was th"]),
    ]


def test_a_heading_after_a_box_opens_its_own_section():
    parts = _outline(
        _block("heading", "France and the ILO", 20), _block("heading", "Financial contributions", 13),
        _block("heading", "Key figures", 11, in_panel=True), _block("paragraph", "USD 33 million", in_panel=True),
        _block("heading", "Priorities", 13), _block("paragraph", "Climate and biodiversity"),
    )
    assert [s.title for s in parts.sections] == ["Financial contributions", "Key figures", "Priorities"]
