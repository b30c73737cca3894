"""Money from the partner to the ILO, from bullets, prose or a table."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from extractors.document import Block
from extractors.text import squash
from parsers.figures import statements
from parsers.money import Money, find_money, qualifier_before, table_unit
from parsers.periods import Period, find_periods
from parsers.sentences import split_sentences

KINDS = (
    ("voluntary_core", re.compile(r"un[-\s]?earmarked|non[-\s]earmarked|\bcore\b(?! budget)|RBSA|Regular Budget Supplementary|flexible funding", re.I)),
    ("assessed", re.compile(r"assessed|regular budget(?! supplementary)|membership (?:fees?|dues|contributions?)|core budget", re.I)),
    ("voluntary_non_core", re.compile(r"(?<![\w-])(?<!un )(?<!non )earmarked|voluntar\w*\s*[–—:(-]\s*projects?\b|non-core|extra-?budgetary|XBDC|XBTC|specific projects|development cooperation projects|fund(?:ed|ing|s)? (?:ILO |specific )?projects|projects worth|"
                                      r"\b(?:for|to) (?:a |the |its )?(?:new |specific |ILO(?:['’]s)? |second |next |further )?(?:programmes?|projects?|phases?)\b(?! and budget)", re.I)),
    ("total", re.compile(r"\btotal\b|\boverall\b|\bin all\b|\baltogether\b|\bcombined\b|\bcumulative", re.I)),
    ("voluntary", re.compile(r"voluntar", re.I)),
)
ODA = re.compile(r"development assistance|\bODA\b|gross national income|\bGNI\b|development aid", re.I)
LINKED_AFTER = re.compile(r"^\.?\s*(?:\)|,)?\s*(?:in|as|of|for|was|were|is|are|to|went to|in the form of|towards?)\b", re.I)
TO_ILO = re.compile(r"\b(?:ILO|contribut\w*|provided|funded|gave|paid|disbursed)\b")
LOAN = re.compile(r"\bloans?\b|\s*\(?(?:as a loan|on loan|repayable)\b", re.IGNORECASE)
NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s|;")
OF_THIS = re.compile(r"^(?:Of (?:this|these|that|which|the total)|Of it)\b", re.IGNORECASE)  # a share of the money just stated
CONVERSION = re.compile(  # "(approximately USD 1.2 million)" right after an amount
    r"\s*\(\s*(?:approx(?:imately|\.)?|about|around|some|roughly|or|i\.e\.,?|equivalent to|c\.|ca\.)?\s*(?P<amount>[^()]{1,40})\)",
    re.IGNORECASE)
DOTTED_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")  # "16.872.430": dots group thousands
BARE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Contribution:
    kind: str
    amount: Decimal
    currency: str
    qualifier: str
    period_start: int | None
    period_end: int | None
    page: int
    evidence: str


TOTAL = dict(KINDS)["total"]


def kind_of(text: str, leading_to_amount: bool = False) -> str | None:
    """The contribution kind named in `text`, the most specific first; a total that names
    the kinds it adds up ("assessed and voluntary combined") is still a total. In the words
    `leading_to_amount`, a total named after the one other kind is the amount's
    ("Including its assessed contributions, its total funding came to USD 54 million"), and
    one named before it is not ("the total of assessed contributions was USD 5 million")."""
    named = [kind for kind, pattern in KINDS if pattern.search(text)]
    if "total" in named and len(named) > 2:
        return "total"
    if {"voluntary_core", "voluntary_non_core"} <= set(named) and "assessed" not in named:
        return "voluntary"  # "voluntary funding, both to the RBSA and to projects": neither kind alone
    if leading_to_amount and "total" in named and len(named) == 2:
        return max(named, key=lambda kind: _last_mention(kind, text))
    return named[0] if named else None


def _last_mention(kind: str, text: str) -> int:
    """Where the last words naming `kind` in `text` end."""
    return max(match.end() for match in dict(KINDS)[kind].finditer(text))


def _refine(kind: str | None, lead: str) -> str | None:
    """A bullet's lead or a run-in heading ("Voluntary contributions earmarked to ...",
    "Total.") says which money it is when the sentence itself does not."""
    lead_kind = kind_of(lead)
    if kind in (None, "voluntary") and lead_kind:
        return lead_kind if kind is None or lead_kind.startswith("voluntary") else kind
    return kind


def _nearest(periods: list[Period], money: Money) -> Period | None:
    if not periods:
        return None
    ranges = [p for p in periods if p.end is not None and p.start != p.end] or periods  # an open period competes by distance
    return min(ranges, key=lambda p: min(abs(p.begin - money.end), abs(money.start - p.finish)))


def from_sentence(sentence: str, lead: str, fallback: list[Period], page: int) -> list[Contribution]:
    """One row per amount; its kind from the words bound to it, else the bullet's lead."""
    amounts = _without_conversions(sentence, find_money(sentence))
    if not amounts or (ODA.search(sentence) and "ILO" not in sentence):
        return []
    periods = find_periods(sentence)
    rows = []
    for index, money in enumerate(amounts):
        after_end = amounts[index + 1].start if index + 1 < len(amounts) else len(sentence)
        before_start = amounts[index - 1].end if index else 0
        after, before = CONVERSION.sub("", sentence[money.end:after_end], count=1), sentence[before_start:money.start]
        after = NEXT_CLAUSE.split(after, maxsplit=1)[0]  # "… in earmarked funding for X, and in 2021 … un-earmarked …"
        if LOAN.search(NEXT_CLAUSE.split(before)[-1]) or LOAN.match(after):
            continue  # "an interest-free loan of CHF 80 million … to be repaid": lent, not given
        kind = kind_of(after) if LINKED_AFTER.match(after) else None
        kind = kind or kind_of(before, leading_to_amount=True)
        kind = _refine(kind, lead)
        if kind is None and TO_ILO.search(sentence):
            kind = "total"
        if kind is None:
            continue
        period = _nearest(_in_clause(periods, sentence, before_start, after_end, money), money) or (fallback[0] if fallback else None)
        rows.append(
            Contribution(kind, money.amount, money.currency, money.qualifier,
                         period.start if period else None, period.end if period else None, page, squash(sentence))
        )
    return rows


