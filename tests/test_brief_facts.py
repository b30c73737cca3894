"""The brief's own facts from its title and opening: partner, Conventions, contact."""

import pytest

from parsers.brief import contact, conventions, partner_from_text, partner_from_title


@pytest.mark.parametrize(
    ("title", "partner"),
    [
        ("Japan ILO Cooperation", "Japan"),
        ("Norway – ILO Cooperation", "Norway"),
        ("The Republic of Korea and the ILO", "Republic of Korea"),
        ("European Union – ILO partnership", "European Union"),
        ("Germany's partnership with the ILO", "Germany"),
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
