"""Reading order around a long vertical rule: a sidebar's border parts two columns."""

from __future__ import annotations

from extractors.document import Word
from extractors.layout import find_gutter, gutter_at_rule, order_page, rough_rows


def _line(text: str, x: float, top: float) -> list[Word]:
    words, cursor = [], x
    for token in text.split():
        width = 5.0 * len(token)
        words.append(Word(token, cursor, cursor + width, top, top + 9, 9.0, "Helvetica", 1))
        cursor += width + 3
    return words


def _page() -> list[Word]:
    """An article left of a rule at x=440 and an aside of short lines right of it, row by row."""
    article = ["The United Kingdom has ratified 89 Conventions.", "These include 9 of the",
               "10 fundamental Conventions and", "76 technical Conventions.", "It funds the ILO."]
    aside = ["OTHER PARTNERS", "Norway", "Japan", "Germany", "European Union"]
    words = []
    for row, (left, right) in enumerate(zip(article, aside)):
        words += _line(left, 30, 100 + 14 * row) + _line(right, 448, 100 + 14 * row)
    return words


def test_a_long_rule_with_text_on_both_sides_gives_the_gutter_where_the_right_column_starts():
    assert gutter_at_rule(_page(), [(440.0, 90.0, 400.0)]) == 448


def test_a_rule_with_text_on_one_side_only_gives_no_gutter():
    article_only = [w for w in _page() if w.x0 < 440]
    assert gutter_at_rule(article_only, [(440.0, 90.0, 400.0)]) is None


def test_the_article_beside_a_ruled_aside_is_read_whole_before_the_aside():
    lines = [" ".join(w.text for w in line.words) for line in order_page(_page(), [], 595, 1, [(440.0, 90.0, 400.0)])]
    assert lines[:2] == ["The United Kingdom has ratified 89 Conventions.", "These include 9 of the"]
    assert lines[2] == "10 fundamental Conventions and"


def _sized(text: str, x: float, top: float, size: float) -> list[Word]:
    return [Word(w.text, w.x0, w.x1, top, top + size, size, "Helvetica-Bold", 1) for w in _line(text, x, top)]


def test_a_heading_across_both_columns_ends_one_pair_of_columns_and_starts_another():
    """CSS columns with a column-span heading: the text above it is balanced into two short
    columns, and the text below starts a new pair; the heading's words sit left of the gutter."""
    words = []
    for row in range(4):
        words += _line(f"top left {row}", 40, 100 + 14 * row) + _line(f"top right {row}", 320, 100 + 14 * row)
    words += _sized("Projects", 40, 200, 13.0)
    for row in range(4):
        words += _line(f"low left {row}", 40, 230 + 14 * row) + _line(f"low right {row}", 320, 230 + 14 * row)
    lines = [" ".join(w.text for w in line.words) for line in order_page(words, [], 595, 1)]
    assert lines.index("top right 3") < lines.index("Projects") < lines.index("low left 0")
    assert lines.index("low left 3") < lines.index("low right 0")


def test_a_heading_in_the_left_column_beside_the_right_columns_text_stays_in_its_column():
    words = []
    for row in range(10):
        words += _line(f"right {row}", 320, 100 + 14 * row)
        if row != 4:
            words += _line(f"left {row}", 40, 100 + 14 * row)
    words += _sized("Heading", 40, 156, 12.0)
    lines = [" ".join(w.text for w in line.words) for line in order_page(words, [], 595, 1)]
    assert lines.index("left 9") < lines.index("right 0")


def test_cards_side_by_side_are_each_read_whole_left_to_right():
    """Three shaded cards in a row, their lines at the same heights: each card is one run of lines."""
    words, boxes = [], []
    for card, x in enumerate((40, 340, 640)):
        boxes.append((x - 5, 95, x + 250, 160))
        for row, text in enumerate((f"Card {card} title", f"card {card} years", f"card {card} place")):
            words += _line(text, x, 100 + 14 * row)
    words += _line("Below the cards comes the text.", 40, 200)
    lines = [" ".join(w.text for w in line.words) for line in order_page(words, [], 960, 1, boxes=boxes)]
    assert lines == ["Card 0 title", "card 0 years", "card 0 place", "Card 1 title", "card 1 years", "card 1 place",
                     "Card 2 title", "card 2 years", "card 2 place", "Below the cards comes the text."]


