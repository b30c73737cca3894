"""Extraction from real PDFs: reading order, margins, paragraphs, hyphenation, headings, lists, tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import extract_document
from extractors.text import join_hyphenated

BRIEFS = Path(__file__).parent / "fixtures" / "briefs"
BLIND2 = Path(__file__).parent / "fixtures" / "blind2"
BLIND3 = Path(__file__).parent / "fixtures" / "blind3"
BLIND4 = Path(__file__).parent / "fixtures" / "blind4"
BLIND5 = Path(__file__).parent / "fixtures" / "blind5"


@pytest.fixture(scope="module")
def japan(japan_pdf):
    return extract_document(japan_pdf)


@pytest.fixture(scope="module")
def norway():
    return extract_document(BRIEFS / "norway-2022-06.pdf")


@pytest.fixture(scope="module")
def germany():
    return extract_document(BRIEFS / "germany-2021-11.pdf")


@pytest.fixture(scope="module")
def finland():
    return extract_document(BLIND2 / "finland-2018-05.pdf")


@pytest.fixture(scope="module")
def ireland():
    return extract_document(BLIND2 / "ireland-2022-03.pdf")


@pytest.fixture(scope="module")
def new_zealand():
    return extract_document(BLIND2 / "new-zealand-2023-11.pdf")


def _text(document) -> str:
    return "\n".join(block.text for block in document.blocks)


def _block(document, start: str):
    return next(b for b in document.blocks if b.text.startswith(start))


def test_a_two_column_page_is_read_left_column_first(japan):
    text = _text(japan)
    assert text.index("emergency response to both humanitarian and environmental crises") < text.index(
        "The collaboration extends to the Japanese private sector")


def test_a_page_that_changes_from_one_to_two_columns_keeps_the_full_width_intro_whole(japan):
    intro = _block(japan, "Japan is a founding Member State")
    assert intro.text.endswith("three Governance and 39 Technical Conventions.")


def test_headings_are_told_apart_by_font_size_and_weight(japan):
    headings = [b.text for b in japan.blocks if b.kind == "heading"]
    assert "Japan's contribution to the ILO" in headings
    assert "Contact" in headings
    assert not any(h.startswith("A key partner") for h in headings)


def test_a_heading_wrapped_over_several_lines_is_one_heading(japan):
    assert _block(japan, "Building Responsible Value Chains").text == (
        "Building Responsible Value Chains in Asia through the Promotion of Decent Work in Business Operations (2022-2024)")


def test_list_markers_are_recognised_and_removed_from_the_text(japan):
    items = [b for b in japan.blocks if b.kind == "list_item"]
    assert {b.marker for b in items} == {"•"}
    assert items[0].text.startswith("Poverty reduction and quality growth")


def test_running_footers_and_page_numbers_are_removed(japan):
    assert "ilo.org/partnerships" not in [b.text for b in japan.blocks if b.page < 4]
    assert not any(b.text.strip().isdigit() for b in japan.blocks)


def test_running_headers_are_removed(norway):
    assert "Norway – ILO Cooperation | June 2022" not in _text(norway)
    assert "Page 2 of 3" not in _text(norway)


def test_words_hyphenated_at_line_ends_are_rejoined(norway):
    text = _text(norway)
    assert "Governance" in text and "Govern- ance" not in text and "Govern-ance" not in text


def test_real_hyphens_are_kept(norway, japan):
    assert "multi-bilateral" in _text(norway)
    assert "COVID-19" in _text(japan)


def test_a_paragraph_cut_by_a_page_break_is_rejoined_and_keeps_both_pages(norway):
    block = next(b for b in norway.blocks if "Sustainable Development Goal 8 on decent work and economic growth" in b.text)
    assert (block.page, block.page_end) == (2, 3)


def test_every_block_knows_its_page(japan):
    assert _block(japan, "Assessing the Impact of COVID-19").page == 4


def test_a_ruled_table_becomes_one_table_block_with_rows(germany):
    (table,) = [b for b in germany.blocks if b.kind == "table"]
    assert len(table.rows) >= 3 and all(len(row) >= 3 for row in table.rows)


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [("develop-", "ment", "development"), ("multi-", "bilateral", None), ("2021-", "24", None),
     ("COVID-", "19", None), ("Timor-", "Leste", None), ("self-", "employed", None)],
)
def test_line_end_hyphen_rules(left, right, joined):
    assert join_hyphenated(left, right) == joined


def test_a_bold_sentence_opening_a_paragraph_is_a_run_in_heading(finland):
    blocks = finland.blocks
    index = next(i for i, b in enumerate(blocks) if b.text == "Green Jobs Programme in Zambia (2013–2018)")
    assert blocks[index].kind == "heading"
    assert blocks[index + 1].kind == "paragraph" and blocks[index + 1].text.startswith("Funded by the MFA, the programme")


def test_a_bold_word_or_two_opening_a_paragraph_stays_in_it(finland):
    assert all(not (b.kind == "heading" and b.text.endswith(".")) for b in finland.blocks)
    assert _block(finland, "Finland became a member").kind == "paragraph"


def test_a_figure_set_large_is_a_value_not_a_heading(new_zealand):
    figure = _block(new_zealand, "USD 2.7 million")
    assert figure.kind == "paragraph" and figure.text == "USD 2.7 million"
    assert _block(new_zealand, "Key figures").kind == "heading"


def test_a_caption_set_under_a_figure_is_no_heading():
    qatar = extract_document(BLIND3 / "qatar-2022-10.pdf")
    assert _block(qatar, "US$ 2.2 million").kind == "paragraph"
    assert _block(qatar, "Assessed contribution, 2022–23").kind == "paragraph"
    assert _block(qatar, "Funding and priorities").kind == "heading"


def test_the_text_of_a_box_does_not_run_on_into_the_text_after_it():
    qatar = extract_document(BLIND3 / "qatar-2022-10.pdf")
    assert _block(qatar, "Voluntary contributions to the ILO").text == "Voluntary contributions to the ILO, 2018– 2022"


def test_a_column_whose_list_markers_stand_left_of_its_text_is_read_apart_from_its_neighbour():
    kuwait = extract_document(BLIND4 / "kuwait-2024-01.pdf")
    assert _block(kuwait, "The Public Authority for Manpower").text.endswith("together with PAM.")
    assert _block(kuwait, "Eliminating Child Labour in Agriculture in Sudan").kind == "list_item"


def test_a_numbered_item_opening_with_a_bold_title_and_hanging_lines_is_a_list_item_not_a_heading():
    kuwait = extract_document(BLIND4 / "kuwait-2024-01.pdf")
    item = _block(kuwait, "Labour Migration Governance between Asia and Kuwait")
    assert item.kind == "list_item" and "Financed by PAM" in item.text


def test_a_three_column_grid_is_read_column_by_column():
    italy = extract_document(BLIND4 / "italy-2023-09.pdf")
    assert _block(italy, "Italy has ratified 113 ILO Conventions").text.endswith("first member States to ratify, in 2021.")
    assert _block(italy, "Italy's assessed contribution").text.endswith("was USD 26.4M, paid in Swiss francs.")


def test_list_items_whose_bullets_are_drawn_are_told_apart_by_the_space_between_them():
    italy = extract_document(BLIND4 / "italy-2023-09.pdf")
    assert _block(italy, "Fighting poverty").text == "Fighting poverty and inequality"
    assert _block(italy, "Food security").text == "Food security and sustainable agriculture"


def test_a_masthead_set_small_beside_the_title_is_neither_part_of_it_nor_of_the_text_below():
    italy = extract_document(BLIND4 / "italy-2023-09.pdf")
    assert _block(italy, "Italy and the ILO").text == "Italy and the ILO: Partners for Decent Work"
    assert _block(italy, "September 2023").text == "September 2023"


def test_a_contact_block_under_a_column_rule_is_read_after_both_columns():
    france = extract_document(BLIND4 / "france-2022-11.pdf")
    texts = [b.text for b in france.blocks]
    assert _block(france, "The Ministry of Labour, Full Employment").text.endswith("ginger supply chain of Myanmar.")
    assert texts.index("Contact") > texts.index(_block(france, "After the Beirut port explosion").text)


def test_a_bold_line_a_little_smaller_than_the_text_is_a_heading():
    france = extract_document(BLIND4 / "france-2022-11.pdf")
    assert _block(france, "Youth Employment and Skills in the Sahel").kind == "heading"


def test_a_footer_ending_in_a_year_and_the_page_number_is_a_running_footer(ireland):
    assert "Ireland and the ILO · March 2022" not in _text(ireland)
    assert "or 0.31 per cent of gross national income (GNI)." in _block(ireland, "In 2020, Ireland's official").text


def test_a_running_header_cut_in_two_by_the_gutter_is_still_removed(ireland):
    assert not any(b.page == 2 and b.text == "International Labour Organization" for b in ireland.blocks)


def test_a_paragraph_wrapped_around_a_box_beside_it_stays_one_paragraph():
    france = extract_document(BLIND4 / "france-2022-11.pdf")
    paragraph = _block(france, "As a member State, France pays an assessed contribution")
    assert "came to roughly US$ 33 million" in paragraph.text


def test_the_running_footers_left_out_of_the_text_are_kept_apart():
    switzerland = extract_document(BLIND5 / "switzerland-2023-11.pdf")
    assert any("Published: November 2023" in text for text in switzerland.margins)
    assert "Published: November 2023" not in _text(switzerland)


def test_a_table_header_set_rotated_reads_the_right_way_round():
    south_africa = extract_document(Path(__file__).parent / "fixtures" / "blind6" / "south-africa-2022-12.pdf")
    (table,) = [b for b in south_africa.blocks if b.kind == "table"]
    assert table.rows[0] == ["Funded by", "Project", "Countries", "Start", "End"]


def test_a_table_whose_rows_are_shaded_bands_is_read_as_a_table():
    chile = extract_document(Path(__file__).parent / "fixtures" / "blind8" / "chile-2022-09.pdf")
    tables = [b.rows for b in chile.blocks if b.kind == "table"]
    assert [rows[0] for rows in tables] == [["Year", "Project", "Countries", "Funding (USD)"]] * 2
    assert tables[0][1][0] == "2016–19" and tables[0][1][3] == "450,000"


def test_bullets_drawn_as_shapes_mark_list_items_so_a_long_first_item_keeps_apart():
    mexico = extract_document(Path(__file__).parent / "fixtures" / "blind8" / "mexico-2024-06.pdf")
    items = [b.text for b in mexico.blocks if b.kind == "list_item" and b.page == 2]
    assert items[:2] == ["Inclusive economic development in Central America and the Caribbean", "Human mobility and migration"]


def test_drawn_bullets_of_lists_in_columns_side_by_side_each_mark_an_item():
    uruguay = extract_document(Path(__file__).parent / "fixtures" / "blind11" / "uruguay-2024-02.pdf")
    items = [b.text for b in uruguay.blocks if b.kind == "list_item" and b.page == 2]
    assert items[:4] == ["Decent work and social dialogue", "Social protection and the national care system",
                         "Environmental sustainability", "South–South and triangular cooperation"]


def test_latex_word_spaces_narrower_than_three_points_still_part_words():
    czechia = extract_document(Path(__file__).parent / "fixtures" / "blind9" / "czechia-2024-05.pdf")
    texts = [b.text for b in czechia.blocks[:4]]
    assert "May 2024" in texts and "Partnering for Development (PARDEV), International Labour Office, Geneva" in texts
