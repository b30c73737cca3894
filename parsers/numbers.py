"""Numbers written in words, as briefs write counts and ranks ("eight", "third")."""

from __future__ import annotations

import re

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}
NUMBER_WORD = r"(?:\d{1,4}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|" + "|".join(_UNITS) + ")"
ORDINAL_WORD = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(_ORDINALS) + ")"


def parse_count(text: str) -> int | None:
    """'39' → 39, 'eight' → 8, 'twenty-one' → 21; None when it is not a number."""
    word = text.strip().lower()
    if word.isdigit():
        return int(word)
    if word in _UNITS:
        return _UNITS.index(word)
    parts = re.split(r"[- ]", word)
    if parts[0] in _TENS:
        if len(parts) == 1:
            return _TENS[parts[0]]
        if len(parts) == 2 and parts[1] in _UNITS[1:10]:
            return _TENS[parts[0]] + _UNITS.index(parts[1])
    return None


def parse_ordinal(text: str) -> int | None:
    """'third' → 3, '5th' → 5."""
    word = text.strip().lower()
    match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word)
    if match:
        return int(match.group(1))
    return _ORDINALS.get(word)
