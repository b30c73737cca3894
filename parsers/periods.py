"""Year periods: "between 2018 and 2022", "from 2015 to 2018", "2018-2022", "2018-19", "(2021-24)",
"FY2021–22" (a fiscal year's calendar years), "in 2021"."""

from __future__ import annotations

import re
from dataclasses import dataclass

YEAR = r"(?:19|20)\d\d"
DASH = r"\s?[-–—/]\s?"
RANGE = re.compile(
    r"(?:\b|(?<=\bFY))(?:between\s+(?P<a1>" + YEAR + r")\s+and\s+(?P<b1>" + YEAR + r")"
    r"|from\s+(?P<a2>" + YEAR + r")\s+(?:to|until|through|till)\s+(?P<b2>" + YEAR + r")"
    r"|(?P<a3>" + YEAR + r")" + DASH + r"(?:FY\s?)?(?P<b3>" + YEAR + r"|\d\d)(?![\d])"
    r"|(?P<a4>" + YEAR + r")\s+(?:to|until|through)\s+(?:FY\s?)?(?P<b4>" + YEAR + r"))\b",
    re.IGNORECASE,
)
SHORT_MONTH = r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+)?"  # "Mar ", "March ", "Sept. ", or none
BARE_PERIOD = re.compile(  # a text that is only a period: "2019–2022", "2021 – ongoing", "Mar 2023 – Feb 2026", "Since 2018", "2022"
    r"^(?:(?:Since|From)\s+)?" + SHORT_MONTH + YEAR + r"(?:\s*[-–—]\s*(?:" + SHORT_MONTH + r"(?:19|20)?\d\d|ongoing|present|today))?$",
    re.IGNORECASE)
SINGLE = re.compile(r"(?<![\d/.-])(?P<y>" + YEAR + r")(?![\d/-])")


@dataclass(frozen=True)
class Period:
    """Years start..end (end None for an open period, "since 2010") found at text[begin:finish]."""

    start: int
    end: int | None
    begin: int
    finish: int


SINCE = re.compile(r"\bsince\s+(?P<y>" + YEAR + r")\b", re.IGNORECASE)


def end_year_of(start: int, end: str) -> int:
    """The full end year of a range: "2019–23" ends in 2023, "1998–02" in 2002."""
    if len(end) == 2:
        year = start // 100 * 100 + int(end)
        return year if year >= start else year + 100
    return int(end)


def find_ranges(text: str) -> list[Period]:
    """Year ranges in `text`, with end ≥ start (a range that runs backwards is not a period)."""
    periods = []
    for match in RANGE.finditer(text):
        for a, b in (("a1", "b1"), ("a2", "b2"), ("a3", "b3"), ("a4", "b4")):
            if match.group(a):
                start, end = int(match.group(a)), end_year_of(int(match.group(a)), match.group(b))
                if start <= end <= start + 30:
                    periods.append(Period(start, end, match.start(), match.end()))
                break
    return periods


def find_periods(text: str) -> list[Period]:
    """Ranges first ("since 2010" is an open one), then single years not part of a range, left to right."""
    ranges = find_ranges(text) + [Period(int(m.group("y")), None, m.start(), m.end()) for m in SINCE.finditer(text)]
    singles = [
        Period(int(m.group("y")), int(m.group("y")), m.start(), m.end())
        for m in SINGLE.finditer(text)
        if not any(r.begin <= m.start() < r.finish for r in ranges)
    ]
    return sorted(ranges + singles, key=lambda p: p.begin)


TRAILING_RANGE = re.compile(
    r"[\s,:–—-]*\(?\s*(?P<a>" + YEAR + r")\s?(?:[-–—/]|to)\s?(?P<b>" + YEAR + r"|\d\d)\s*\)?\.?\s*$"
)
TRAILING_SINGLE = re.compile(r"[\s,:–—-]*\((?P<a>" + YEAR + r")\)\s*$")
EXTENDED = re.compile(r"\s*\((?:later\s+)?(?:extended|prolonged)\s+(?:to|until|through)\s+(?P<y>" + YEAR + r")\)\.?\s*$", re.IGNORECASE)
OPEN_END = r"(?:\s?[-–—]\s?(?:ongoing|present|today|now)|\s+onwards?)"  # "2022 – ongoing", "2020 onwards"
TRAILING_OPEN = re.compile(
    r"[\s,:–—-]*(?:\(?\s*(?P<a>" + YEAR + r")" + OPEN_END + r"\s*\)?|\(\s*since\s+(?P<since>" + YEAR + r")\s*\))\.?\s*$",
    re.IGNORECASE)  # "(since 2021)" in brackets only: "Member State since 1972" is no period of a project
OPEN_RANGE = re.compile(r"\b(?P<a>" + YEAR + r")" + OPEN_END + r"\b", re.IGNORECASE)


def split_trailing_years(heading: str) -> tuple[str, int | None, int | None]:
    """'Title (2021-24)' → ('Title', 2021, 2024); 'Title (2022 – ongoing)' and 'Title (since 2022)'
    → ('Title', 2022, None); 'Title, 2021–2023 (extended to 2025)' → ('Title', 2021, 2025); a
    heading without years keeps None, None."""
    if extended := EXTENDED.search(heading):
        title, start, end = split_trailing_years(heading[:extended.start()])
        if start is not None and end is not None and int(extended.group("y")) >= end:
            return title, start, int(extended.group("y"))
    match = TRAILING_RANGE.search(heading)
    if match:
        start = int(match.group("a"))
        end = end_year_of(start, match.group("b"))
        if start <= end:
            return heading[: match.start()].strip(), start, end
    match = TRAILING_SINGLE.search(heading)
    if match:
        year = int(match.group("a"))
        return heading[: match.start()].strip(), year, year
    match = TRAILING_OPEN.search(heading)
    if match:
        return heading[: match.start()].strip(), int(match.group("a") or match.group("since")), None
    return heading.strip(), None, None
