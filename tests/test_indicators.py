"""ODA figures: amount, share of GNI and donor rank, with the year they are for."""

from parsers.indicators import from_sentence

SENTENCE = ("In 2021, Japan provided US$ 17.6 billion in Official Development Assistance, which represents "
            "0.34 % of its gross national income, making Japan the third largest donor country in absolute "
            "terms and the largest in Asia (source: OECD Development Co-operation Profiles, 2022).")


def test_oda_amount_share_and_rank_come_from_one_sentence():
    found = {i.name: (i.value, i.year) for i in from_sentence(SENTENCE, 1)}
    assert found == {"oda_usd": (17.6e9, 2021), "oda_gni_percent": (0.34, 2021), "oda_donor_rank": (3.0, 2021)}


def test_the_year_of_a_cited_source_is_not_the_figure_year():
    assert {i.year for i in from_sentence(SENTENCE, 1)} == {2021}


def test_per_cent_written_out_and_numeric_ranks():
    text = "In 2022, Korea provided US$ 2.8 billion in ODA, equal to 0.17 per cent of GNI, making it the 15th largest DAC donor."
    found = {i.name: i.value for i in from_sentence(text, 1)}
    assert found == {"oda_usd": 2.8e9, "oda_gni_percent": 0.17, "oda_donor_rank": 15.0}



def test_a_rank_within_a_region_is_not_the_donor_rank():
    text = "This makes the Kingdom the largest provider of development assistance in the Arab region."
    assert from_sentence(text, 1) == []


def test_the_largest_donor_in_the_world_is_rank_one():
    text = "In 2020, the United States was the largest donor of development assistance in the world."
    assert {i.name: i.value for i in from_sentence(text, 1)}["oda_donor_rank"] == 1.0


def test_a_target_share_of_gni_is_not_the_partners_share():
    text = "Luxembourg has exceeded the United Nations target of 0.7 per cent of gross national income (GNI) since 2000."
    assert from_sentence(text, 1) == []


def test_a_rank_whose_hyphen_was_lost_at_a_line_end_is_still_read():
    text = "In 2021, the United Kingdom remained the fourthlargest donor in the OECD Development Assistance Committee."
    assert {i.name: i.value for i in from_sentence(text, 1)}["oda_donor_rank"] == 4.0


def test_one_of_the_largest_donors_is_no_rank():
    assert from_sentence("Qatar was one of the largest donors of humanitarian aid in 2021.", 1) == []


def test_the_largest_donor_of_a_group_is_no_rank():
    assert from_sentence("Qatar was the largest Arab donor of humanitarian aid in 2021.", 1) == []


def test_a_rank_among_the_donors_without_largest():
    text = "ODA reached USD 4'477 million in 2022, placing Switzerland eleventh among the donors of the OECD DAC."
    assert {i.name: i.value for i in from_sentence(text, 1)}["oda_donor_rank"] == 11.0


def test_a_share_of_gni_with_a_decimal_comma():
    text = "In 2022 Belgian ODA reached USD 2.6 billion, or 0,45 % of gross national income."
    assert {i.name: i.value for i in from_sentence(text, 1)}["oda_gni_percent"] == 0.45
