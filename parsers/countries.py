"""Country names as briefs write them (UN and common forms) → ISO 3166-1 alpha-3."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

ALIASES = {
    "Viet Nam": "VNM", "Vietnam": "VNM",
    "Lao PDR": "LAO", "Laos": "LAO", "Lao People's Democratic Republic": "LAO",
    "Laos People's Democratic Republic": "LAO", "Lao P.D.R.": "LAO",
    "Türkiye": "TUR", "Turkiye": "TUR", "Turkey": "TUR",
    "Côte d'Ivoire": "CIV", "Cote d'Ivoire": "CIV", "Ivory Coast": "CIV",
    "Occupied Palestinian Territory": "PSE", "occupied Palestinian territory": "PSE",
    "Occupied Palestinian Territories": "PSE", "Palestine": "PSE", "State of Palestine": "PSE",
    "Gaza": "PSE", "West Bank": "PSE",
    "Timor-Leste": "TLS", "East Timor": "TLS",
    "Korea": "KOR", "South Korea": "KOR", "Republic of Korea": "KOR", "North Korea": "PRK",
    "Democratic People's Republic of Korea": "PRK",
    "Tanzania": "TZA", "United Republic of Tanzania": "TZA",
    "Democratic Republic of the Congo": "COD", "DR Congo": "COD", "DRC": "COD", "Republic of the Congo": "COG",
    "Russia": "RUS", "Syria": "SYR", "Iran": "IRN", "Moldova": "MDA", "Bolivia": "BOL", "Venezuela": "VEN",
    "Cabo Verde": "CPV", "Cape Verde": "CPV", "Eswatini": "SWZ", "Swaziland": "SWZ",
    "North Macedonia": "MKD", "Czech Republic": "CZE", "Czechia": "CZE", "Burma": "MMR", "Brunei": "BRN",
    "the Gambia": "GMB", "Gambia": "GMB", "Kyrgyz Republic": "KGZ", "Micronesia": "FSM",
    "United States": "USA", "United States of America": "USA", "USA": "USA",
    "United Kingdom": "GBR", "UK": "GBR", "Great Britain": "GBR", "Netherlands": "NLD",
    "the Philippines": "PHL", "Philippines": "PHL", "Slovak Republic": "SVK", "Vatican": "VAT",
}


@dataclass(frozen=True)
class CountryMention:
    iso3: str
    name: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    ambiguous: set[str] = set()
    for country in pycountry.countries:
        forms = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}
        for form in list(forms):
            if form and ", " in form:
                head, tail = form.split(", ", 1)
                forms.add(f"{tail} {head}")
                forms.add(head)
        for form in filter(None, forms):
            if form in names and names[form] != country.alpha_3:
                ambiguous.add(form)
            names[form] = country.alpha_3
    for form in ambiguous:
        names.pop(form, None)
    names.update(ALIASES)
    return names


CONNECTORS = {"and", "of", "the", "&"}  # lower case inside a country's name set in capitals
CURRENCY_AFTER = r"(?!\s+dollars?\b)"  # "United States dollars" names a currency, not a place


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    forms = sorted(_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:the\s+)?(" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])" + CURRENCY_AFTER)


def find_countries(text: str) -> list[CountryMention]:
    """Every country named in `text`, left to right, longest name first ("Papua New Guinea", not "Guinea")."""
    names = _names()
    return [CountryMention(names[m.group(1)], m.group(1), m.start(1), m.end(1)) for m in _pattern().finditer(text)]


def country_code(name: str) -> str | None:
    """ISO3 of a name that is a country ("Japan", "the Republic of Korea"), else None."""
    cleaned = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    names = _names()
    if cleaned in names:
        return names[cleaned]
    try:
        return pycountry.countries.lookup(cleaned).alpha_3
    except LookupError:
        return None


def unshouted(text: str) -> str:
    """Words set in capitals as country names are written ("BOSNIA AND HERZEGOVINA" → "Bosnia
    and Herzegovina"), so that they are found as countries; other words as they are."""
    return " ".join(word.lower() if word.lower() in CONNECTORS else word.capitalize() if word.isupper() else word
                    for word in text.split())
