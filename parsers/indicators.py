"""Figures about the partner that are not money to the ILO: ODA, ODA/GNI, donor rank."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.document import Block
from extractors.text import squash
from parsers.contributions import ODA
from parsers.figures import statements
from parsers.money import find_money
from parsers.numbers import ORDINAL_WORD, parse_ordinal
from parsers.sentences import split_sentences

PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s?(?:%|per ?cent|percent)")  # "0.38%", "0,45 %"
RANK = re.compile(r"\b(?:the\s+)?(?:(" + ORDINAL_WORD + r")[- ]?)?largest\s+(?:\w+\s+){0,2}?(?:donor|provider|contributor)"
                  r"|\b(" + ORDINAL_WORD + r")\s+among\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:donors|providers)", re.I)  # "eleventh among the donors"
REGIONAL = re.compile(  # "... largest provider of development assistance in the Arab region": not its rank among donors
    r"^\s*(?:[\w-]+\s+){0,4}?(?:in|among|within)\s+(?:the\s+)?(?:(?:[A-Z][\w-]*\s+)+world|(?:[A-Z][\w-]*\s+)*"
    r"(?:region|Gulf|Middle East|Asia|Africa|Europe|Americas|Latin America|Pacific|Caribbean))\b"
    r"|^\s*(?:[\w-]+\s+){0,4}?among\s+(?:the\s+)?(?:Arab|Gulf|Nordic|Asian|African|European|Islamic)\b")
TARGET = re.compile(r"\btarget\s+(?:of\s+)?(?:\w+\s+){0,2}$", re.I)  # "the UN target of 0.7 per cent": not the partner's
ONE_OF = re.compile(r"\bone\s+of\s+(?:the\s+)?$", re.I)
GROUP = re.compile(r"\b(?:Arab|Gulf|Nordic|Asian|African|European|Islamic|Pacific|regional|bilateral)\b")
YEAR_IN = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Ff]or|[Aa]s of|[Bb]y)\s+((?:19|20)\d\d)\b")
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Indicator:
    name: str
    value: float
    year: int | None
    page: int
    evidence: str


def _year(sentence: str) -> int | None:
    """The year a figure is for: 'In 2021' first, never the year of a cited source."""
    outside = re.sub(r"\([^)]*\)", " ", sentence)
    match = YEAR_IN.search(outside) or YEAR.search(outside)
    return int(match.group(1)) if match else None


def from_sentence(sentence: str, page: int) -> list[Indicator]:
    if not ODA.search(sentence) and not RANK.search(sentence):
        return []
    year = _year(sentence)
    evidence = squash(sentence)
    found = []
    if ODA.search(sentence):
        usd = [m for m in find_money(sentence) if m.currency == "USD"]
        if usd:
            found.append(Indicator("oda_usd", float(usd[0].amount), year, page, evidence))
        percent = next((m for m in PERCENT.finditer(sentence) if not TARGET.search(sentence[:m.start()])), None)
        if percent and re.search(r"gross national income|\bGNI\b", sentence, re.I):
            found.append(Indicator("oda_gni_percent", float(percent.group(1).replace(",", ".")), year, page, evidence))
    rank = RANK.search(sentence)
    if rank and re.search(r"donor|development|ODA|assistance", sentence, re.I) and not _not_a_rank(sentence, rank):
        ordinal = rank.group(1) or rank.group(2)
        value = parse_ordinal(ordinal) if ordinal else 1
        if value:
            found.append(Indicator("oda_donor_rank", float(value), year, page, evidence))
    return found


def _not_a_rank(sentence: str, rank: re.Match[str]) -> bool:
    """'one of the largest donors' names no place; a rank within a region or a group ('the largest
    Arab donor', '... in the Arab region') is not the partner's rank among donors."""
    return bool(ONE_OF.search(sentence[:rank.start()]) or GROUP.search(rank.group(0)) or REGIONAL.search(sentence[rank.end():]))


def find_indicators(blocks: list[Block]) -> list[Indicator]:
    found: dict[str, Indicator] = {}
    for block in statements(blocks):
        if block.kind == "table":
            continue
        for offset, sentence in split_sentences(block.text):
            for indicator in from_sentence(sentence, block.page_at(offset)):
                found.setdefault(indicator.name, indicator)
    return list(found.values())
