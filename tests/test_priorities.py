"""The partner's priorities: the list under a priorities heading or an introducing sentence."""

from __future__ import annotations

from extractors.document import Block, Document
from parsers.priorities import find_priorities
from parsers.sections import outline


def _sections(*blocks: tuple[str, str]):
    made = [Block(kind=kind, text=text, page=1, size=13.0 if kind == "heading" else 10.0, bold=kind == "heading")
            for kind, text in blocks]
    return outline(Document(source="x.pdf", page_count=1, blocks=made, body_size=10.0)).sections


def test_the_list_under_a_priorities_heading_is_the_priorities():
    sections = _sections(("heading", "Spain and the ILO"), ("heading", "Priorities of Spanish cooperation"),
                         ("list_item", "Decent work"), ("list_item", "Gender equality."))
    assert find_priorities(sections) == ["Decent work", "Gender equality"]


def test_a_foundations_focus_areas_are_its_priorities():
    sections = _sections(("heading", "Corvant Foundation and the ILO"), ("heading", "Focus areas"),
                         ("paragraph", "The Foundation's strategy sets three focus areas for its grants:"),
                         ("list_item", "Safe and healthy work in transport"), ("list_item", "Skills for the green transition"))
    assert find_priorities(sections) == ["Safe and healthy work in transport", "Skills for the green transition"]


def test_a_foundations_strategic_pillars_are_its_priorities():
    sections = _sections(("heading", "Fundación Valmoral and the ILO"), ("heading", "Strategic pillars of the Foundation"),
                         ("list_item", "Financial inclusion"), ("list_item", "Youth employment"))
    assert find_priorities(sections) == ["Financial inclusion", "Youth employment"]


def test_a_list_under_another_heading_is_no_priorities():
    sections = _sections(("heading", "Spain and the ILO"), ("heading", "Partners"), ("list_item", "AECID"), ("list_item", "MAEUEC"))
    assert find_priorities(sections) == []


def test_a_table_of_numbered_priorities_lists_them():
    from extractors.document import Block
    from parsers.priorities import find_priorities
    from parsers.sections import Section

    rows = [["Priority 1", "Digital transformation and e-governance"], ["Priority 2", "Quality education"]]
    section = Section(heading=None, blocks=[Block(kind="table", text="", page=2, size=9.5, rows=rows)])
    assert find_priorities([section]) == ["Digital transformation and e-governance", "Quality education"]


def test_priorities_in_a_section_shared_with_the_contact_are_read():
    from extractors.document import Block, Document
    from parsers.records import parse_records

    def block(kind: str, text: str, size: float = 10.0) -> Block:
        return Block(kind=kind, text=text, page=1, size=size, bold=kind == "heading")

    blocks = [block("heading", "Slovenia and the ILO", 24.0), block("paragraph", "Slovenia joined the ILO in 1992."),
              block("heading", "Funding the ILO", 14.0), block("paragraph", "Slovenia provided €4.1 million to the ILO in 2022."),
              block("heading", "Priorities and contact", 14.0), block("paragraph", "The Resolution names two priorities:"),
              block("list_item", "The Western Balkans"), block("list_item", "Humanitarian assistance"),
              block("paragraph", "ILO Office, Budapest · budapest@ilo.org")]
    records = parse_records(Document(source="x.pdf", page_count=1, blocks=blocks, body_size=10.0), "ab" * 32)
    assert [row["text"] for row in records["priorities"]] == ["The Western Balkans", "Humanitarian assistance"]