def _in_clause(periods: list[Period], sentence: str, before_start: int, after_end: int, money: Money) -> list[Period]:
    """The periods of the amount's own clause, if it names any ("… for 2021–2023, and in 2022
    South Africa paid …, US$ 750k": 2022), else every period of the sentence."""
    starts = [m.end() for m in NEXT_CLAUSE.finditer(sentence, before_start, money.start)]
    clause_start = starts[-1] if starts else 0
    after = NEXT_CLAUSE.search(sentence, money.end, after_end)
    clause_end = after.start() if after else len(sentence)
    own = [p for p in periods if clause_start <= p.begin and p.finish <= clause_end]
    return own or periods


def _without_conversions(sentence: str, amounts: list[Money]) -> list[Money]:
    """The amounts, less those in brackets right after another that convert it ("MXN 24 million
    (approximately USD 1.2 million)"): the same money, stated twice."""
    kept: list[Money] = []
    for money in amounts:
        if kept and (bracket := CONVERSION.match(sentence, kept[-1].end)) and bracket.start("amount") <= money.start < bracket.end():
            continue
        kept.append(money)
    return kept


def from_table(block: Block, caption: str = "") -> list[Contribution]:
    """A contributions table, read as its header sets it out: a column per year or biennium
    (bare numbers in the unit its header or `caption` gives), a column per kind with a row per
    year, a column per kind (a strip of key figures), or a row per contribution."""
    rows = [[squash(cell) for cell in cells] for cells in block.rows or []]
    header = rows[0] if rows else []
    if len(rows) > 2 and len(_periods(header)) < 2 <= len(_periods(rows[1])):
        header, rows = [below or above for above, below in zip(header, rows[1])], [header] + rows[2:]
    if len(_periods(header)) >= 2:
        unit = table_unit(" ".join(rows[0])) or table_unit(caption)  # rows[0]: the header, or the row above it
        return _periods_as_columns(block, header, rows[1:], unit)
    kind_columns = sum(1 for cell in header if kind_of(cell))
    if kind_columns and not kind_of(header[0]) and sum(1 for row in rows[1:] if row and find_periods(row[0])) >= 2:
        return _kinds_by_period(block, header, rows[1:])
    if kind_columns >= 2 and not any(row and kind_of(row[0]) for row in block.rows[1:]):
        return _kinds_as_columns(block, header)
    return _contributions_as_rows(block)


def _periods(header: list[str]) -> dict[int, Period]:
    """The columns whose header is a year or a period ("2021", "2018–2019"), and their years."""
    found = {}
    for column, cell in enumerate(header):
        periods = find_periods(cell)
        if len(periods) == 1 and periods[0].end is not None and (periods[0].begin, periods[0].finish) == (0, len(cell)):
            found[column] = periods[0]
    return found


def _periods_as_columns(block: Block, header: list[str], body: list[list[str]], unit: Money | None) -> list[Contribution]:
    """One contribution per filled cell of a year's (or a biennium's) column, its kind from the
    row's other cells; a dash is no contribution, and without a unit bare numbers are no money.
    Numbers grouped by dots ("16.872.430") are read as the table writes them."""
    columns = _periods(header)
    numbers = [cells[column] for cells in body for column in columns if column < len(cells)]
    dotted = any(DOTTED_NUMBER.fullmatch(cell) for cell in numbers) and not any("," in cell for cell in numbers)
    rows = []
    for cells in body:
        label = " ".join(cell for column, cell in enumerate(cells) if column not in columns)
        kind = kind_of(label)
        row_unit = table_unit(label) or unit  # "Assessed (CHF)": each row in its own currency
        for column, period in columns.items():
            cell = cells[column] if column < len(cells) else ""
            number = cell.replace(".", "") if dotted and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", cell) else cell
            money = _cell_money(cell, number, row_unit)
            if kind is not None and money is not None and money.amount > 0:
                rows.append(Contribution(kind, money.amount, money.currency, money.qualifier, period.start, period.end,
                                         block.page, squash(f"{label} {header[column]}: {cell}")))
    return rows


