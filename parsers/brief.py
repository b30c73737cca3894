"""The brief's own facts: partner, title, edition date, Conventions ratified, contact."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.text import squash
from parsers.agencies import INSTITUTION
from parsers.countries import country_code, find_countries, unshouted
from parsers.numbers import NUMBER_WORD, parse_count
from parsers.sections import DATE_LINE_CHARS, MONTH_YEAR, MONTHS, Outline

SUBJECT = re.compile(r"^(?:Subject|Re|Object|Objet)\s*:\s*", re.IGNORECASE)  # a letter's subject line as its title
DATE_LINE = re.compile(r"(?:[A-Z][\w .'-]{1,25},\s*)?(?P<date>\d{1,2}\s+\w+\s+(?:19|20)\d\d|\w+\s+(?:19|20)\d\d)\b")  # "Geneva, 19 February 2024"
DATE_LABEL = re.compile(r"\b(?:Published|Publication date|Edition|Status|Date|(?:Last )?[Uu]pdated|Issued|As (?:of|at))\s*:?", re.IGNORECASE)
_MONTH_NUMBERS = {name[:3].lower(): index + 1 for index, name in enumerate(MONTHS.split("|"))}
_TITLE_NOISE = re.compile(
    r"\b(?:ILO|International Labour Organi[sz]ation|co-?operation|partnerships?|brief|profile|"
    r"development|and the|with the|between|relations?|partnering|working|cooperating|collaborating|together|"
    r"at a glance|in focus|fact ?sheet|overview)\b|'s\b|[–—|:]|\s-\s",
    re.IGNORECASE,
)
NEAR_TITLE_CHARS = 60  # a line around the title short enough to be a title itself
_MEMBER = re.compile(r"^(?:The\s+)?(?P<partner>[A-Z][\w'’ -]+?)\s+(?:is|was|became|has been)\s+(?:a|an|one of the)\s+(?:founding\s+)?(?:ILO\s+)?[Mm]ember")
EMAIL = re.compile(r"[\w.+-]+ ?@ ?[\w-]+(?:\.[\w-]+)+")
ANNEX_TITLE = re.compile(r"^(?:Annex|Enclosure|Attachment)\s*\w?\s*[:–—-]\s*(?P<title>.+\band the (?:ILO|International Labour "
                         r"Organi[sz]ation))$", re.IGNORECASE)
ASKED_TO_CONTACT = re.compile(r"(?i)\b(?:please contact|contact us|do not hesitate to contact|(?:more|further) information,? "
                              r"(?:please )?contact|enquiries|inquiries)\b")
PHONE = re.compile(r"(?:\b(?:T|Tel|Phone|Telephone|Tél)\b\.?\s*:?\s*)(\+?\d[\d ()./-]{5,}\d)|(\+\d{1,3}[\d ()-]{6,}\d)")


@dataclass
class BriefFacts:
    partner: str | None
    partner_iso3: str | None
    title: str | None
    published: dt.date | None
    conventions_ratified: int | None
    fundamental_conventions: int | None
    governance_conventions: int | None
    technical_conventions: int | None
    protocols_ratified: int | None
    contact_email: str | None
    contact_phone: str | None


def partner_from_title(title: str) -> str | None:
    """'Japan ILO Cooperation' → 'Japan'; 'The Republic of Korea and the ILO' → 'Republic of Korea';
    'Italy and the ILO: Partners for Decent Work' → 'Italy' (a country opening a title whose other
    words name no institution: 'Korea Foundation' stays whole)."""
    name = squash(_TITLE_NOISE.sub(" ", title))
    name = re.sub(r"^(?:the|and|with|of)\s+|\s+(?:and|with|the|of|to)$", "", name, flags=re.IGNORECASE).strip(" ,.-")
    opening = next(iter(find_countries(name)), None)
    if opening is not None and opening.start == 0 and country_code(name) is None and not INSTITUTION.search(name):
        return opening.name
    return name or None


def _partner_near_title(outline: Outline) -> str | None:
    """The country a short line around the title names as a title would ("KAZAKHSTAN AND THE
    ILO" under a masthead taken for the title), as the country's name."""
    nearby = outline.preamble + ([outline.title] if outline.title else []) + [
        block for section in outline.sections[:2] for block in ([section.heading] if section.heading else []) + section.blocks[:2]]
    for block in nearby:
        if len(block.text) <= NEAR_TITLE_CHARS and (found := partner_from_title(squash(block.text))):
            if country_code(found):
                return unshouted(found)
    return None


def partner_from_text(text: str) -> str | None:
    """The partner named as a Member State in the brief's opening sentence."""
    match = _MEMBER.search(text)
    return squash(match.group("partner")) if match else None


def published_date(outline: Outline, metadata: dict[str, str], margins: Sequence[str] = ()) -> dt.date | None:
    """First day of the month the brief states under its title (or in its PDF metadata), or
    else gives with a label above or just under the title or in a running header or footer ("Status:
    28.06.2024", "Published: November 2023"), or as a letter's date line above its subject."""
    candidates = []
    if outline.date_line:
        candidates.append(outline.date_line.text)
    if outline.title:
        candidates.append(outline.title.text)
    candidates += [metadata.get("Subject", ""), metadata.get("Title", "")]
    for text in candidates:
        if match := MONTH_YEAR.search(text) or MONTH_YEAR.search(text.title()):
            return _first_of(match)
    opening = outline.sections[0].blocks[:3] if outline.sections and outline.sections[0].heading is None else []
    for text in [block.text for block in outline.preamble + opening] + list(margins):  # "Partnership brief · Published 17 June 2024"
        if labelled := DATE_LABEL.search(text):
            if found := _month_of(text[labelled.end():labelled.end() + 30]):
                return found
    for block in outline.preamble:  # a date line above the title: "Geneva, 19 February 2024", "Lisbon, June 2023 …"
        if (match := DATE_LINE.match(block.text.strip())) and (found := _month_of(match.group("date"))):
            return found
    for block in outline.preamble:  # a masthead naming the edition: "FACT SHEET · MAY 2024"
        if len(block.text) <= DATE_LINE_CHARS and (match := MONTH_YEAR.search(block.text.title())):
            return _first_of(match)
    return None


def _first_of(match: re.Match[str]) -> dt.date:
    """The first day of the month a MONTH_YEAR match names."""
    return dt.date(int(match.group(2)), _MONTH_NUMBERS[match.group(1)[:3].lower()], 1)


def _month_of(text: str) -> dt.date | None:
    """The first day of the month of a date opening `text`: "November 2023", "28 June 2024",
    "28.06.2024", "2024-06-28"."""
    if match := re.match(r"\s*(?:\d{1,2}\s+)?" + MONTH_YEAR.pattern, text):
        return _first_of(match)
    if match := re.match(r"\s*\d{1,2}\.(\d{1,2})\.((?:19|20)\d\d)\b", text):
        month, year = int(match.group(1)), int(match.group(2))
    elif match := re.match(r"\s*((?:19|20)\d\d)-(\d{2})-\d{2}\b", text):
        year, month = int(match.group(1)), int(match.group(2))
    else:
        return None
    return dt.date(year, month, 1) if 1 <= month <= 12 else None


def _count(pattern: str, text: str) -> int | None:
    match = re.search(pattern, text)
    return parse_count(match.group(1)) if match else None


def conventions(text: str) -> tuple[int | None, int | None, int | None, int | None, int | None]:
    """(total, fundamental, governance, technical, protocols) from the ratification sentence
    and the one after it ("… 94 Conventions. Of these, eight are Fundamental …")."""
    sentences = re.split(r"(?<=\.)\s+", text)
    index = next((i for i, s in enumerate(sentences) if re.search(r"\bratif", s)), None)
    sentence = " ".join(sentences[index:index + 2]) if index is not None else ""
    number = r"(" + NUMBER_WORD + r")"
    qualifier = r"(?:\s+(?:out\s+of|of\s+the)\s+\w+)?(?:\s+(?:are|were|is))?"

    def labelled(label: str) -> str:  # a key-figures label and its value: "Fundamental: 7", then a line's end or another label
        return r"(?i)\b" + label + r"(?:\s+Conventions)?\s*:\s*" + number + r"\b(?=\s*(?:\n|$|\w+\s*:))"

    def celled(label: str) -> str:  # a table's label cell and the value cell after it: "of which fundamental Conventions | 9"
        return r"(?i)\b" + label + r"(?:\s+Conventions)?\s+" + number + r"(?=\s*(?:\||\n|$))"

    def first(*patterns: str) -> int | None:
        return next((count for pattern in patterns if (count := _count(pattern, sentence)) is not None), None)

    conventions_word = r"\s+(?:ILO\s+|international\s+labour\s+)?Conventions"
    return (
        first(r"ratified\s+(?:a\s+total\s+of\s+|all\s+)?" + number + conventions_word,
              r"(?i)\bConventions\s+ratified\s*:?\s*" + number + r"\b(?!\s+(?:fundamental|governance|priority|technical)\b(?!\s*:))",
              number + conventions_word + r"\s+ratified"),
        first(labelled("fundamental"), r"(?i)" + number + qualifier + r"\s+fundamental", celled("fundamental")),
        first(labelled("(?:governance|priority)"), r"(?i)" + number + qualifier + r"\s+(?:governance|priority)",
              celled("(?:governance|priority)")),
        first(labelled("technical"), r"(?i)" + number + qualifier + r"\s+technical", celled("technical")),
        first(labelled("protocols?"), r"(?i)" + number + r"\s+protocols?\b", celled(r"protocols?(?:\s+ratified)?")),
    )


def contact(contact_text: str, full_text: str, margin_text: str = "") -> tuple[str | None, str | None]:
    """Email and phone, as printed, preferring the contact block to the rest of the brief, and
    that to its running footers (some briefs print the contact only there)."""
    email = phone = None
    for text in (contact_text, _asked_to_contact(full_text), full_text, margin_text):
        if email is None and (m := EMAIL.search(text)):
            email = m.group().rstrip(".").replace(" ", "")
        if phone is None and (m := PHONE.search(text)):
            phone = squash(m.group(1) or m.group(2))
    return email, phone


def _asked_to_contact(text: str) -> str:
    """The words after each invitation to get in touch ("please contact Mr Ribeiro of our team
    (localpartnerships@ilo.org, +41 22 799 7146)"): a letter's or a page's own contact, which beats
    the first address printed, often a letterhead's."""
    return "\n".join(squash(text[m.end():m.end() + 200]) for m in ASKED_TO_CONTACT.finditer(text))


def _annex_title(outline: Outline) -> str | None:
    """The title of a brief sent as the annex to a cover letter ("Annex: Morocco and the ILO"),
    which names the partner as the brief does; the letter's subject may name it otherwise."""
    for section in outline.sections:
        if section.heading and (match := ANNEX_TITLE.match(squash(section.heading.text))):
            return match.group("title")
    return None


def brief_facts(outline: Outline, metadata: dict[str, str], contact_text: str, full_text: str,
                margins: Sequence[str] = ()) -> BriefFacts:
    title = SUBJECT.sub("", squash(outline.title.text)) if outline.title else None
    if outline.title and SUBJECT.match(squash(outline.title.text)):
        title = _annex_title(outline) or title
    if title and MONTH_YEAR.search(title) and outline.date_line is None:
        title = squash(MONTH_YEAR.sub("", title)).strip(" ,–-")
    partner = partner_from_title(title) if title else None
    if not partner or country_code(partner) is None:
        from_text = partner_from_text(full_text[:2000]) or _partner_near_title(outline)
        partner = from_text if from_text and (not partner or country_code(from_text)) else partner
    total, fundamental, governance, technical, protocols = conventions(full_text)
    email, phone = contact(contact_text, full_text, "\n".join(margins))
    return BriefFacts(
        partner=partner,
        partner_iso3=country_code(partner) if partner else None,
        title=title,
        published=published_date(outline, metadata, margins),
        conventions_ratified=total,
        fundamental_conventions=fundamental,
        governance_conventions=governance,
        technical_conventions=technical,
        protocols_ratified=protocols,
        contact_email=email,
        contact_phone=phone,
    )
