"""Which parts of a brief are written in English.

A brief may carry a second language beside or after the English (an English and a Spanish
column, a French version after the English one). The records come from the English: a
section written in another language repeats it, and read as well it would list every project
twice, under two titles. Telling the languages apart needs no model here: function words
("the", "and", "of" against "de", "la", "et", "und") are frequent in any sentence and belong
to one language each.
"""

from __future__ import annotations

import re

ENGLISH = frozenset("the and of to in for is with on its by are was from has that this which".split())
OTHER = frozenset(  # none that English text also writes ("do", "die", "UN", "et al", ".com")
    "de la el los las y en para por del una su sus "  # Spanish
    "le les des et du pour est dans au aux une sur "  # French
    "und der das für mit von zu ist "  # German
    "dos em não ao pelo pela".split()  # Portuguese
)
MIN_WORDS = 3  # function words of another language before a text counts as written in it
WORD = re.compile(r"[^\W\d_]+")


def foreign(text: str) -> bool:
    """Whether `text` is written in another language than English: at least MIN_WORDS of the
    other languages' function words, and more than twice as many as English ones."""
    words = [word.lower() for word in WORD.findall(text)]
    english = sum(1 for word in words if word in ENGLISH)
    other = sum(1 for word in words if word in OTHER)
    return other >= MIN_WORDS and other > 2 * english
