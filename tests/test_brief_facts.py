"""The brief's own facts from its title and opening: partner, Conventions, contact."""

import datetime as dt

import pytest

from parsers.brief import brief_facts, contact, conventions, partner_from_text, partner_from_title, published_date


@pytest.mark.parametrize(
    ("title", "partner"),
    [
        ("Japan ILO Cooperation", "Japan"),
        ("Norway – ILO Cooperation", "Norway"),
        ("The Republic of Korea and the ILO", "Republic of Korea"),
        ("European Union – ILO partnership", "European Union"),
        ("Germany's partnership with the ILO", "Germany"),
        ("Partnering with Australia", "Australia"),
        ("Working together: Norway and the ILO", "Norway"),
        ("Italy and the ILO: Partners for Decent Work", "Italy"),
        ("Korea Foundation – ILO partnership", "Korea Foundation"),
    ],
)
def test_partner_is_the_title_without_the_ilo_words(title, partner):
    assert partner_from_title(title) == partner


def test_partner_falls_back_to_the_member_state_sentence():
    assert partner_from_text("Sweden is a founding Member State of the ILO.") == "Sweden"


def test_convention_counts_written_in_words_and_digits():
    text = ("Japan has ratified 50 Conventions, including eight Fundamental, three Governance "
            "and 39 Technical Conventions.")
    assert conventions(text) == (50, 8, 3, 39, None)


def test_convention_counts_with_protocols_and_of_which_phrasing():
    text = "Germany has ratified 87 Conventions, of which 8 are Fundamental, 4 Governance and 75 Technical Conventions, and 2 Protocols."
    assert conventions(text) == (87, 8, 4, 75, 2)


def test_contact_prefers_the_contact_block_and_keeps_the_phone_as_printed():
    email, phone = contact("T: +41 22 799 7370\nE: partnerships@ilo.org", "write to other@example.org")
    assert (email, phone) == ("partnerships@ilo.org", "+41 22 799 7370")


def test_without_a_contact_block_the_address_a_reader_is_asked_to_write_to_beats_a_letterhead():
    text = ("Tel. +41 22 799 6111 · ilo@ilo.org\nDear Mayor, …\nShould you have any questions, please contact Mr Ribeiro "
            "of our team (localpartnerships@ilo.org, +41\n22 799 7146).")
    assert contact("", text) == ("localpartnerships@ilo.org", "+41 22 799 7146")


def test_convention_counts_from_a_table_of_label_and_value_cells():
    text = ("ILO Conventions ratified 41 | of which fundamental Conventions 9 | of which governance Conventions 3 | "
            "of which technical Conventions 29 | Protocols ratified 1\nYear Assessed contribution (CHF)")
    assert conventions(text) == (41, 9, 3, 29, 1)


def test_convention_counts_from_key_figures_labels_and_values():
    text = "Key figures\nILO Conventions ratified\n59\nFundamental: 7 Governance: 3\nTechnical: 49\nProtocols: 1\nAssessed"
    assert conventions(text) == (59, 7, 3, 49, 1)


def test_a_count_before_conventions_ratified_is_the_total():
    text = "Member State since 1972\n7 Conventions ratified: 5 fundamental, 1 governance and 1 technical Convention"
    assert conventions(text) == (7, 5, 1, 1, None)


def test_a_colon_in_prose_is_no_key_figures_label():
    text = ("New Zealand has ratified 61 Conventions and one Protocol: seven of the ten Fundamental Conventions, "
            "three of the four Governance Conventions and 51 Technical Conventions.")
    assert conventions(text) == (61, 7, 3, 51, 1)


def _outline(*blocks: tuple[str, str]):
    from extractors.document import Block, Document
    from parsers.sections import outline

    made = [Block(kind=kind, text=text, page=1, size=20.0 if kind == "heading" else 9.0, bold=kind == "heading")
            for kind, text in blocks]
    return outline(Document(source="x.pdf", page_count=1, blocks=made, body_size=10.0))


def test_the_date_under_the_title_is_the_publication_month():
    parts = _outline(("heading", "Austria and the ILO"), ("paragraph", "Vienna, June 2024"), ("paragraph", "Text."))
    assert published_date(parts, {}) == dt.date(2024, 6, 1)


@pytest.mark.parametrize("label", ["Status: 28.06.2024", "Last updated 2024-06-28", "As of 28 June 2024"])
def test_a_labelled_date_above_the_title_gives_the_publication_month(label):
    parts = _outline(("paragraph", f"International Labour Organization · {label}"), ("heading", "Austria and the ILO"),
                     ("paragraph", "Austria joined the ILO in 1919."))
    assert published_date(parts, {}) == dt.date(2024, 6, 1)


def test_a_labelled_date_in_a_running_footer_gives_the_publication_month():
    parts = _outline(("heading", "Partnership Profile – Switzerland"), ("paragraph", "Switzerland joined the ILO in 1919."))
    assert published_date(parts, {}, ["ILO · Partnership Profile – Switzerland · Published: November 2023"]) == dt.date(2023, 11, 1)


