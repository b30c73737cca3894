"""Lines → headings, paragraphs and list items, told apart by type, spacing and indents."""

from __future__ import annotations

import pytest

from extractors.blocks import build_blocks
from extractors.document import Line, Word


def _line(top: float, *runs: tuple[str, str], x: float = 60.0, size: float = 8.2) -> Line:
    """A line of (text, font) runs, each word 5 pt a character and a space apart."""
    words = []
    for text, font in runs:
        for token in text.split():
            words.append(Word(token, x, x + 5 * len(token), top, top + size, size, font, 2))
            x += 5 * len(token) + 2
    return Line(words, (2, 0, 0))


def test_a_bold_label_and_its_value_are_a_field_not_a_heading():
    lines = [_line(100, ("Decent Work in Cotton Value Chains", "NotoSans-Bold"), size=10.0),
             _line(115, ("Period:", "NotoSans-Bold"), ("2018–2022", "NotoSans-Regular")),
             _line(127, ("Countries:", "NotoSans-Bold"), ("Angola, Cabo Verde", "NotoSans-Regular"))]
    kinds = [(b.kind, b.text) for b in build_blocks(lines, 8.2)]
    assert kinds[0] == ("heading", "Decent Work in Cotton Value Chains")
    assert ("heading", "Period: 2018–2022") not in kinds


def test_a_bold_line_ending_in_a_colon_with_bold_words_after_it_stays_a_heading():
    lines = [_line(100, ("Annex 2: Projects", "NotoSans-Bold")), _line(115, ("The projects are listed below.", "NotoSans-Regular"))]
    assert build_blocks(lines, 8.2)[0].kind == "heading"


def test_each_label_and_value_joined_by_a_dot_leader_is_an_entry_of_its_own():
    from extractors.pdf import split_leader

    first = split_leader(Word("since..........1919", 176, 530, 100, 111, 11.0, "Carlito", 1))
    assert [w.text for w in first] == ["since", "…", "1919"] and first[0].x0 == 176 and first[-1].x1 == 530
    lines = [Line([Word("Member", 60, 100, 100, 111, 11.0, "Carlito", 1), *first], (1, 0, 0)),
             Line([Word("Protocols", 60, 110, 115, 126, 11.0, "Carlito", 1),
                   *split_leader(Word("ratified..........2", 112, 530, 115, 126, 11.0, "Carlito", 1))], (1, 0, 0))]
    assert [b.text for b in build_blocks(lines, 11.0)] == ["Member since … 1919", "Protocols ratified … 2"]


def test_rows_of_a_small_facts_table_are_entries_not_a_heading_and_a_paragraph():
    lines = [_line(640, ("Duration", "LiberationSans-Bold"), x=64, size=9.0),
             _line(657, ("Where", "LiberationSans-Bold"), x=64, size=9.0),
             _line(673, ("Funded by", "LiberationSans-Bold"), x=64, size=9.0)]
    values = [_line(640, ("2019–2022", "LiberationSans"), x=133, size=9.0),
              _line(657, ("Mexico (Oaxaca and Chiapas)", "LiberationSans"), x=133, size=9.0),
              _line(673, ("Fundación Valmoral", "LiberationSans"), x=133, size=9.0)]
    rows = [Line(label.words + value.words, label.region) for label, value in zip(lines, values)]
    assert [(b.kind, b.text) for b in build_blocks(rows, 10.0)] == [
        ("paragraph", "Duration 2019–2022"), ("paragraph", "Where Mexico (Oaxaca and Chiapas)"),
        ("paragraph", "Funded by Fundación Valmoral")]


def test_a_footnote_marker_set_small_and_raised_after_a_word_is_left_out():
    from extractors.pdf import without_note_markers

    words = [Word("million)", 476.5, 508.2, 342.7, 352.7, 10.0, "Carlito", 1), Word("i", 508.7, 510.0, 343.0, 348.8, 5.8, "Carlito", 1),
             Word("to", 512.8, 521.0, 342.7, 352.7, 10.0, "Carlito", 1), Word("3", 530.0, 535.0, 342.7, 352.7, 10.0, "Carlito", 1)]
    assert [w.text for w in without_note_markers(words)] == ["million)", "to", "3"]


def test_a_hyphenated_name_broken_at_a_line_end_is_joined_without_a_space():
    lines = [_line(100, ("Within it, the Directorate-", "Carlito"), size=10.0), _line(112, ("General for Development funds it.", "Carlito"), size=10.0)]
    assert build_blocks(lines, 10.0)[0].text == "Within it, the Directorate-General for Development funds it."


@pytest.mark.parametrize("figure", ["A$ 2.4m", "nearly A$ 60m", "NZ$ 1.2 million", "CHF 3'500'000", "€ 3,5 Mio.", "US$ 750k", "US$11m+"])
def test_a_figure_set_large_and_bold_is_a_value_not_a_heading(figure):
    lines = [_line(100, ("Core voluntary funding (RBSA), 2016–2020", "NotoSans-Regular")),
             _line(112, (figure, "NotoSans-Bold"), size=15.0),
             _line(135, ("Earmarked voluntary funding, 2016–2020", "NotoSans-Regular"))]
    assert [b.kind for b in build_blocks(lines, 8.2) if b.text == figure] == ["paragraph"]


def test_a_heading_under_a_large_figure_is_its_caption_but_one_beside_it_stays_a_heading():
    from extractors.blocks import _captions
    from extractors.document import Block

    figure = Block(kind="paragraph", text="2022", page=2, size=9.6, bold=True, start_left=60.0)
    beside = Block(kind="heading", text="Labour Inspection Peer Exchange with Benin", page=2, size=9.3, bold=True, start_left=155.0)
    under = Block(kind="heading", text="Assessed contribution, 2022–23", page=2, size=9.3, bold=True, start_left=60.0)
    assert [b.kind for b in _captions([figure, beside])] == ["paragraph", "heading"]
    assert [b.kind for b in _captions([figure, under])] == ["paragraph", "paragraph"]


def test_words_symbol_font_bullet_marks_a_list_item():
    lines = [_line(100, ("The programme sets four priority areas:", "Calibri")),
             _line(114, ("\uf0b7 Peace and justice", "Calibri")), _line(128, ("\uf0b7 Human capital", "Calibri"))]
    assert [(b.kind, b.text) for b in build_blocks(lines, 8.2)][1:] == [("list_item", "Peace and justice"), ("list_item", "Human capital")]


def test_a_line_underlined_with_a_typed_out_rule_is_a_heading_and_the_rule_is_dropped():
    mono = "LiberationMono"
    lines = [_line(100, ("KAZAKH INSTITUTIONS", mono)), _line(110, ("----------------------", mono)),
             _line(120, ("MLSP Ministry of Labour and Social Protection of the Population.", mono))]
    assert [(b.kind, b.text) for b in build_blocks(lines, 8.2)] == [
        ("heading", "KAZAKH INSTITUTIONS"), ("paragraph", "MLSP Ministry of Labour and Social Protection of the Population.")]


def test_a_number_in_square_brackets_marks_a_list_item():
    lines = [_line(100, ("[1] Regional economic cooperation in Central Asia", "LiberationMono")),
             _line(110, ("[2] Water and food security", "LiberationMono"))]
    assert [(b.kind, b.text) for b in build_blocks(lines, 8.2)] == [
        ("list_item", "Regional economic cooperation in Central Asia"), ("list_item", "Water and food security")]
