"""Project headings, and rows of project tables → projects with years, countries and funders.

A heading is a project when it carries a year range, or is set in the same style as
headings that do, and is not one of the brief's narrative headings (contribution,
priorities, contact...). Smaller headings inside a project belong to its description.
A ruled table whose header names a project column lists one project per row that has years.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from extractors.document import Block
from extractors.text import squash
from parsers.agencies import Agency
from parsers.countries import CountryMention, find_countries, unshouted
from parsers.periods import OPEN_END, OPEN_RANGE, SHORT_MONTH, YEAR, end_year_of, split_trailing_years
from parsers.sections import Section
from parsers.sentences import split_sentences

NARRATIVE = re.compile(r"contribution|priorit|\bcontacts?\b|further information|more information", re.IGNORECASE)
GENERAL = re.compile(
    r"^(?:table|figure|box|chart|map|annex)\s+\d+\b|^overview|^introduction|^background|^about\b|at a glance|key (?:facts|figures)|^summary|ratification|"
    r"^(?:main |key )?(?:results|achievements|lessons|challenges)\b|way forward|^conclusion|"
    r"^(?:the )?(?:ilo|partnership|cooperation)\b|\b(?:and|with) the ilo$|"
    r"^(?:selected |key |main |current |ongoing |recent |our |examples of )?(?:projects|programmes|initiatives|development cooperation)\b",
    re.IGNORECASE,
)
# A line of column labels ("Project  Period  Countries  Funding agency", or "PROJECT" alone over a column): the header of a table
# set in the style of a heading, not a project's title.
COLUMN_LABELS = re.compile(
    r"^(?:(?:projects?|programmes?|title|name|period|years?|duration|dates?|timeframe|countr(?:y|ies)|locations?|"
    r"funding|funders?|funded by|donors?|agency|agencies|partners?|budget|amount|status|sectors?|themes?|description)"
    r"(?:\s*[/|,&]\s*|\s+|$))+$",
    re.IGNORECASE,
)
TITLE_COLUMN = re.compile(r"^(?:(?:project|programme|program|initiative)s?(?: (?:title|name))?|title|name)$", re.IGNORECASE)
FUNDING_LINE = re.compile(r"\s(?:(?:Co-?)?[Ff]unded|[Ff]inanced|[Ss]upported) by\s+[A-Z][^.]*$")
AMOUNT_CELL = re.compile(r"^(?:[A-Z]{3}\s?|US\$\s?|[$€£]\s?)?\d[\d,.'’\s]*(?:\s?(?:million|m|k|bn))?$")
START_COLUMN = re.compile(r"^(?:start(?: year)?|from|begins?)$", re.IGNORECASE)
END_COLUMN = re.compile(r"^(?:end(?: year)?|to|until|ends?)$", re.IGNORECASE)
FUNDER_COLUMN = re.compile(r"fund|donor|financ", re.IGNORECASE)
COUNTRY_COLUMN = re.compile(r"countr|locations?$|where", re.IGNORECASE)
PROJECT_LIST = re.compile(r"projects|programmes|development cooperation|highlights|initiatives", re.IGNORECASE)
SPAN = r"(?:\d+\s+(?:months?|years?)\s*)?\(?\s*"  # "36 months (2019–2022)"
YEARS_LINE = re.compile(r"^(?:(?:duration|period|timeframe|time frame|project period|implementation period|dates?|years?)\s*:?\s*)?"
                        + SPAN + "(" + YEAR + r"\s?(?:[-–—/]|to)\s?(?:(?:19|20)?\d\d))\s*\)?\.?$", re.IGNORECASE)
PERIOD_LINE = re.compile(r"^(?:project |implementation )?(?:period|duration|dates?|years?|time ?frame)\s*:?\s+"
                         r"(?P<period>[^()|·]{4,30}?)\s*(?:\([^()]*\))?\s*\.?(?:\s+[|·]\s.*)?$", re.IGNORECASE)
SINCE_FIRST = re.compile(r"^[^.]{0,80}?\bsince\s+(?P<a>" + YEAR + r")\b", re.IGNORECASE)  # "Since 2018, the SDC has funded …"
TITLE_CONNECTORS = {"a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "by", "from", "at", "&", "de", "et", "y"}
OPEN_FROM = re.compile(r"^\s*(?:from|since)\s+(?:[A-Z][a-z]{2,8}\.?\s+)?(?P<a>" + YEAR + r")\s*$", re.IGNORECASE)  # "from 2023", "Since March 2023"
FISCAL_YEARS = re.compile(r"^\s*FY\s?(?P<a>" + YEAR + r")/\d\d\s*[-–—]\s*FY\s?(?P<b>" + YEAR + r")/(?P<c>\d\d)\s*$")
OPEN_DASH = re.compile(r"^\s*(?P<a>" + YEAR + r")\s?[-–—]\s*$")  # "2017–": started, no end yet
FACTS_LINE = re.compile(r"^(?P<period>[^·|•]{4,30}?)\s+[·|•]\s+\S[^·|•]{0,120}$")  # "2021–23 · Albania"
MARKER_PREFIX = re.compile(r"^(?:[▶►▸■▪•●–-]|\d{1,2}[.)]|[a-z][.)])\s+")


@dataclass
class Project:
    project_id: str
    title: str
    start_year: int | None
    end_year: int | None
    description: str
    page: int
    countries: list[CountryMention] = field(default_factory=list)
    funders: list[str] = field(default_factory=list)


def project_id(partner: str, title: str) -> str:
    """Stable across editions: partner and title folded to plain lowercase words."""
    def fold(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
        return " ".join(re.findall(r"[a-z0-9]+", plain))
    return hashlib.sha256(f"{fold(partner)}|{fold(title)}".encode()).hexdigest()[:16]


def _signature(block: Block) -> tuple[float, bool, str | None]:
    marker = None if block.marker is None else ("number" if block.marker[0].isalnum() else "symbol")
    return (round(block.size * 2) / 2, block.bold, marker)


MONTH = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
LABELLED_YEARS = re.compile(
    r"\b(?:Duration|Period|Timeframe|Time frame|Project period|Implementation period|Dates)\s*:\s*" + SPAN
    + r"(?:from\s+)?" + SHORT_MONTH + "(?P<a>" + YEAR + r")(?:\s?(?:[-–—/]|to|until)\s?" + SHORT_MONTH
    + r"(?P<b>" + YEAR + r"|\d\d(?!\d))|(?P<open>" + OPEN_END + r")|(?![-–—/\d]|\s?(?:to|until)\b))", re.IGNORECASE)
RUNNING_IN = re.compile(  # "Running in the 2022–23 biennium", "implemented over 2019-2021"
    r"\b(?:running|runs|ran|implemented|carried out|taking place|takes place)\s+(?:in|during|over|from)\s+(?:the\s+)?"
    r"(?P<a>" + YEAR + r")\s?[-–—/]\s?(?P<b>" + YEAR + r"|\d\d(?!\d))\b", re.IGNORECASE)
LEADING_YEARS = re.compile(  # "2016–2021 Title", "Since 2021 Title", "Mar 2023 – Feb 2026 Title", "2021 – ongoing Title"
    r"^(?:(?P<since>Since)\s+)?" + SHORT_MONTH + r"(?P<a>" + YEAR + r")(?:\s?[-–—]\s?(?:" + SHORT_MONTH + r"(?P<b>" + YEAR
    + r"|\d\d(?!\d))|(?P<open>ongoing|present|today)))?\s+(?=[A-Z])")
OPENING_SPAN = re.compile(  # "From 2017 to 2020 the OIS funded …", "Between 2019 and 2022, …": the description's first words
    r"^(?:From|Between)\s+" + MONTH + r"(?P<a>" + YEAR + r")\s+(?:to|and|until|through)\s+" + MONTH + r"(?P<b>" + YEAR + r")\b")
FUNDED_OVER = re.compile(  # "to be funded by the OIS in 2024–2025", "financed by Irish Aid for 2021-23"
    r"\b(?:funded|financed|supported|implemented)\b[^.;()]{0,40}?\b(?:in|for|over|during|from)\s+(?:the\s+)?"
    r"(?P<a>" + YEAR + r")\s?[-–—/]\s?(?P<b>" + YEAR + r"|\d\d(?!\d))\b", re.IGNORECASE)
START_END = re.compile(
    r"\b(?:launched|started|began|begun|commenced|initiated|start(?:s|ing)?|running|runs|ran|operat\w+|implemented)\b[^.;]{0,40}?\b"
    + MONTH + r"(" + YEAR + r")\b[^.;]{0,80}?\b(?:until|till|through|to|end(?:s|ed|ing)?|conclud\w+|clos\w+|finish\w+)\b[^.;]{0,30}?\b"
    + MONTH + r"(" + YEAR + r")\b",
    re.IGNORECASE,
)


def text_years(text: str) -> tuple[int | None, int | None]:
    """A project period the description states: "Duration: 2015–2019", "From 2017 to 2020 …",
    "funded by the OIS in 2024–2025", "launched in 2021
    and scheduled to end in 2023", "started in 2020 and will run until 2023", or one still open,
    "2022 – ongoing", "Since 2018, …" opening it (no end year)."""
    labelled = LABELLED_YEARS.search(text)
    if labelled and labelled.group("open"):  # "Duration: October 2023 – ongoing"
        return int(labelled.group("a")), None
    for match in (labelled, RUNNING_IN.search(text), OPENING_SPAN.match(text), FUNDED_OVER.search(text)):
        if match and (years := _matched_years(match)):
            return years
    for match in START_END.finditer(text):
        start, end = int(match.group(1)), int(match.group(2))
        if start <= end <= start + 30:
            return start, end
    if match := OPEN_RANGE.search(text) or SINCE_FIRST.match(text):
        return int(match.group("a")), None
    return None, None


def _leading_years(heading: str) -> tuple[str, int | None, int | None]:
    """'2016–2021 Title', 'Since 2021 Title', '2022 Title of three words or more' (a year badge
    before a card's title) → (title, start, end); else the heading unchanged, None, None."""
    match = LEADING_YEARS.match(heading)
    single = not (match and (match.group("b") or match.group("since") or match.group("open")))
    if match is None or (single and len(heading[match.end():].split()) < 3):
        return heading, None, None
    start = int(match.group("a"))
    end = None if match.group("since") or match.group("open") else end_year_of(start, match.group("b")) if match.group("b") else start
    return heading[match.end():].strip(), start, end


def _heading_years(section: Section) -> tuple[str, int | None, int | None, bool]:
    """Title and years of a heading, after it or before it; years may sit on a line of their own just under it."""
    title, start, end = split_trailing_years(squash(section.heading.text if section.heading else ""))
    if start is None:
        title, start, end = _leading_years(title)
    used_line = False
    if start is None and section.blocks and len(section.blocks[0].text) <= 40:
        match = YEARS_LINE.match(section.blocks[0].text.strip())
        if match:
            _, start, end = split_trailing_years(match.group(1))
            used_line = start is not None
    if start is None and section.blocks and (years := _facts_years(section.blocks[0].text) or _labelled_years(section.blocks[0].text)):
        start, end = years
    return MARKER_PREFIX.sub("", title).strip(" :–—-"), start, end, used_line


def _labelled_years(text: str) -> tuple[int, int | None] | None:
    """The years of a labelled period line under a project's heading: "Period: 2019–2023
    (phase II)", "Period: 2017–" (still running), "Period: 2022"."""
    match = PERIOD_LINE.match(squash(text))
    return _period_years(match.group("period")) if match else None


def _facts_years(text: str) -> tuple[int, int | None] | None:
    """The years opening a facts line under a project's heading, set apart from its places by a
    dot or a bar: "2019–2022 · Egypt, Morocco, Tunisia", "Since 2019 · Angola, Mozambique"."""
    match = FACTS_LINE.match(squash(text))
    return _period_years(match.group("period")) if match else None


def project_sections(sections: list[Section]) -> list[tuple[Section, list[Section]]]:
    """Each project's own section with the smaller-headed sections nested under it.

    Projects are headings with years, headings in the style of those, and, in a brief
    whose project headings carry no years at all, the headings under a "Projects"-like
    heading set in a smaller style than it.
    """
    headed = [s for s in sections if s.heading is not None]

    def dated(section: Section) -> bool:
        title, start, _, _ = _heading_years(section)
        return start is not None and bool(title) and not NARRATIVE.search(section.title)  # not a bare years line

    def general(section: Section) -> bool:
        title = section.title
        return bool(NARRATIVE.search(title) or GENERAL.search(title) or COLUMN_LABELS.match(title) or title.rstrip().endswith("?")
                    or country_heading(title))

    dated_ones = [dated(s) for s in headed]
    styles = {_signature(s.heading) for s, is_dated in zip(headed, dated_ones) if is_dated}
    if not styles:
        styles = _listed_styles(headed, general)

    def among_dated(index: int) -> bool:
        """Whether a heading shares its part of the brief (up to the larger headings on either
        side) with a heading that has years: "1.1 Host country" of a numbered brief is set like
        "5.1 Skills for Employment (2020–2024)" but is no project. Where no heading has years,
        style alone says which are projects."""
        if not any(dated_ones):
            return True
        size = headed[index].heading.size
        for step in (-1, 1):
            other = index
            while 0 <= other < len(headed) and headed[other].heading.size <= size + 0.4:
                if dated_ones[other]:
                    return True
                other += step
        return False

    projects: list[tuple[Section, list[Section]]] = []
    open_project = False
    for index, section in enumerate(headed):
        if dated(section) or (_signature(section.heading) in styles and not general(section) and among_dated(index)):
            projects.append((section, []))
            open_project = True
        elif open_project and not general(section) and _nested(section.heading, projects[-1][0].heading):
            projects[-1][1].append(section)
        else:
            open_project = False
    return projects


def _listed_styles(headed: list[Section], general: Callable[[Section], bool]) -> set[tuple[float, bool, str | None]]:
    """The heading style used right under a "Projects"-like heading, when it is a smaller one."""
    for index, section in enumerate(headed[:-1]):
        if PROJECT_LIST.search(section.title) and general(section):
            child = headed[index + 1].heading
            if child.size < section.heading.size - 0.4 and not general(headed[index + 1]):
                return {_signature(child)}
    return set()


def _nested(heading: Block | None, parent: Block | None) -> bool:
    if heading is None or parent is None:
        return False
    return heading.size < parent.size - 0.4 or (heading.size <= parent.size + 0.1 and parent.bold and not heading.bold)


def _countries(text: str, partner_iso3: str | None) -> list[CountryMention]:
    """Countries the project works in; the partner itself only where it is listed as one of them."""
    mentions = find_countries(text)
    chosen: dict[str, CountryMention] = {}
    for index, mention in enumerate(mentions):
        if mention.iso3 == partner_iso3 and not _listed_as_recipient(text, mentions, index):
            continue
        chosen.setdefault(mention.iso3, mention)
    return list(chosen.values())


PLACE_LABEL = re.compile(r"\b(?:where|locations?|countr(?:y|ies))\s*:\s*$", re.IGNORECASE)  # "Where: Qatar"


def _listed_as_recipient(text: str, mentions: list[CountryMention], index: int) -> bool:
    mention = mentions[index]
    before = text[max(0, mention.start - 12):mention.start]
    if PLACE_LABEL.search(before) or re.search(r"[·•|]\s*$", before):  # "Where: Qatar", a facts line "2019–2023 · Mexico"
        return True
    after = text[mention.end:mention.end + 20]
    if after.startswith("'s") or re.match(r"\s+[A-Z]", after):
        return False
    if re.search(r"\bin\s+(?:the\s+)?$", before):
        return True
    neighbours = [m for i, m in enumerate(mentions) if i in (index - 1, index + 1) and m.iso3 != mention.iso3]
    for other in neighbours:
        between = text[min(other.end, mention.end):max(other.start, mention.start)]
        if re.fullmatch(r",?\s*(?:and\s+)?(?:the\s+)?", between):
            return True
    return False


FUNDING_VERB = r"(?:[Ff]und(?:ed|s|ing)|fund|[Ff]inanc\w*|[Ss]upport\w*|[Ss]ponsor\w*|[Ee]stablish\w*|[Gg]rant\w*|[Cc]ontribut\w*|[Pp]rovid\w*|[Dd]onat\w*)"
FUNDED_BY = re.compile(r"\b(?:co-?)?" + FUNDING_VERB + r"\s+(?:\w+\s+)?by\s*:?\s+(?:the\s+)?$")
FUNDING_LABEL = re.compile(r"\b(?:[Ff]unding(?: agency| partner)?|[Ff]unders?|[Dd]onors?|[Ff]inancing)\s*:\s*(?:the\s+)?$")
FUNDING_FROM = re.compile(r"\b(?:[Ff]unding|[Ff]unds|[Ff]inanc\w*|(?:financial|funding)\s+support|[Cc]ontributions?|resources|[Gg]rants?)\s+(?:\w+\s+){0,2}from\s+(?:the\s+)?$")
NOT_MONEY = r"(?!\s+(?:\w+\s+){0,2}?(?:technical|expertise|advice|knowledge|know-how|experts?|input|guidance|staff|specialists?|materials|data|tools|equipment|premises|information|trainers)\b)"
FUNDS_IT = re.compile(
    r"^(?:\s*\([^)]*\))?(?:-funded\b|\s+(?:(?:has|have|also|jointly|further|generously)\s+)*(?:co-?)?" + FUNDING_VERB + r"\b" + NOT_MONEY
    + r"|\s+(?:is|was|has been|remains|is also)\s+(?:a|the|one of the)\s+(?:\w+\s+)?(?:funding partner|donor|funder|financial partner)s?\b)"
)
FUNDING_NOTE = re.compile(r"^\s*\((?:co-?)?(?:funding|funder|donor|financing|financial partner)\)", re.IGNORECASE)
AGAIN_BY = re.compile(r"\bby\s+(?:the\s+)?$")  # "funded first by DFID and, since 2020, by the FCDO"
COORDINATED = re.compile(r"^(?:\s*\([^()]*\)|\))?(?:,\s*|\s+and\s+|,\s*and\s+)(?:the\s+)?$")  # after "Name (ACR)" too


def _mentions(sentence: str, agencies: list[Agency]) -> list[tuple[int, int, str]]:
    found = []
    for agency in agencies:
        label = agency.acronym or agency.name
        for form in filter(None, (agency.acronym, agency.name)):
            for match in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w])", sentence):
                found.append((match.start(), match.end(), label))
    return sorted(found)


