"""Money as briefs write it ("US$ 177.8 million", "EUR 900,000", "12.6 million US dollars") → Decimal + ISO 4217."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pycountry

from parsers.numbers import NUMBER_WORD, parse_count

SYMBOLS = {
    "US$": "USD", "US $": "USD", "USD": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "CHF": "CHF", "SFr.": "CHF", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "₩": "KRW", "kr": "SEK",
    "R$": "BRL", "R": "ZAR", "₹": "INR", "₺": "TRY", "₱": "PHP", "₦": "NGN",
}
CURRENCY_WORDS = {
    "us dollars": "USD", "dollars": "USD", "euros": "EUR", "euro": "EUR", "swiss francs": "CHF",
    "pounds sterling": "GBP", "yen": "JPY", "danish kroner": "DKK", "danish krone": "DKK",
    "norwegian kroner": "NOK", "norwegian krone": "NOK", "swedish kronor": "SEK", "swedish krona": "SEK",
    "won": "KRW", "rand": "ZAR", "reais": "BRL", "rupees": "INR",
}
SCALES = {
    "thousand": Decimal(1_000), "thousands": Decimal(1_000), "k": Decimal(1_000),
    "million": Decimal(1_000_000), "millions": Decimal(1_000_000), "m": Decimal(1_000_000), "mn": Decimal(1_000_000), "mio": Decimal(1_000_000), "mrd": Decimal(1_000_000_000),
    "crore": Decimal(10_000_000), "crores": Decimal(10_000_000), "lakh": Decimal(100_000), "lakhs": Decimal(100_000),
    "billion": Decimal(1_000_000_000), "billions": Decimal(1_000_000_000), "bn": Decimal(1_000_000_000), "b": Decimal(1_000_000_000),
}
QUALIFIERS = (
    ("more_than", r"(?:more than|over|in excess of|exceed(?:ed|ing|s)?|above|upwards of|at least|surpass(?:ed|ing)?)"),
    ("about", r"(?:approximately|approx\.|about|around|some|roughly|nearly|almost|close to|an estimated|estimated at|circa|ca\.)"),
    ("up_to", r"(?:up to|at most|not exceeding|less than|under|below)"),
)

_LARGE = r"\s?(?:[Mm]illions?|[Bb]illions?|mn|bn|[Mm]io|[Mm]rd)\b"
_NUMBER = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?|\d{1,3}(?:['’]\d{3})+(?:\.\d+)?"
           r"|\d+,\d{1,2}(?=" + _LARGE + r")"  # a decimal comma before a scale: "€ 3,5 Mio.", "CHF 7,2 mio."
           r"|\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d|" + _LARGE + r")"  # dots grouping thousands: "€ 250.000", "EUR 1.500.000"
           r"|\d+(?:\.\d+)?")  # one thousands separator throughout: commas, spaces, Swiss apostrophes or dots
_SCALE = r"(?:\s?(?P<scale>thousands?|millions?|billions?|crores?|lakhs?|mn|Mn|MN|mio|Mio|Mrd|mrd|bn|Bn|BN|m|M|k|K|b)\b)?"
_CODE = r"[A-Z]{3}"
_RAND = r"(?<![\w.])R(?=\s?\d[\d,.]*" + _LARGE + r"|\s?\d{1,3}(?:[,\u00a0 ]\d{3})+(?![\d.]))"  # "R 12,5 million", "R250 000"
_PREFIX = re.compile(
    r"(?P<cur>US\s?\$|NZ\$|A\$|C\$|R\$|SFr\.|[$€£¥₩₹₺₱₦]|" + _RAND + "|" + _CODE + r")\s?(?P<num>" + _NUMBER + r")" + _SCALE
)
_SUFFIX = re.compile(
    r"(?<![\w.,])(?P<num>" + _NUMBER + r")" + _SCALE + r"\s?(?P<cur>" + _CODE + r"\b|"
    + "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True)) + r")",
    re.IGNORECASE,
)


_IN_WORDS = re.compile(  # "two million Swiss francs", "USD three million": a number in words needs a scale
    r"(?:\b(?P<cur1>" + _CODE + r"|US\$)\s)?\b(?P<num>" + NUMBER_WORD + r")\s(?P<scale>thousand|million|billion)\b"
    r"(?:\s(?P<cur2>" + _CODE + r"\b|" + "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True)) + r"))?",
    re.IGNORECASE)


DOLLAR_CODE = re.compile(r"\s?(AUD|CAD|MXN|NZD|USD|HKD|SGD|ARS|CLP|COP)\b")


@dataclass(frozen=True)
class Money:
    """An amount found in text, with where it was and how it was qualified."""

    amount: Decimal
    currency: str
    qualifier: str
    start: int
    end: int


def _currency(token: str) -> str | None:
    token = re.sub(r"^US\s\$$", "US$", token)
    if token in SYMBOLS:
        return SYMBOLS[token]
    if token.lower() in CURRENCY_WORDS:
        return CURRENCY_WORDS[token.lower()]
    if re.fullmatch(_CODE, token) and pycountry.currencies.get(alpha_3=token):
        return token
    return None


def _amount(number: str, scale: str | None) -> Decimal:
    if re.fullmatch(r"\d+,\d{1,2}", number):
        digits = number.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number) and not scale:
        digits = number.replace(".", "")
    else:
        digits = re.sub(r"[,\s'’]", "", number)
    value = Decimal(digits)
    if scale:
        value *= SCALES[scale.lower()]
    return value.quantize(Decimal("0.01"))


def table_unit(text: str) -> Money | None:
    """What 1 in a table's bare numbers is worth, from the unit its caption or header gives in
    brackets: "(US$ million)" → USD 1,000,000; "(CHF thousands)", "(million USD)", "(EUR)"."""
    for match in re.finditer(r"\(([^()]{1,30})\)", text):
        unit = re.sub(r"^in\s+", "", match.group(1).strip())
        first, _, rest = unit.partition(" ")
        for candidate in (f"{first} 1 {rest}", f"1 {unit}"):
            found = find_money(candidate)
            if len(found) == 1 and found[0].end - found[0].start == len(candidate.strip()):
                return found[0]
    return None


def qualifier_before(text: str, start: int) -> str:
    """The qualifier written just before an amount ("more than US$ 5 million") or 'exact'."""
    window = text[max(0, start - 40):start].lower()
    for name, pattern in QUALIFIERS:
        if re.search(r"\b" + pattern + r"\s*(?:the\s+)?(?:sum of\s+|amount of\s+|total of\s+)?$", window):
            return name
    return "exact"


def find_money(text: str) -> list[Money]:
    """Every amount of money in `text`, left to right."""
    found: list[Money] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_PREFIX, _SUFFIX):
        for match in pattern.finditer(text):
            if _overlaps(match, taken):
                continue
            currency = _currency(match.group("cur"))
            end = match.end()
            if pattern is _PREFIX and match.group("cur") == "$" and (code := DOLLAR_CODE.match(text, end)):
                currency, end = code.group(1), code.end()  # "$5,000,000 MXN": the code says which dollar or peso
            if currency is None:
                continue
            scale = match.group("scale")
            if scale and scale.lower() in ("m", "k", "b") and pattern is _SUFFIX:
                continue
            amount = _amount(match.group("num"), scale)
            if amount <= 0:
                continue
            taken.append((match.start(), end))
            found.append(Money(amount, currency, qualifier_before(text, match.start()), match.start(), end))
    for match in _IN_WORDS.finditer(text):
        currency = _currency(match.group("cur1") or match.group("cur2") or "")
        count = parse_count(match.group("num"))
        if currency is None or not count or match.group("num").isdigit():
            continue
        if not _overlaps(match, taken):
            amount = _amount(str(count), match.group("scale"))
            found.append(Money(amount, currency, qualifier_before(text, match.start()), match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def _overlaps(match: re.Match[str], taken: list[tuple[int, int]]) -> bool:
    """Whether the match overlaps an amount already found."""
    return any(match.start() < end and start < match.end() for start, end in taken)
