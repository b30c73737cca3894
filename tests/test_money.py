"""Money in its written forms → exact Decimal amounts, ISO 4217 codes and qualifiers."""

from decimal import Decimal

import pytest

from parsers.money import find_money, table_unit


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("US$ 177.8 million", "177800000.00", "USD"),
        ("US$121.7 million", "121700000.00", "USD"),
        ("USD 12.6 million", "12600000.00", "USD"),
        ("US$ 34,142,216", "34142216.00", "USD"),
        ("EUR 900,000", "900000.00", "EUR"),
        ("DKK 130 million", "130000000.00", "DKK"),
        ("US$ 1.2 billion", "1200000000.00", "USD"),
        ("€2.3 million", "2300000.00", "EUR"),
        ("CHF 4.5 million", "4500000.00", "CHF"),
        ("12.6 million US dollars", "12600000.00", "USD"),
        ("900,000 euros", "900000.00", "EUR"),
        ("USD 26.4M", "26400000.00", "USD"),
        ("US$ 2.6bn", "2600000000.00", "USD"),
        ("EUR 4 Mn", "4000000.00", "EUR"),
        ("CHF 1 500 000", "1500000.00", "CHF"),
        ("USD 5 thousands", "5000.00", "USD"),
        ("CHF 9'140'000", "9140000.00", "CHF"),
        ("two million Swiss francs", "2000000.00", "CHF"),
        ("USD three million", "3000000.00", "USD"),
        ("€ 3,5 Mio.", "3500000.00", "EUR"),
        ("CHF 7,2 mio.", "7200000.00", "CHF"),
        ("€ 250.000", "250000.00", "EUR"),
        ("EUR 1.500.000", "1500000.00", "EUR"),
        ("USD 3.9 mn", "3900000.00", "USD"),
    ],
)
def test_written_amounts_become_exact_decimals_with_iso_codes(text, amount, currency):
    (money,) = find_money(text)
    assert (money.amount, money.currency) == (Decimal(amount), currency)


def test_amounts_are_never_routed_through_float():
    (money,) = find_money("US$ 0.1 million")
    assert money.amount == Decimal("100000.00") and isinstance(money.amount, Decimal)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("totalled more than US$ 50.9 million", "more_than"),
        ("over USD 12.6 million", "more_than"),
        ("in excess of EUR 3 million", "more_than"),
        ("contributions exceeded US$ 5 million", "more_than"),
        ("approximately US$ 2 million", "about"),
        ("some EUR 3 million", "about"),
        ("around CHF 1 million", "about"),
        ("up to US$ 4 million", "up_to"),
        ("provided US$ 177.8 million", "exact"),
    ],
)
def test_qualifier_words_before_an_amount_are_recognised(text, qualifier):
    assert find_money(text)[0].qualifier == qualifier


def test_a_chart_caption_naming_a_currency_without_a_number_is_not_money():
    assert find_money("Japan's total contributions to the ILO 2018-2022, US$, Millions") == []


def test_postcodes_and_phone_numbers_are_not_money():
    assert find_money("CH-1211 Geneva 22, T: +41 22 799 7370") == []


def test_several_amounts_in_one_sentence_are_found_in_order():
    found = find_money("US$121.7 million in assessed and over USD 12.6 million in voluntary funding")
    assert [m.amount for m in found] == [Decimal("121700000.00"), Decimal("12600000.00")]


def test_a_year_after_an_amount_is_not_more_of_its_digits():
    """A table cell "GBP 12,000,000" / "2018–2021" reads as one line: commas group thousands, not spaces too."""
    (money,) = find_money("GBP 12,000,000 2018–2021")
    assert money.amount == Decimal("12000000.00")


@pytest.mark.parametrize(
    ("caption", "worth", "currency"),
    [
        ("Table 1. Contributions of Kuwait to the ILO by year (US$ million)", "1000000.00", "USD"),
        ("Amount (CHF thousands)", "1000.00", "CHF"),
        ("(million USD)", "1000000.00", "USD"),
        ("Amount (in EUR)", "1.00", "EUR"),
    ],
)
def test_a_table_unit_in_brackets_says_what_one_is_worth(caption, worth, currency):
    unit = table_unit(caption)
    assert (unit.amount, unit.currency) == (Decimal(worth), currency)


def test_brackets_without_a_currency_give_no_unit():
    assert table_unit("Contributions (2020–2023)") is None


def test_a_number_in_words_without_a_currency_is_not_money():
    assert find_money("two million people work in the sector") == []


def test_a_dollar_sign_with_a_code_after_the_amount_is_that_currency():
    (money,) = find_money("approved a further $5,000,000 MXN for the second phase")
    assert (money.amount, money.currency) == (Decimal("5000000.00"), "MXN")


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("granted R 12,5 million for", "12500000.00", "ZAR"),
        ("paid R250 000 in 2020", "250000.00", "ZAR"),
        ("R$ 4.5 million", "4500000.00", "BRL"),
        ("12 million rand", "12000000.00", "ZAR"),
        ("₹ 25 crore", "250000000.00", "INR"),
        ("INR 4 lakh", "400000.00", "INR"),
        ("₺1.2 million", "1200000.00", "TRY"),
    ],
)
def test_more_currency_signs_and_scales(text, amount, currency):
    (money,) = find_money(text)
    assert (money.amount, money.currency) == (Decimal(amount), currency)


@pytest.mark.parametrize("text", ["Table R 2 shows", "Annex R 2019", "see R 12 below"])
def test_a_capital_r_before_a_small_number_is_not_rand(text):
    assert find_money(text) == []
