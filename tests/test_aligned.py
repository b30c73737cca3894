"""Tables set without any rule, found from where their text starts (extractors.aligned)."""

from __future__ import annotations

from extractors.aligned import aligned_tables
from extractors.document import Word

SIZE = 8.0


def _line(top: float, *cells: tuple[float, str]) -> list[Word]:
    """Words of one line: each cell's words set from its x, 5 pt a character and a space apart."""
    words = []
    for x, text in cells:
        for token in text.split():
            words.append(Word(token, x, x + 4 * len(token), top, top + SIZE, SIZE, "NotoSans", 2))
            x += 4 * len(token) + 2
    return words


PROJECTS = [  # header, then rows 20 pt apart whose wrapped lines are 10 pt apart
    *_line(100, (50, "PROJECT"), (240, "PERIOD"), (320, "COUNTRIES"), (450, "FUNDED BY")),
    *_line(120, (50, "Decent Work in Rural Areas"), (240, "2019–2022"), (320, "Guatemala, Honduras"), (450, "AECID")),
    *_line(130, (50, "of Central America"), (320, "El Salvador")),
    *_line(150, (50, "Youth Employment"), (240, "2018 through"), (320, "Peru"), (450, "Ministry of")),
    *_line(160, (240, "2022"), (450, "Labour")),
]


def test_a_header_of_labels_and_rows_keeping_to_their_columns_make_a_table():
    (table,) = aligned_tables(PROJECTS)
    _, rows = table
    assert rows == [
        ["PROJECT", "PERIOD", "COUNTRIES", "FUNDED BY"],
        ["Decent Work in Rural Areas\nof Central America", "2019–2022", "Guatemala, Honduras\nEl Salvador", "AECID"],
        ["Youth Employment", "2018 through\n2022", "Peru", "Ministry of\nLabour"],
    ]


def test_the_table_box_holds_its_header_and_every_row():
    ((box, _),) = aligned_tables(PROJECTS)
    assert box[0] == 50 and box[1] == 100 and box[3] == 160 + SIZE


def test_a_paragraph_running_across_the_columns_ends_the_table():
    paragraph = _line(185, (50, "In Central America the project worked with cooperatives and with ministries of labour"))
    ((box, rows),) = aligned_tables(PROJECTS + paragraph)
    assert len(rows) == 3 and box[3] == 160 + SIZE


def test_lines_each_a_row_when_rows_are_spaced_wider_than_wrapped_lines():
    words = [
        *_line(100, (50, "Type of contribution"), (400, "2020"), (490, "2021")),
        *_line(120, (50, "Assessed contribution"), (402, "1.10"), (492, "1.05")),
        *_line(140, (50, "Voluntary core (RBSA)"), (410, "–"), (492, "0.50")),
    ]
    ((_, rows),) = aligned_tables(words)
    assert rows[1:] == [["Assessed contribution", "1.10", "1.05"], ["Voluntary core (RBSA)", "–", "0.50"]]


def test_row_labels_left_of_every_header_label_get_a_column_of_their_own():
    words = [
        *_line(100, (300, "2020"), (380, "2021"), (460, "2022")),
        *_line(120, (50, "Assessed"), (300, "1.10"), (380, "1.10"), (460, "1.05")),
        *_line(140, (50, "Earmarked"), (300, "2.40"), (380, "3.15"), (460, "1.80")),
    ]
    ((_, rows),) = aligned_tables(words)
    assert rows[0] == ["", "2020", "2021", "2022"] and rows[2] == ["Earmarked", "2.40", "3.15", "1.80"]


def test_a_strip_of_figures_is_no_header():
    words = [
        *_line(100, (50, "133"), (150, "CHF 21.4m"), (250, "€4.5m")),
        *_line(112, (50, "Conventions"), (150, "assessed"), (250, "core")),
        *_line(124, (50, "ratified"), (150, "2022–23"), (250, "2018–22")),
    ]
    assert aligned_tables(words) == []


def test_plain_paragraphs_hold_no_table():
    words = [w for i in range(6) for w in _line(100 + 12 * i, (50, "The ILO and Spain work together on decent work"))]
    assert aligned_tables(words) == []


def test_scattered_single_letters_are_no_header():
    """A formula or a figure's labels: short gaps and one-letter 'labels'."""
    words = [*_line(100, (50, "h"), (200, "L A"), (320, "c")), *_line(120, (50, "a b"), (200, "x"), (320, "y")),
             *_line(140, (50, "Satz"), (200, "z"), (320, "w"))]
    assert aligned_tables(words) == []


def test_a_table_with_a_mostly_empty_column_is_scattered_text():
    words = [
        *_line(100, (50, "Name"), (240, "Period"), (400, "Notes")),
        *_line(120, (50, "First item"), (240, "2019–2022")),
        *_line(140, (50, "Second item"), (240, "2020–2021")),
        *_line(160, (50, "Third item"), (240, "2021"), (400, "one")),
    ]
    assert aligned_tables(words) == []


