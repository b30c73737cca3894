"""The partner's own institutions: "Ministry of Health, Labour and Welfare (MHLW)", "Fast Retailing"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from extractors.text import squash
from parsers.countries import country_code, find_countries

INSTITUTION = re.compile(
    r"\b(?:Ministry|Ministries|Ministère|Bundesministerium|Agency|Agence|Department|Directorate|Office|Bureau|"
    r"Fund|Foundation|Bank|Corporation|Institute|Institution|Treasury|Council|Commission|Gesellschaft|Administration|Authority|"
    r"Secretariat|Service|Trust|Company|Retailing|Aid|Organi[sz]ation|Inspectorate|Superintenden(?:cy|ce|cia)|Executive|"
    r"Agencia|Agência|Ministerio|Ministério|Instituto|Institut|Fondation|Fundación|Fundação|Caisse|Banque|Banco|"
    r"Dirección|Conseil|Consejo)\b"
)
PRIVATE = re.compile(r"\b(?:Foundation|Fundaci[óo]n|Funda[çc][ãa]o|Fondation|Fondazione|Stiftung|Company|Corporation|Inc|Ltd|"
                     r"Group|Grupo|Retailing|PLC|GmbH|AG|SA|Holdings?)\b")
GOVERNMENT = re.compile(r"\b(?:Ministry|Ministère|Bundesministerium|Agency|Agence|Department|Directorate|Federal|State|Government|Office|Secretariat|Aid|Superintenden(?:cy|ce|cia))\b")
CHARITY = re.compile(r"\b(?:Trust|Charity|Charitable|Philanthropies|Endowment)\b")
FOREIGN = re.compile(
    r"\b(?:ILO|International Labour|International Organi[sz]ation|United Nations|UN|OECD|World Bank|ITC-?ILO|"
    r"UNDP|UNICEF|UNHCR|UNESCO|UNIDO|WHO|World Health|FAO|Food and Agriculture|WFP|WTO|World Trade|IOM|IOE|"
    r"Regular Budget|RBSA)\b")
SOCIAL_PARTNER = re.compile(  # employers' and workers' organizations speak for their members, not the partner's government
    r"\b(?:Trade Unions?|Chambers? of|Chamber|Employers'?|Confederation|Business (?:\w+ )?Council|Industry Federation)\b")
NAME_COLUMN = re.compile(r"^(?:institution|agency|organi[sz]ation|body|name|ministry)s?$", re.IGNORECASE)
ACRONYM_COLUMN = re.compile(r"^(?:acronym|abbreviation|short name)s?$", re.IGNORECASE)
POSSESSIVES = {"its", "their", "his", "her", "our", "your"}
CONNECTORS = {"of", "for", "and", "the", "on", "in", "&", "für", "und", "de", "du", "des", "la", "le", "et", "der", "die"}
UPPER = "A-ZÀ-ÖØ-ÞĄĆČĎĐĘĚĞİŁŃŇŐŒŘŚŞŠŢŤŰŹŻŽ"  # capitals of Latin scripts: "TİKA", "İŞKUR"
ACRONYM = re.compile(r"\((?P<acr>[" + UPPER + r"][A-Za-z" + UPPER + r"]*[" + UPPER + r"][A-Za-z" + UPPER + r"]*"
                     r"(?:[ -](?:[" + UPPER + r"]{2,}|[A-Z][a-z]+))?|[A-Z][a-z]{2,7}(?: [" + UPPER + r"]{2,})?)\)")  # "(Stats NZ)"
NAMED_START = re.compile(r"\b(?:(?:Federal |State )?(?:Ministry|Ministère|Bundesministerium) (?:of|for|des|de|für)|Federal Public Service)\b")
PRIVATE_LIST = re.compile(
    r"private sector,?\s+(?:such as|including|like|notably|for example|e\.g\.)\s+(?P<names>[A-Z][^.;:]*)"
    r"|(?:companies|foundations|firms|corporations)\s+(?:such as|including|like)\s+(?P<names2>[A-Z][^.;:]*)"
)
FOUNDATION = re.compile(r"(?<=[a-z]) Foundation\b(?! for the)|\b[A-Z][\w'&-]* Foundation\b")
ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,}$")
COMPANY = re.compile(
    r"\b(?:retailer|company|firm|corporation|multinational|manufacturer|brand|bank|group|enterprise)\s+"
    r"(?P<name>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s+(?:has|have|is|was|supports?|funds?|finances?|provides?|contributes?)\b"
)
SENTENCE_START = r"(?:^|(?<=[.;:!?] )|(?<=\n))"
APPOSITIVE = re.compile(  # "Enabel, the Belgian development agency, implements …": a name its description calls an institution
    r"(?:" + SENTENCE_START + r"|(?<=, and ))(?!(?:The|This|That|In|At|For|With|Since|From|By|As|Under|Through|On)\b)"
    r"(?P<name>[A-Z][\w'&.-]*(?: [A-Z][\w'&.-]*){0,3}),\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:agency|ministry|department|division|development arm|development bank|development finance institution|directorate|"
    r"(?:employment|public|civil|labour|inspection) service|(?:maritime|labour|port|civil aviation|statistics|tax) authority|inspectorate)\b")
SUBJECT = re.compile(  # "The U.S. Department of State represents …", "…, and the Directorate of Labour hosts …": an institution named as the subject of its role
    r"(?:" + SENTENCE_START + r"The|(?:(?<=, and )|(?<=, while ))the) (?P<name>[A-Z][\w.'&-]*(?: (?:[A-Z][\w.'&-]*|of|for|and|the|on)){1,8}?) "
    r"(?:represents|leads|manages|is responsible|coordinates|oversees|administers|steers|runs|implements|hosts|shares|advises|"
    r"cooperates)\b")
NAME_TOKEN = re.compile(r"[A-Z][\w'&.-]*")
ROMANCE_NAME = re.compile(  # "Agence française de développement (AFD)": lowercase words inside a name
    r"\b(?P<name>(?:Agence|Agencia|Agência|Ministère|Ministerio|Ministério|Instituto|Institut|Fondation|Fundación|"
    r"Fundação|Caisse|Banque|Banco|Direction|Dirección|Conseil|Consejo)\s+(?:[\w'’-]+\s+){0,8}?[\w'’-]+)\s*$")
ENGLISH_WORDS = {"is", "are", "was", "were", "the", "of", "and", "a", "an", "its", "their", "which", "that", "to", "in",
                 "with", "for", "on", "by", "as", "at"}  # in a name found by ROMANCE_NAME: a sentence, not a name
_FUNDER_NAME = (r"(?P<name>(?!(?:The|This|That|Its|Their|Our|Each|Every)\b)[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}?\s+"
                + INSTITUTION.pattern.removeprefix(r"\b") + r")(?!\s*\(|\s+(?:of|for|and|de|für)\b|[\w'-])")
FUNDED_BY_WORDS = r"\b(?:[Ff]unded|[Ff]inanced|[Ss]ponsored|[Ff]unding) (?:by|from)"
FUNDER = re.compile(  # a name without an acronym, given as the one who funds: "Funded by Irish Aid", "Irish Aid provided"
    FUNDED_BY_WORDS + r" (?:the )?" + _FUNDER_NAME
    + r"|" + _FUNDER_NAME.replace("?P<name>", "?P<agent>")
    + r"\s+(?:funds|finances|provided|provides|funded|financed|contributed|contributes|has (?:funded|provided))\b")


@dataclass(frozen=True)
class Agency:
    name: str
    acronym: str | None
    kind: str
    start: int


def _is_name_word(token: str) -> bool:
    return bool(NAME_TOKEN.fullmatch(token.rstrip(","))) or token.lower() in CONNECTORS


def _name_before(text: str, end: int) -> str:
    """The capitalised name that ends at `end` ("...with the Ministry of Health, Labour and Welfare").

    It stays within its line and sentence, and an article starts it unless it follows
    "of"/"for"/"and" inside the name ("Ministry of the Interior").
    """
    tokens = text[:end].rsplit("\n", 1)[-1].split()
    name: list[str] = []
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if re.search(r"[.;:!?]$", token) and name and not ABBREVIATION.match(token):
            break
        if token.lower() == "the" and (index == 0 or tokens[index - 1].lower() not in ("of", "for", "and", "on", "in", "to")):
            break
        if token.lower() in POSSESSIVES or (re.search(r"['’]s$", token) and len(name) >= 3):
            break  # "Its Bureau of …", "the Department of State's Bureau of …" (but "Attorney-General's Department")
        if not _is_name_word(token) or (token.endswith(",") and name and name[0].lower() not in CONNECTORS and not _is_list_comma(name)):
            break
        name.insert(0, token)
    while name and name[0].lower() in CONNECTORS:
        name.pop(0)
    joined = " ".join(name).strip(" ,")
    last = re.split(r"(?:,\s*(?:and\s+)?|\band\s+)the\s+", joined)[-1]
    return last if INSTITUTION.search(last) or not INSTITUTION.search(joined) else joined


def _is_list_comma(name: list[str]) -> bool:
    """A comma inside a name ("Health, Labour and Welfare") is followed by words joined with "and"."""
    return "and" in name or "&" in name


def _name_after(text: str, start: int) -> str:
    """The capitalised name that starts at `start` ("Ministry of Foreign Affairs provides ..."),
    a comma included when the name goes on as a list ("Ministry of Labour, Full Employment
    and Integration has ...")."""
    name: list[str] = []
    tokens = text[start:].split()
    for index, token in enumerate(tokens):
        bare = token.rstrip(",.;:)")
        if not _is_name_word(bare) or (bare.lower() == "the" and name and name[-1].lower() == "and"):
            break
        goes_on = bare != token and token.endswith(",") and _list_goes_on(tokens[index + 1:])
        name.append(bare + "," if goes_on else bare)
        if bare != token and not goes_on:
            break
    while name and name[-1].lower() in CONNECTORS:
        name.pop()
    return " ".join(name)


def _list_goes_on(tokens: list[str]) -> bool:
    """Whether the words after a comma finish a name as a list: capitalised words, then "and"
    and one more ("Full Employment and Integration"), before the sentence goes on, and no country."""
    words = []
    for token in tokens:
        bare = token.rstrip(",.;:)")
        if not _is_name_word(bare) or bare.lower() == "the":
            break
        words.append(bare)
        if bare != token:
            break
    last_and = len(words) - 1 - words[::-1].index("and") if "and" in words else -1
    listed = 1 <= last_and and 1 <= len(words) - 1 - last_and <= 2 and "and" not in words[:last_and] and words[-1][:1].isupper()
    return listed and not find_countries(" ".join(words))  # "…, Madagascar and Myanmar" are places, not the name


def _kind(name: str) -> str:
    return "private" if PRIVATE.search(name) and not GOVERNMENT.search(name) else "government"


def _foreign(name: str, partner_iso3: str | None) -> bool:
    if FOREIGN.search(name):
        return True
    return any(c.iso3 != partner_iso3 for c in find_countries(name) if re.search(r"\bof (?:the )?" + re.escape(c.name), name))


def _funds(acronym: str, text: str) -> bool:
    """Whether `text` names `acronym` as a funder: "funded by the LSI", "Funded by: MOL and SC",
    "The LSI funds this programme"."""
    name = re.escape(acronym)
    return bool(re.search(
        FUNDED_BY_WORDS + rf"\s*:?\s*(?:the\s+)?(?:[A-Z][\w&]*(?:,\s*|\s+and\s+))*{name}\b"
        rf"|\b{name} (?:funds|finances|has funded|funded|financed) (?:this|these|the|a|an|two|three|several)\b", text))


def find_agencies(text: str, partner_iso3: str | None, partner: str | None = None, whole_brief: str = "") -> list[Agency]:
    """Institutions named in the brief's narrative (not its project descriptions), in order of mention.

    A name with an acronym is an agency when it has an institution word ("Fund", "Ministry",
    ...), or when the brief (`whole_brief`, its projects included) names that acronym as a
    funder ("the Lumen Skills Initiative (LSI)" ... "The LSI funds this programme"). The partner
    itself is not one of its agencies; the arms of a partner that is a foundation or company
    are private, whatever their names say.
    """
    found: list[Agency] = []
    spans: list[tuple[int, int]] = []
    for match in ACRONYM.finditer(text):
        name = _name_before(text, match.start())
        romance = ROMANCE_NAME.search(text, text.rfind("\n", 0, match.start()) + 1, match.start())
        if romance and len(romance.group("name")) > len(name) and not ENGLISH_WORDS & set(romance.group("name").lower().split()):
            name = romance.group("name")
        named = (INSTITUTION.search(name) or _funds(match.group("acr"), whole_brief or text)
                 or (partner and partner_iso3 and partner in name))  # "WorkSafe New Zealand (WorkSafe)"
        if len(name.split()) >= 2 and named and not _foreign(name, partner_iso3) and not SOCIAL_PARTNER.search(name):
            start = text.rfind(name, 0, match.start())
            spans.append((start, match.end()))
            found.append(Agency(name, match.group("acr"), _kind(name), start))
    for match in NAMED_START.finditer(text):
        if _inside(spans, match.start()):
            continue
        name = _name_after(text, match.start())
        if len(name.split()) >= 3 and not _foreign(name, partner_iso3):
            found.append(Agency(name, None, "government", match.start()))
    for match in SUBJECT.finditer(text):
        name = match.group("name")
        if INSTITUTION.search(name) and not _foreign(name, partner_iso3) and not SOCIAL_PARTNER.search(name) \
                and not _inside(spans, match.start("name")):
            found.append(Agency(name, None, _kind(name), match.start("name")))
    for match in APPOSITIVE.finditer(text):
        name = match.group("name")
        if not _foreign(name, partner_iso3) and country_code(name) is None and not _inside(spans, match.start()):
            found.append(Agency(name, None, "government", match.start("name")))
    for match in FOUNDATION.finditer(text):
        name = _name_before(text, match.end())
        words = name.split()
        named = len(words) >= 2 and words[-2].lower() not in CONNECTORS
        if named and not _foreign(name, partner_iso3) and not _inside(spans, match.start()):
            found.append(Agency(name, None, "private", text.rfind(name, 0, match.end())))
    for match in FUNDER.finditer(text):
        name, start = (match.group("name"), match.start("name")) if match.group("name") else (match.group("agent"), match.start("agent"))
        if not _foreign(name, partner_iso3) and not _inside(spans, start):
            found.append(Agency(name, None, _kind(name), start))
    for match in COMPANY.finditer(text):
        found.append(Agency(match.group("name"), None, "private", match.start("name")))
    for match in PRIVATE_LIST.finditer(text):
        names = match.group("names") or match.group("names2")
        offset = match.start("names") if match.group("names") else match.start("names2")
        for part in re.split(r",\s*|\s+and\s+", names):
            name = _name_after(part, 0)
            if name and name == part.strip() or (name and len(name.split()) <= 4 and part.startswith(name)):
                found.append(Agency(name, None, "private", offset))
                if name != part.strip():
                    break
            else:
                break
    private = bool(partner) and partner_iso3 is None and bool(PRIVATE.search(partner) or CHARITY.search(partner))
    found = [a for a in found if not partner or (a.name.lower() != partner.lower()
             and not (partner_iso3 is None and _is_partner(a.name, partner)))]  # "Statistics New Zealand" is New Zealand's
    if private:
        found += _arms(text, partner, whole_brief or text)
    agencies = _dedupe(found)
    if private:  # a company foundation's own institutions are its arms, never a ministry or a state agency
        own = _own_word(partner)
        agencies = [Agency(a.name, a.acronym, "private", a.start) for a in agencies
                    if own in a.name or not GOVERNMENT.search(a.name)]
    return agencies


def table_agencies(rows: list[list[str]], partner_iso3: str | None) -> list[Agency] | None:
    """The agencies of a table with a name column and an acronym column ("Institution | Acronym |
    Role"), a dash for no acronym; None if the table is no such list."""
    header = [squash(cell) for cell in rows[0]] if rows else []
    name = next((i for i, cell in enumerate(header) if NAME_COLUMN.match(cell)), None)
    acronym = next((i for i, cell in enumerate(header) if ACRONYM_COLUMN.match(cell)), None)
    if name is None or acronym is None:
        return None
    found = []
    for cells in rows[1:]:
        title = squash(cells[name]) if name < len(cells) else ""
        short = squash(cells[acronym]) if acronym < len(cells) else ""
        if title and not _foreign(title, partner_iso3) and not SOCIAL_PARTNER.search(title):
            found.append(Agency(title, short if short.strip("–—- ") else None, _kind(title), 0))
    return found


def _is_partner(name: str, partner: str) -> bool:
    """Whether `name` is the partner itself, perhaps after other words run into it ("PARTNERSHIPS
    Department Halden Foundation", from a footer read across)."""
    return name.lower() == partner.lower() or name.lower().endswith(" " + partner.lower())


def _own_word(partner: str) -> str:
    """The word that names a company foundation itself: "Corvant" of the Corvant Foundation,
    "Valmoral" of Fundación Valmoral."""
    own = [word for word in partner.split() if not (PRIVATE.search(word) or CHARITY.search(word))]
    return (own or partner.split())[0]


def _arms(text: str, partner: str, whole_brief: str) -> list[Agency]:
    """A company foundation's arms: the companies and programmes named with its own name
    ("Corvant Group", "Corvant Freight Services" of the Corvant Foundation, "Banco Valmoral" of
    Fundación Valmoral), and the foundation
    itself where the brief names it as funding projects ("Funded by the Corvant Foundation"):
    then its projects' funders can name it. The partner is otherwise never its own agency."""
    first = _own_word(partner)
    arms = []
    pattern = r"(?:\b[A-Z][\w&-]* +){0,3}\b" + re.escape(first) + r"(?: +(?:(?:for|of|and|on) +)?[A-Z][\w&-]*(?<!'s))*"
    for match in re.finditer(pattern, text):
        name = re.sub(r"^(?:The|This|That|In|Since|With|By|From|For) +", "", re.sub(r"'s$", "", match.group()))
        if _is_partner(name, partner):
            name = partner
        if name == first:
            continue
        itself = name == partner
        called = re.escape(name) + ("|" + re.escape(partner.split()[-1]) if itself else "")  # "funded by the Foundation"
        funds = re.search(FUNDED_BY_WORDS + r"\s+(?:the\s+)?(?:" + called + r")\b", whole_brief)
        if not itself or funds:
            acronym = ACRONYM.match(text, match.end() + 1) if text[match.end():match.end() + 1] == " " else None
            arms.append(Agency(name, acronym.group("acr") if acronym else None, "private", match.start()))
    return arms


def with_listed(found: list[Agency], tables: Iterable[list[Agency]]) -> list[Agency]:
    """The agencies named in the text, then those a table of institutions lists that the text
    did not name (by name or acronym)."""
    agencies = list(found)
    for agency in (a for table in tables for a in table):
        if not any(_same(a, agency) for a in agencies):
            agencies.append(agency)
    return agencies


def _same(kept: Agency, agency: Agency) -> bool:
    """Whether `agency` is one already kept: the same name, or the same acronym."""
    return kept.name.lower() == agency.name.lower() or bool(agency.acronym and kept.acronym == agency.acronym)


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` falls in one of the spans already read as a name with its acronym."""
    return any(start <= at < end for start, end in spans)


def _dedupe(found: list[Agency]) -> list[Agency]:
    agencies: list[Agency] = []
    for agency in sorted(found, key=lambda a: (a.start, a.acronym is None)):
        same = next((a for a in agencies if _same(a, agency)), None)
        if same is None:
            agencies.append(agency)
        elif same.acronym is None and agency.acronym:
            agencies[agencies.index(same)] = Agency(same.name, agency.acronym, same.kind, same.start)
    return agencies