def test_the_edition_named_in_a_running_footer_gives_the_publication_month():
    parts = _outline(("heading", "Peru and the ILO"), ("paragraph", "Peru joined the ILO in 1919."))
    footer = "Partnerships and Field Support Department (PARDEV) Edition: September 2023"
    assert published_date(parts, {}, [footer]) == dt.date(2023, 9, 1)


def test_a_subtitle_of_up_to_sixty_characters_ending_in_the_month_dates_the_brief():
    parts = _outline(("heading", "Saudi Arabia and the ILO"), ("paragraph", "Cooperation overview · Riyadh, December 2023"),
                     ("paragraph", "Text."))
    assert published_date(parts, {}) == dt.date(2023, 12, 1)


def test_a_masthead_in_capitals_above_the_title_dates_the_brief():
    parts = _outline(("paragraph", "FACT SHEET · MAY 2024"), ("heading", "The Halden Foundation and the ILO"),
                     ("paragraph", "The Foundation was established in 2009."))
    assert published_date(parts, {}) == dt.date(2024, 5, 1)


def test_a_labelled_date_just_under_the_title_in_a_longer_line_dates_the_brief():
    parts = _outline(("heading", "Mexico and the ILO"),
                     ("paragraph", "Mexico ILO Cooperation: how Mexico works with the ILO for decent work at home and abroad."),
                     ("paragraph", "Partnership brief · Published 17 June 2024 · Partnering for Development (PARDEV)"),
                     ("paragraph", "Mexico joined the ILO in 1931."))
    assert published_date(parts, {}) == dt.date(2024, 6, 1)


def test_a_date_line_with_the_day_after_the_month_gives_the_publication_month():
    parts = _outline(("heading", "The United States and the ILO"), ("paragraph", "Last updated: April 8, 2024 · 6 min read"),
                     ("paragraph", "Text."))
    assert published_date(parts, {}) == dt.date(2024, 4, 1)


def test_an_unlabelled_year_in_a_footer_is_no_publication_date():
    parts = _outline(("heading", "Partnership Profile – Switzerland"), ("paragraph", "Text."))
    assert published_date(parts, {}, ["Strategy 2021–2024 · page"]) is None


def test_the_contact_printed_only_in_a_running_footer_is_the_briefs_contact():
    assert contact("", "The Foundation funds projects.", "ILO contact\nmexico@ilo.org · +52 55 5250 3224") == (
        "mexico@ilo.org", "+52 55 5250 3224")


def test_a_letters_subject_line_is_its_title_and_its_date_line_its_date():
    from parsers.brief import brief_facts

    parts = _outline(("heading", "INTERNATIONAL LABOUR ORGANIZATION"), ("paragraph", "Geneva, 19 February 2024"),
                     ("heading", "Subject: The City of Vestrana and the ILO"), ("paragraph", "Dear Mayor Castellan,"))
    facts = brief_facts(parts, {}, "", "Dear Mayor Castellan,")
    assert (facts.title, facts.partner, facts.published) == ("The City of Vestrana and the ILO", "City of Vestrana", dt.date(2024, 2, 1))


def test_a_cover_letters_annex_titled_for_the_partner_gives_the_title_over_the_subject_line():
    from parsers.brief import brief_facts

    parts = _outline(("heading", "INTERNATIONAL LABOUR ORGANIZATION"), ("paragraph", "Geneva, 4 November 2024"),
                     ("heading", "Subject: Partnership between the Kingdom of Morocco and the ILO"),
                     ("paragraph", "Dear Ambassador,"), ("heading", "Annex: Morocco and the ILO"),
                     ("paragraph", "Morocco joined the ILO in 1956."))
    facts = brief_facts(parts, {}, "", "Dear Ambassador,")
    assert (facts.title, facts.partner) == ("Morocco and the ILO", "Morocco")


def test_a_date_line_opening_a_masthead_above_the_title_dates_the_brief():
    parts = _outline(("paragraph", "Lisbon, June 2023 INTERNATIONAL LABOUR ORGANIZATION · DEVELOPMENT PARTNERS"),
                     ("heading", "Portugal and the ILO"), ("paragraph", "Portugal is a founding member of the ILO."))
    assert published_date(parts, {}) == dt.date(2023, 6, 1)


def test_a_country_titled_in_capitals_under_a_masthead_taken_for_the_title_is_the_partner():
    parts = _outline(("heading", "INTERNATIONAL LABOUR ORGANIZATION PARDEV - Europe and Central Asia desk"),
                     ("paragraph", "KAZAKHSTAN AND THE ILO"), ("paragraph", "It joined the ILO in 1993."))
    facts = brief_facts(parts, {}, "", "It joined the ILO in 1993.")
    assert (facts.partner, facts.partner_iso3) == ("Kazakhstan", "KAZ")