def test_a_sidebar_beside_the_body_is_read_whole_after_what_is_above_it():
    words = _line("Partnering with Australia", 40, 60)
    for row in range(4):
        words += _line(f"figure {row}", 45, 150 + 14 * row) + _line(f"body text line {row}", 220, 150 + 14 * row)
    lines = [" ".join(w.text for w in line.words) for line in order_page(words, [], 595, 1, boxes=[(38, 140, 206, 220)])]
    assert lines == ["Partnering with Australia", "figure 0", "figure 1", "figure 2", "figure 3",
                     "body text line 0", "body text line 1", "body text line 2", "body text line 3"]


def test_a_background_holding_every_word_is_no_panel():
    words = _line("Qatar – ILO Partnership", 40, 60) + _line("October 2022", 40, 90)
    lines = [" ".join(w.text for w in line.words) for line in order_page(words, [], 960, 1, boxes=[(0, 0, 960, 540)])]
    assert lines == ["Qatar – ILO Partnership", "October 2022"]


def test_a_line_beside_a_box_knows_where_the_box_cuts_it_short():
    words = _line("Text that wraps around the box", 40, 150) + _line("a b c", 370, 150) + _line("x y z", 370, 164)
    by_text = {" ".join(w.text for w in line.words): line for line in order_page(words, [], 595, 1, boxes=[(363, 140, 533, 200)])}
    assert by_text["Text that wraps around the box"].measure == 363


def test_a_columns_gutter_is_where_its_list_markers_stand_not_its_hanging_indent():
    """The right column's items: "4." at x=438, their text and wrapped lines at x=454."""
    words = []
    for row in range(10):
        top = 100 + 14 * row
        words += _line("Text of the left column runs on", 40, top)
        words += _line(f"{row + 1}. Item" if row % 3 == 0 else "wrapped line", 438 if row % 3 == 0 else 454, top)
    assert find_gutter(words, 842) == 438


def test_small_words_far_beside_a_large_line_are_rows_of_their_own():
    title = [Word(t, x, x + 40, 49, 73, 24.0, "Roboto-Bold", 1) for t, x in (("Italy", 34), ("and", 80), ("the", 125))]
    masthead = [Word("No.", 539, 554, 50, 61, 10.5, "Roboto-Bold", 1), Word("7", 556, 562, 50, 61, 10.5, "Roboto-Bold", 1),
                Word("September", 503, 542, 63, 72, 9.0, "Roboto", 1), Word("2023", 544, 562, 63, 72, 9.0, "Roboto", 1)]
    rows = [" ".join(w.text for w in row) for row in rough_rows(title + masthead)]
    assert rows == ["Italy and the", "No. 7", "September 2023"]


def test_headings_in_a_narrow_left_rail_go_before_the_text_beside_them():
    words = []
    for block, (heading, text) in enumerate((
            ("Universal Social Protection", "The project worked with the social security institutions of the region"),
            ("Decent Work in Cocoa", "Financed by the DGD, the project fights child labour in the cocoa sector"))):
        top = 100 + 80 * block
        first, second = heading.rsplit(" ", 1)
        words += [Word(t, 40 + 45 * i, 80 + 45 * i, top + 2, top + 12, 10.5, "Caladea-Bold", 3) for i, t in enumerate(first.split())]
        words += [Word(second, 40, 80, top + 16, top + 26, 10.5, "Caladea-Bold", 3)]
        for line in range(4):
            words += _line(text, 200, top + 14 * line)
    lines = [" ".join(w.text for w in line.words) for line in order_page(words, [], 595, 3)]
    assert lines[:3] == ["Universal Social", "Protection", "The project worked with the social security institutions of the region"]
    assert lines[6:9] == ["Decent Work in", "Cocoa", "Financed by the DGD, the project fights child labour in the cocoa sector"]


def test_a_columns_gutter_is_where_its_lead_in_starts_when_its_list_markers_are_drawn():
    """The right column: a lead-in of two lines at x=424, then six items whose text starts at
    x=438 (their bullets are shapes, not text): two starts cannot outvote six, but no line
    crosses x=424."""
    words = []
    for row in range(8):
        top = 100 + 14 * row
        words += _line("Text of the left column runs on", 40, top)
        words += _line("Its assistance focuses on:" if row < 2 else "Humanitarian relief", 424 if row < 2 else 438, top)
    assert find_gutter(words, 842) == 424
