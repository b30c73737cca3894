"""Country names in UN and common forms → ISO 3166-1 alpha-3."""

import pytest

from parsers.countries import country_code, find_countries


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Viet Nam", "VNM"), ("Lao PDR", "LAO"), ("Laos People's Democratic Republic", "LAO"),
        ("Lao People's Democratic Republic", "LAO"), ("Türkiye", "TUR"), ("Côte d'Ivoire", "CIV"),
        ("the United Republic of Tanzania", "TZA"), ("the Occupied Palestinian Territory", "PSE"),
        ("the Philippines", "PHL"), ("Timor-Leste", "TLS"), ("Republic of Korea", "KOR"),
        ("Bolivia (Plurinational State of)", "BOL"), ("the Democratic Republic of the Congo", "COD"),
    ],
)
def test_country_forms_map_to_iso3(name, iso3):
    assert [m.iso3 for m in find_countries(f"The project works in {name}.")] == [iso3]


def test_the_longest_name_wins_over_a_shorter_one_inside_it():
    assert [m.iso3 for m in find_countries("Papua New Guinea and Equatorial Guinea")] == ["PNG", "GNQ"]


def test_adjectives_and_partial_words_are_not_countries():
    assert find_countries("the Lao Statistic Bureau and the Indian Ocean, Nigerian traders") == []


def test_partner_names_that_are_not_countries_have_no_code():
    assert country_code("European Union") is None
    assert country_code("Japan") == "JPN"


def test_a_currency_named_for_a_country_is_no_place():
    assert find_countries("paid in United States dollars at the rate of the day") == []
