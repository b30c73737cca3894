"""Character-level clean-up shared by extraction: quotes, ligatures, spaces."""

from __future__ import annotations

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u00ad": "",
        "\u2010": "-",
        "\u2011": "-",
    }
)
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_SPACES = re.compile(r"\s+")


def clean_word(text: str) -> str:
    """Straighten quotes, expand ligatures and drop soft hyphens, as the briefs' readers expect."""
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(_TRANSLATE)


def squash(text: str) -> str:
    """Whitespace-normalise: one space between words, none at the ends."""
    return _SPACES.sub(" ", text).strip()


_KEEP_HYPHEN_PREFIXES = frozenset(
    "self multi non co cross well cost long short low high full part small medium large "
    "post pre anti socio sub e".split()
)


def join_hyphenated(left: str, right: str) -> str | None:
    """Rejoin a word broken at a line end ("develop-" + "ment"), or None to keep the hyphen.

    Real compounds keep their hyphen: a number or capital after the break ("2021-" "24",
    "COVID-" "19", "Timor-" "Leste") and common compound prefixes ("multi-" "bilateral").
    """
    if not left.endswith("-") or len(left) < 3 or not right:
        return None
    stem = left[:-1]
    if not stem[-1].isalpha() or not right[0].islower():
        return None
    last_part = re.split(r"[-/]", stem)[-1].lower()
    if last_part in _KEEP_HYPHEN_PREFIXES or "-" in stem:
        return None
    return stem + right