def _cell_money(cell: str, number: str, unit: Money | None) -> Money | None:
    """A cell's money: as it states it, or its bare number (`number`, the cell as the table writes
    numbers) in the table's unit; None for a dash, words or a bare number without a unit."""
    if stated := find_money(cell):
        return stated[0]
    if unit is not None and BARE_NUMBER.fullmatch(number):
        amount = (Decimal(number.replace(",", "")) * unit.amount).quantize(Decimal("0.01"))
        return Money(amount, unit.currency, "exact", 0, len(cell))
    return None


def _kinds_by_period(block: Block, header: list[str], body: list[list[str]]) -> list[Contribution]:
    """A row per year or period and a column per kind ("Year | Assessed contribution (CHF) |
    Voluntary core – RBSA (CHF)", a "Total 2019–2023" row): one contribution per filled cell, in
    the unit its column's header gives; a dash is none."""
    kinds = {column: kind for column, cell in enumerate(header) if (kind := kind_of(cell))}
    rows = []
    for cells in body:
        periods = find_periods(cells[0]) if cells else []
        if not periods:
            continue
        period = periods[-1]
        for column, kind in kinds.items():
            cell = cells[column] if column < len(cells) else ""
            money = _cell_money(cell, cell.replace(" ", "").replace("\u202f", ""), table_unit(header[column]))
            if money is not None and money.amount > 0:
                rows.append(Contribution(kind, money.amount, money.currency, money.qualifier, period.start,
                                         period.end if period.end is not None else period.start,
                                         block.page, squash(f"{cells[0]} {header[column]}: {cell}")))
    return rows


def _kinds_as_columns(block: Block, header: list[str]) -> list[Contribution]:
    """One contribution per column headed by a kind: the column's cells state its amount and period."""
    rows = []
    for column, label in enumerate(header):
        kind = kind_of(label)
        text = squash(" ".join(cells[column] for cells in block.rows[1:] if column < len(cells)))
        amounts = find_money(text)
        if kind is None or not amounts:
            continue
        periods = find_periods(text)
        period = _nearest(periods, amounts[0])
        rows.append(Contribution(kind, amounts[0].amount, amounts[0].currency, amounts[0].qualifier,
                                 period.start if period else None, period.end if period else None,
                                 block.page, squash(f"{label}: {text}")))
    return rows


def _contributions_as_rows(block: Block) -> list[Contribution]:
    """Rows of a contributions table: a kind cell, a period cell and an amount cell."""
    rows = []
    header = block.rows[0] if block.rows else []
    header_currency = find_money("1 " + " ".join(header).replace("(", " ").replace(")", " "))
    for cells in block.rows[1:] if block.rows else []:
        text = " ".join(cells)
        amounts = find_money(text)
        if not amounts and header_currency:
            numbers = [c for c in cells if re.fullmatch(r"[\d,. ]+(?:\s?(?:million|billion))?", c.strip())]
            amounts = find_money(f"{header_currency[0].currency} {numbers[-1]}") if numbers else []
        kind = kind_of(" ".join(c for c in cells if not find_money(c)))
        if not amounts or kind is None:
            continue
        periods = find_periods(text)
        period = next((p for p in periods if p.start != p.end), periods[0] if periods else None)
        money = amounts[-1]
        qualifier = qualifier_before(text, text.find(cells[-1])) if money.qualifier == "exact" else money.qualifier
        rows.append(
            Contribution(kind, money.amount, money.currency, qualifier,
                         period.start if period else None, period.end if period else None, block.page, squash(" ".join(cells)))
        )
    return rows


def find_contributions(blocks: list[Block], heading: str = "", run_in: bool = False) -> list[Contribution]:
    """Contributions stated in a section's blocks; the heading can give the period, and a
    run-in heading (set in the body's size) the kind of its first paragraph's money."""
    found: list[Contribution] = []
    heading_periods = [p for p in find_periods(heading) if p.start != p.end]
    caption = heading
    for block in statements(blocks):
        if block.kind == "table":
            found += from_table(block, caption)
            continue
        caption = block.text
        sentences = split_sentences(block.text)
        opens = bool(sentences) and len(sentences[0][1].split()) <= 6
        lead = sentences[0][1] if sentences and (block.kind == "list_item" or opens) else ""
        if run_in and block is blocks[0]:
            lead = lead or heading
        previous: list[Period] = []
        for offset, sentence in sentences:
            fallback = (previous if OF_THIS.match(sentence) else []) or heading_periods
            found += from_sentence(sentence, lead, fallback, block.page_at(offset))
            previous = find_periods(sentence) or previous
    return distinct(found)


def distinct(contributions: Iterable[Contribution]) -> list[Contribution]:
    """Each contribution once, where it was first stated: a key figure repeated in the text
    (or in another section) is the same money."""
    unique: dict[tuple, Contribution] = {}
    for row in contributions:
        unique.setdefault((row.kind, row.amount, row.currency, row.period_start, row.period_end), row)
    return list(unique.values())
