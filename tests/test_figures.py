"""Key figures: a label and its amount, in either order, read as one statement."""

from __future__ import annotations

from extractors.document import Block
from parsers.contributions import find_contributions
from parsers.figures import statements
from parsers.indicators import find_indicators


def _blocks(*texts: str) -> list[Block]:
    return [Block(kind="paragraph", text=text, page=3, size=12.0) for text in texts]


def test_a_caption_under_an_amount_and_a_label_over_one_are_each_one_statement():
    joined = statements(_blocks("US$ 2.2 million", "Assessed contribution, 2022–23 biennium",
                                "Voluntary funding, 2018–2022", "NZD 14 million"))
    assert [b.text for b in joined] == ["Assessed contribution, 2022–23 biennium: US$ 2.2 million",
                                        "Voluntary funding, 2018–2022: NZD 14 million"]


def test_tiles_side_by_side_each_pair_their_own_amount_and_caption():
    rows = find_contributions(_blocks("US$ 2.2 million", "Assessed contribution, 2022–23 biennium",
                                      "over US$ 32 million", "Voluntary contributions to the ILO, 2018–2022"))
    assert [(r.kind, r.amount, r.qualifier, r.period_start, r.period_end) for r in rows] == [
        ("assessed", 2200000, "exact", 2022, 2023), ("voluntary", 32000000, "more_than", 2018, 2022)]


def test_an_oda_tile_gives_the_indicators():
    found = {i.name: (i.value, i.year) for i in find_indicators(_blocks("US$ 1.2 bn", "Official development assistance in 2021, or 0.71% of GNI"))}
    assert found == {"oda_usd": (1.2e9, 2021), "oda_gni_percent": (0.71, 2021)}


def test_a_sentence_is_no_label():
    assert [b.text for b in statements(_blocks("US$ 2.2 million", "Qatar pays its dues on time."))] == [
        "US$ 2.2 million", "Qatar pays its dues on time."]