CARDS = [  # a grid of three project cards: titles wrapping over two lines, then each card's facts
    *_line(100, (50, "Skills Anticipation and"), (240, "Labour Reform Support:"), (430, "Fair Recruitment Corridors")),
    *_line(110, (50, "Labour Market Intelligence"), (240, "Wage Protection Initiative"), (430, "with South Asia")),
    *_line(124, (50, "January 2022 – December 2024"), (240, "March 2021 – February 2024"), (430, "Since 2020")),
    *_line(136, (50, "Countries: Saudi Arabia"), (240, "Countries: Saudi Arabia"), (430, "Countries: Nepal")),
    *_line(160, (50, "Builds a forecasting system"), (240, "Technical advice on reform"), (430, "Bilateral work on fees")),
]


def test_the_second_lines_of_a_grid_of_card_titles_are_no_tables_header():
    assert aligned_tables(CARDS) == []


def test_card_titles_wrapping_after_and_or_for_are_no_tables_header():
    lines = [*_line(100, (50, "Emergency Employment and"), (240, "Social Insurance for"), (430, "Vocational Training")),
             *_line(110, (50, "Rubble Removal in Yemen"), (240, "Migrant Workers"), (430, "Centres in Sudan")),
             *_line(124, (50, "July 2022 – June 2024"), (240, "Since March 2023"), (430, "April 2019 – March 2022")),
             *_line(136, (50, "Countries: Yemen"), (240, "Countries: Saudi Arabia"), (430, "Countries: Sudan"))]
    assert aligned_tables(lines) == []


def test_one_row_of_figures_under_a_header_is_a_table():
    lines = [*_line(100, (50, "Biennium"), (240, "2020–21"), (330, "2022–23")),
             *_line(112, (50, "Assessed contribution"), (240, "CHF 1 082 612"), (330, "CHF 1 078 904"))]
    (table,) = aligned_tables(lines)
    assert table[1] == [["Biennium", "2020–21", "2022–23"], ["Assessed contribution", "CHF 1 082 612", "CHF 1 078 904"]]


def test_one_row_of_words_under_a_line_of_short_phrases_is_no_table():
    lines = [*_line(100, (50, "These shells are"), (240, "do not camp,"), (330, "care to see")),
             *_line(112, (50, "visitors we see"), (240, "for their part"), (330, "in the town"))]
    assert aligned_tables(lines) == []


def test_a_two_column_table_by_year_with_rows_set_close_is_a_row_per_year():
    lines = [*_line(100, (50, "Year"), (240, "Assessed contribution (CHF)")),
             *_line(112, (50, "2021"), (300, "1,153,400")), *_line(122, (50, "2022"), (300, "1,121,800")),
             *_line(132, (50, "2023"), (300, "1,121,800"))]
    (table,) = aligned_tables(lines)
    assert table[1] == [["Year", "Assessed contribution (CHF)"], ["2021", "1,153,400"], ["2022", "1,121,800"], ["2023", "1,121,800"]]


def test_two_labels_that_are_no_year_column_make_no_table():
    lines = [*_line(100, (50, "Partner"), (240, "Contact")), *_line(112, (50, "Peru"), (240, "lima@ilo.org")),
             *_line(122, (50, "Chile"), (240, "santiago@ilo.org"))]
    assert aligned_tables(lines) == []


def _right(top: float, *cells: tuple[float, str]) -> list[Word]:
    """Words of one line, each cell set flush right against its x."""
    words = []
    for right, text in cells:
        tokens = text.split()
        x = right - sum(4 * len(token) + 2 for token in tokens) + 2
        for token in tokens:
            words.append(Word(token, x, x + 4 * len(token), top, top + SIZE, SIZE, "NotoSans", 2))
            x += 4 * len(token) + 2
    return words


FIGURES_BY_YEAR = [  # years set flush right over wider figures, rows 12 pt apart with no room between them
    *_right(100, (308, "2020"), (356, "2021"), (404, "2022")),
    *_line(112, (143, "Assessed (CHF)")), *_right(112, (308, "412,650"), (356, "412,650"), (404, "398,210")),
    *_line(124, (143, "Voluntary – RBSA (USD)")), *_right(124, (308, "–"), (356, "150,000"), (404, "–")),
    *_line(136, (143, "Voluntary – projects (EUR)")), *_right(136, (308, "260,000"), (356, "315,500"), (404, "480,000")),
]


def test_figures_set_flush_right_under_their_years_keep_to_those_columns():
    (table,) = aligned_tables(FIGURES_BY_YEAR)
    assert table[1][0] == ["", "2020", "2021", "2022"]
    assert table[1][1] == ["Assessed (CHF)", "412,650", "412,650", "398,210"]


def test_rows_of_figures_set_close_are_rows_of_their_own():
    (table,) = aligned_tables(FIGURES_BY_YEAR)
    assert [row[0] for row in table[1][1:]] == ["Assessed (CHF)", "Voluntary – RBSA (USD)", "Voluntary – projects (EUR)"]
