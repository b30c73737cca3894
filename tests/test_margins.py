"""Running headers, footers and page templates: printed on every page, never part of the text."""

from __future__ import annotations

from extractors.document import Line, Word
from extractors.margins import drop_running_margins, running_texts

HEIGHT = {1: 842.0, 2: 842.0}


def _line(text: str, x: float, top: float, page: int) -> Line:
    words, cursor = [], x
    for token in text.split():
        words.append(Word(token, cursor, cursor + 5 * len(token), top, top + 9, 9.0, "Inter", page))
        cursor += 5 * len(token) + 3
    return Line(words, (page, 0, 0))


def _page(page: int, *body: str) -> list[Line]:
    sidebar = [_line(text, 40, 200 + 14 * i, page) for i, text in enumerate(("AT A GLANCE", "1934", "ILO member since"))]
    return sidebar + [_line(text, 220, 200 + 14 * i, page) for i, text in enumerate(body)]


def test_a_sidebar_printed_in_the_same_place_on_every_page_is_left_out():
    pages = [_page(1, "The United States joined the ILO in 1934."), _page(2, "Projects funded by the United States")]
    kept = [line.text for line in drop_running_margins(pages, HEIGHT)]
    assert kept == ["The United States joined the ILO in 1934.", "Projects funded by the United States"]


def test_one_line_in_the_same_place_on_two_pages_is_a_coincidence_and_stays():
    pages = [[_line("2021 – 2023", 57, 169, 1), _line("Heat stress", 57, 150, 1)],
             [_line("2021 – 2023", 57, 169, 2), _line("Reconstruction in Gaza", 57, 150, 2)]]
    assert len(drop_running_margins(pages, HEIGHT)) == 4


def test_the_running_lines_left_out_are_kept_apart_once_each():
    pages = [_page(1, "Text one."), _page(2, "Text two.")]
    assert running_texts(pages, drop_running_margins(pages, HEIGHT)) == ["AT A GLANCE", "ILO member since"]  # bare numbers aside