def _listed_before(sentence: str, mentions: list[tuple[int, int, str]], start: int,
                  accepted: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The mentions listed right before the one at `start` ("A, B and C"), not yet accepted."""
    listed: list[tuple[int, int, str]] = []
    for mention in reversed([m for m in mentions if m[1] <= start]):
        if not COORDINATED.match(sentence[mention[1]:start]):
            break
        if mention not in accepted:
            listed.insert(0, mention)
        start = mention[0]
    return listed


def _funders(text: str, agencies: list[Agency], partner: str) -> list[str]:
    """Agencies the project's own sentences name as its funders: "funded by X", "with funding
    from X and Y", "X funds ...", or the one agency named where the partner itself funds it."""
    funders: list[str] = []
    for _, sentence in split_sentences(text):
        mentions = _mentions(sentence, agencies)
        accepted: list[tuple[int, int, str]] = []
        for start, end, label in mentions:
            before, after = sentence[:start], sentence[end:]
            coordinated = accepted and (COORDINATED.match(sentence[accepted[-1][1]:start]) or AGAIN_BY.search(before))
            if FUNDED_BY.search(before) or FUNDING_FROM.search(before) or FUNDING_LABEL.search(before) \
                    or FUNDS_IT.match(after) or coordinated:
                accepted.append((start, end, label))
            elif FUNDING_NOTE.match(after):  # "Partners: MFET and MHSE (funding); Jobsplus (training)"
                accepted += _listed_before(sentence, mentions, start, accepted) + [(start, end, label)]
        labels = {label for *_, label in mentions}
        partner_funds = (m for m in re.finditer(re.escape(partner) + r"\s+(?:\w+\s+)?" + FUNDING_VERB + NOT_MONEY, sentence)
                         if not any(start <= m.start() < end for start, end, _ in mentions))  # not "WorkSafe New Zealand provides"
        if not accepted and len(labels) == 1 and next(partner_funds, None):
            accepted = mentions[:1]
        for *_, label in accepted:
            if label not in funders:
                funders.append(label)
    return funders


def build_projects(sections: list[Section], partner: str, partner_iso3: str | None, agencies: list[Agency]) -> list[Project]:
    projects: list[Project] = []
    seen: set[str] = set()
    for section, nested in project_sections(sections):
        title, start, end, used_line = _heading_years(section)
        period_heading = start is None and not section.blocks and nested and _period_years(nested[0].title)
        if period_heading:  # a card's period, set as a heading of its own under the title
            start, end = period_heading
        blocks = section.blocks[1:] if used_line else section.blocks
        parts = [b.text for b in blocks]
        for index, child in enumerate(nested):
            parts += ([] if period_heading and index == 0 else [child.title]) + [b.text for b in child.blocks]
        description = "\n\n".join(parts)
        if start is None:
            start, end = text_years(squash(description))
        pid = project_id(partner, title)
        if not title or pid in seen:
            continue
        seen.add(pid)
        text = title + ". " + squash(description)
        projects.append(
            Project(
                project_id=pid,
                title=title,
                start_year=start,
                end_year=end,
                description=description,
                page=section.page_start,
                countries=_countries(text, partner_iso3),
                funders=_funders(text, agencies, partner),
            )
        )
    for project in table_projects(sections, partner, partner_iso3, agencies) + listed_projects(sections, partner, partner_iso3, agencies):
        if project.project_id not in seen:
            seen.add(project.project_id)
            projects.append(project)
    return projects


LISTED = re.compile(  # "Work in Freedom (Bangladesh, India, 2013–2023) – Funded by ...": one project a paragraph
    r"^(?P<title>[^()\n]{5,160}?)\s*\((?P<meta>[^()]*?\b(?P<a>" + YEAR + r")\s?[-–—]\s?(?P<b>" + YEAR
    + r"|\d\d)\b[^()]*)\)(?:,\s*(?P<places>[^–—():]{2,80}?))?\s*[–—:-]\s+")  # "(2021–2023), Ukraine — funded by …" too
LISTED_BRACKETED = re.compile(r"^(?P<title>[^()\n]{5,160}?)\s*\((?P<meta>[^()]{4,160})\)\s*\.?$")  # "Title (Ghana, 2021–2024)": all it says
LISTED_TRIPLE = re.compile(  # "Safe Mines: OSH in Gold Mining — Ghana, Burkina Faso — 2017–2020": title, places, years
    r"^(?P<title>[^—\n]{5,160}?)\s+—\s+(?P<places>[^—\n]{3,160}?)\s+—\s+(?P<period>[^—.\n]{4,30}?)\.?$")
LISTED_DASH = re.compile(r"^(?P<title>[^()\n—]{5,160}?)\s+—\s+(?P<period>[^.—]{4,40}?)\.\s+")  # "Title — 2020 to 2023. Text"
LISTED_COMMA = re.compile(  # "Skills for the Blue Economy, 2023–2025. Funded by …", "Title, 2022–ongoing, jointly with Serbia."
    r"^(?P<title>[^(),.\n—]{5,160}?)\s*,\s*(?P<period>" + YEAR + r"(?:\s?[-–—]\s?(?:" + YEAR + r"|\d\d|ongoing|present))?)(?=[.,;])")
PERIOD_CELL = re.compile(  # a cell that is a period: "2019–2023", "Jan 2012 – Jun 2021", "FY2020–23", "2021"
    r"^\s*(?:from\s+)?(?:FY\s?)?" + SHORT_MONTH + r"(?:\d{1,2}/)?(?P<a>" + YEAR + r")(?:\s?(?:[-–—/]|to|until|through)\s?(?:FY\s?)?"
    r"(?:\d{1,2}/)?" + SHORT_MONTH
    + r"(?P<b>" + YEAR + r"|\d\d))?\s*$", re.IGNORECASE)


def _matched_years(match: re.Match[str]) -> tuple[int, int] | None:
    """(start, end) of a period matched as groups `a` and `b` ("2019–23"; a single year when `b`
    did not match), or None if it runs backwards."""
    start = int(match.group("a"))
    end = end_year_of(start, match.group("b")) if match.group("b") else start
    return (start, end) if start <= end else None


def listed_projects(sections: list[Section], partner: str, partner_iso3: str | None, agencies: list[Agency]) -> list[Project]:
    """Projects listed one to a paragraph or bullet under a projects heading, each opening with
    its title and its years: "Title (Countries, 2019–2022) – text" or "Title — 2020 to 2023. Text"."""
    projects = []
    listing: Section | None = None  # the projects heading whose list goes on under country headings
    by_heading: list[str] = []  # the funders it names for all its items
    for section in sections:
        group = listing is not None and _nested(section.heading, listing.heading) and country_heading(section.title)
        if PROJECT_LIST.search(section.title):
            listing, by_heading = section, _heading_funders(section.title, agencies, partner)
        elif not group:
            listing = None
            continue
        for block in section.blocks:
            text = squash(block.text)
            listed = _listed(text) if block.kind in ("paragraph", "list_item") else None
            if listed is None:
                continue
            title, start, end, rest = listed
            countries = _countries((unshouted(section.title) + ". " if group else "") + text, partner_iso3)
            projects.append(Project(
                project_id=project_id(partner, title), title=title, start_year=start, end_year=end,
                description=rest, page=block.page,
                countries=countries, funders=_funders(text, agencies, partner) or by_heading,
            ))
    return projects


def country_heading(title: str) -> bool:
    """Whether a heading only names countries ("MONTENEGRO", "Kenya and Uganda"): a group of the
    projects listed under it, which take place there, not a project."""
    text = unshouted(title)
    mentions = find_countries(text)
    rest = text
    for mention in reversed(mentions):
        rest = rest[:mention.start] + rest[mention.end:]
    return bool(mentions) and not re.sub(r"\b(?:and|&)\b|[,/;:&]", " ", rest).strip()


def _heading_funders(title: str, agencies: list[Agency], partner: str) -> list[str]:
    """The funders a list's heading names for all its items: "Projects funded by the MFEA", or the
    partner itself, "ILO projects funded by the Foundation" of the Halden Foundation."""
    if named := _funders(title, agencies, partner):
        return named
    own = "|".join(re.escape(word) for word in (partner, *partner.split()[-1:]) if word)
    return [partner] if own and re.search(r"\b(?:funded|financed) by (?:the )?(?:" + own + r")\b", title) else []


def _listed(text: str) -> tuple[str, int, int | None, str] | None:
    """(title, start, end, the rest) of a paragraph that opens as a listed project, or None."""
    if match := LISTED.match(text):
        start = int(match.group("a"))
        return MARKER_PREFIX.sub("", match.group("title")).strip(), start, end_year_of(start, match.group("b")), text[match.end():]
    if (match := LISTED_DASH.match(text)) and (years := _period_years(match.group("period"))):
        return MARKER_PREFIX.sub("", match.group("title")).strip(), *years, text[match.end():]
    if (match := LISTED_TRIPLE.match(text)) and (years := _period_years(match.group("period"))) and find_countries(match.group("places")):
        return MARKER_PREFIX.sub("", match.group("title")).strip(), *years, match.group("places")
    if (match := LISTED_COMMA.match(text)) and (years := _period_years(match.group("period"))):
        return MARKER_PREFIX.sub("", match.group("title")).strip(), *years, text[match.end():]
    if match := LISTED_BRACKETED.match(text):
        _, start, end = split_trailing_years(match.group("meta"))
        if start is not None:
            return MARKER_PREFIX.sub("", match.group("title")).strip(), start, end, ""
    return None


def _period_years(text: str) -> tuple[int, int | None] | None:
    """The years of a text that is only a period: "2019–2023", "Jan 2012 – Jun 2021", "2021",
    "2022 onwards" (no end year), "FY2021/22 – FY2023/24" (fiscal years: 2021 to 2024)."""
    if match := FISCAL_YEARS.match(text):
        return int(match.group("a")), end_year_of(int(match.group("b")), match.group("c"))
    if match := OPEN_DASH.match(text) or OPEN_FROM.match(text):
        return int(match.group("a")), None
    if match := PERIOD_CELL.match(text):
        return _matched_years(match)
    rest, start, end = split_trailing_years(text)
    return (start, end) if start is not None and not rest.strip() else None


def _cell_title(cell: str) -> str:
    """A title cell's title, without the sentence describing the project that may follow it in
    the same cell ("Skills for Green Jobs in East Africa Green skills in TVET curricula, with a
    focus on …."): the title is in title case, and the sentence starts at the last capitalised
    word before its first lowercase word that is no connector."""
    words = cell.split()
    if not cell.endswith(".") or len(words) < 6:
        return cell
    first_lower = next((i for i, word in enumerate(words) if word[:1].islower() and word.lower() not in TITLE_CONNECTORS), None)
    if first_lower is None:
        return cell
    start = next((i for i in range(first_lower - 1, -1, -1) if words[i][:1].isupper()), None)
    if start is None or start < 2 or len(words) - start < 4:
        return cell
    return " ".join(words[:start])


def _without_funding_line(title: str) -> tuple[str, str]:
    """A title cell's title and the funding line set under it ("Just Transition in Coal Regions
    Funded by MINTRAB and SENCE"), if any."""
    match = FUNDING_LINE.search(title)
    return (title[:match.start()].strip(), match.group().strip()) if match and match.start() else (title, "")


def _amounts_column(rows: list[list[str]], index: int) -> bool:
    """Whether a column's cells are all amounts ("Funding (USD)": 450,000): a budget, not funders."""
    cells = [squash(row[index]) for row in rows if index < len(row) and squash(row[index])]
    return bool(cells) and all(AMOUNT_CELL.match(cell) for cell in cells)


def _start_and_end(header: list[str], cells: list[str]) -> tuple[int, int | None] | None:
    """The years of a row whose table gives start and end in columns of their own ("Start |
    End", "From | To"); an end that is no year ("ongoing") is open."""
    start = next((i for i, label in enumerate(header) if START_COLUMN.match(label)), None)
    end = next((i for i, label in enumerate(header) if END_COLUMN.match(label)), None)
    if start is None or end is None or max(start, end) >= len(cells) or not re.fullmatch(YEAR, cells[start]):
        return None
    return int(cells[start]), int(cells[end]) if re.fullmatch(YEAR, cells[end]) else None


def _cell_years(cells: list[str]) -> tuple[int | None, int | None]:
    """The years of the first cell that is a period ("2019–2023", "Jan 2012 – Jun 2021", "2021"),
    or else those the row's text states."""
    for cell in cells:
        if years := _period_years(cell):
            return years
    return text_years(" ".join(cells))


def table_projects(sections: list[Section], partner: str, partner_iso3: str | None, agencies: list[Agency]) -> list[Project]:
    """Projects listed as the rows of a table whose header names a project (or title) column.

    A row is a project when it has a title and a year range in another cell. Its countries are
    those named in a column headed as such ("Countries", "Location"), the partner included, or
    else those its cells name; its funders, the agencies named in a column headed as funding
    ("Funder", "Funding agency", "Donor"), or else those its cells name as funders.
    A header row repeated on a later page is skipped, and a table on the next page with as
    many columns and no header of its own continues the table before it.
    """
    projects: list[Project] = []
    previous: tuple[list[str], int] | None = None  # the last project table's header, and its page
    for block in (b for section in sections for b in section.blocks if b.kind == "table" and b.rows):
        header, rows = [squash(cell) for cell in block.rows[0]], block.rows[1:]
        column = next((i for i, cell in enumerate(header) if TITLE_COLUMN.match(cell)), None)
        if column is None and previous and len(previous[0]) == len(header) and block.page == previous[1] + 1:
            header, rows = previous[0], block.rows
            column = next(i for i, cell in enumerate(header) if TITLE_COLUMN.match(cell))
        if column is None:
            continue
        previous = (header, block.page)
        funding = [i for i, cell in enumerate(header) if i != column and FUNDER_COLUMN.search(cell) and not _amounts_column(rows, i)]
        places = [i for i, cell in enumerate(header) if i != column and COUNTRY_COLUMN.search(cell)]
        above: list[str] = []
        for cells in rows:
            cells = [squash(cell) for cell in cells]
            if cells == header or column >= len(cells) or not cells[column]:
                continue
            cells = [cell or (above[i] if i in funding + places and i < len(above) else "") for i, cell in enumerate(cells)]
            above = cells  # a funder or countries cell left empty is one merged with the row above
            title, funded_by = _without_funding_line(_cell_title(cells[column]))
            others = [cell for i, cell in enumerate(cells) if i != column and cell] + ([funded_by] if funded_by else [])
            start, end = _start_and_end(header, cells) or _cell_years(others)
            if start is None:
                continue
            text = title + ". " + ". ".join(others)
            named = [label for i in funding if i < len(cells) for *_, label in _mentions(cells[i], agencies)]
            listed = {m.iso3: m for i in places if i < len(cells) for m in find_countries(cells[i])}
            projects.append(Project(
                project_id=project_id(partner, title), title=title, start_year=start, end_year=end,
                description="; ".join(f"{header[i]}: {cell}" for i, cell in enumerate(cells) if i != column and cell and i < len(header)),
                page=block.page, countries=list(listed.values()) if places else _countries(text, partner_iso3),
                funders=list(dict.fromkeys(named)) if funding else _funders(text, agencies, partner),
            ))
    return projects
