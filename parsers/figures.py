"""Key figures: a figure set apart from the words that say what it is, read as one statement.

A key-figures box or a slide's tile sets an amount on a line of its own, with a short label above
it ("Assessed contribution, 2022–23" / "NZD 2.1 million") or a caption under it ("US$ 2.2 million"
/ "Assessed contribution, 2022–23 biennium"). Joined as "label: amount", the pair reads like any
other sentence to the contributions and indicators parsers.
"""

from __future__ import annotations

import dataclasses

from extractors.blocks import TERMINAL
from extractors.document import Block
from parsers.money import find_money

MAX_LABEL_WORDS = 12


def statements(blocks: list[Block]) -> list[Block]:
    """The blocks, with each label and its amount (in either order) joined into one paragraph."""
    joined: list[Block] = []
    index = 0
    while index < len(blocks):
        block, after = blocks[index], blocks[index + 1] if index + 1 < len(blocks) else None
        if after is not None and block.kind != "table" and after.kind != "table":
            if is_label(block.text) and is_amount(after.text):
                joined.append(_statement(block, after))
                index += 2
                continue
            if is_amount(block.text) and is_label(after.text):
                joined.append(_statement(after, block))
                index += 2
                continue
        joined.append(block)
        index += 1
    return joined


def is_label(text: str) -> bool:
    """A key figure's label or caption: short, no amount, no full stop."""
    return len(text.split()) <= MAX_LABEL_WORDS and not find_money(text) and not TERMINAL.search(text)


def is_amount(text: str) -> bool:
    """A key figure: one amount and at most a qualifier word or two ("over NZD 14 million")."""
    amounts = find_money(text)
    return len(amounts) == 1 and len((text[:amounts[0].start] + text[amounts[0].end:]).split()) <= 2


def _statement(label: Block, value: Block) -> Block:
    return dataclasses.replace(value, kind="paragraph", text=f"{label.text}: {value.text}", page_starts=[(0, value.page)])
