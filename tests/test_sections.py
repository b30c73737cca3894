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


def _at(kind: str, text: str, left: float, size: float = 10.0) -> Block:
    return Block(kind=kind, text=text, page=1, size=size, bold=kind == "heading", start_left=left, text_left=left)


def test_a_period_in_the_margin_beside_a_heading_dates_that_heading():
    parts = _outline(_at("heading", "Luxembourg ILO Cooperation", 140, 26.0), _at("heading", "Projects funded by Luxembourg", 140, 13.5),
                     _at("paragraph", "2019–2022", 60), _at("heading", "Extending Social Protection in Cabo Verde", 140),
                     _at("paragraph", "Funded by the MFEA, the project helped.", 140),
                     _at("heading", "Mar 2023 – Feb 2026", 55), _at("heading", "Social Security Modernisation in Mongolia", 140),
                     _at("paragraph", "Funded by the MFEA.", 140))
    assert [(s.title, [b.text for b in s.blocks]) for s in parts.sections] == [
        ("Projects funded by Luxembourg", []),
        ("2019–2022 Extending Social Protection in Cabo Verde", ["Funded by the MFEA, the project helped."]),
        ("Mar 2023 – Feb 2026 Social Security Modernisation in Mongolia", ["Funded by the MFEA."])]


def test_a_years_line_under_a_heading_in_line_with_it_stays_under_it():
    parts = _outline(_at("heading", "Japan ILO Cooperation", 60, 26.0), _at("heading", "Skills for Youth", 60),
                     _at("paragraph", "2019–2022", 60), _at("heading", "Green Jobs in Zambia", 60))
    assert [(s.title, [b.text for b in s.blocks]) for s in parts.sections] == [
        ("Skills for Youth", ["2019–2022"]), ("Green Jobs in Zambia", [])]
