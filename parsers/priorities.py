"""The partner's development-assistance priorities: the list under a priorities heading or sentence."""

from __future__ import annotations

import re

from extractors.text import squash
from parsers.sections import Section

PRIORITY_LABEL = re.compile(r"^(?:priority|pillar|focus area|area)\s*(?:\d+|[IVX]+|[A-Z])\b[.:]?$", re.IGNORECASE)
PRIORITIES = re.compile(r"priorit|focus areas?\b|areas? of focus|(?:strategic|thematic) pillars", re.IGNORECASE)  # a foundation's


def find_priorities(sections: list[Section]) -> list[str]:
    """List items under a heading about priorities, or after a sentence introducing them."""
    for section in sections:
        introduced = bool(PRIORITIES.search(section.title))
        items: list[str] = []
        for block in section.blocks:
            if block.kind == "table" and (listed := _priority_rows(block.rows or [])):
                return listed
            if block.kind == "paragraph":
                if items:
                    break
                introduced = introduced or (bool(PRIORITIES.search(block.text)) and block.text.rstrip().endswith(":"))
            elif block.kind == "list_item" and introduced:
                items.append(squash(block.text).rstrip(".;,").strip())
        if items:
            return items
    return []


def _priority_rows(rows: list[list[str]]) -> list[str]:
    """A table whose rows are labelled as priorities ("Priority 1 | Digital transformation"): the
    text beside each label."""
    labelled = [row for row in rows if len(row) >= 2 and PRIORITY_LABEL.match(squash(row[0]))]
    return [squash(row[1]) for row in labelled] if len(labelled) >= 2 and len(labelled) == len(rows) else []
