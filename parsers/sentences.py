"""Split block text into sentences, keeping each sentence's offset (for its page)."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(\[•▶►■–-])")
_ABBREVIATIONS = re.compile(r"(?:\b(?:e\.g|i\.e|etc|approx|No|Nos|Dr|Mr|Mrs|Ms|St|Art|vs|cf|incl|U\.S|U\.K|Ltd|Co|Inc|Jr|Sr|Fig|p|pp|para|Vol)\.|\b[A-Z]\.)$")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a full stop after an abbreviation or an initial does not end one."""
    sentences: list[tuple[int, str]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if _ABBREVIATIONS.search(text[start:match.start()]):
            continue
        piece = text[start:match.start()].strip()
        if piece:
            sentences.append((start, piece))
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append((start, tail))
    return sentences
