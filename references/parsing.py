"""Read references pasted into the admin: split the paste, then read each reference into fields.

Practitioners paste whatever their source gave them: the text of PubMed's "Cite" button,
an AMA or Vancouver list copied from a paper, bare DOIs or PubMed links, BibTeX or RIS
exports, or several of these at once. ``parse_references`` turns such a paste into
``ParsedReference`` objects so the admin can show what was understood and let the
practitioner fix the rest. It is pure Python: no database, no Django, and never the
network (a DOI is recorded, not looked up).

How it works
------------
1. Splitting. BibTeX entries (``@type{...}``, found by matching braces) and RIS records
   (``TY  -`` to ``ER  -``) are cut out first, because their own line structure carries
   meaning. The rest is split into paragraphs at blank lines. A paragraph is split
   further at numbered-list markers ("1.", "[1]", "1)") and at a line break where the
   text so far already reads as a whole reference and the next line starts like a new
   one; otherwise its lines are one wrapped reference.
2. Reading. Each plain-text reference is tried against the formats from the most
   distinctive to the least: a bare identifier (DOI, PubMed or PMC link), PubMed's
   MLA-like "seed" style (title in curly quotes, "vol."), AMA and Vancouver journal
   articles (anchored on the ``2009;10:77`` year part, because titles may contain
   periods but the journal is always the last sentence before it), and web pages
   (Vancouver's "[Internet]" form, or AMA's anchored on "Accessed ..." or an address).
   Format "pubmed-url" also covers PMC links and a bare "PMID: 123" or PMCID.
3. Nothing is dropped. Text that no reader recognises becomes a reference of format
   "unknown" holding its original text and a note for the practitioner; any DOI, PMID,
   PMCID or address found in it is still filled in (a bare web address is such a case).
   ``original`` is the reference's own lines, without indentation or a list number.

Authors come out in AMA form ("Garrison SR", "de Araújo CAL"); group authors are kept
as written. ``problems`` explains, in plain words, what could not be read.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import unquote, urlsplit

UNRECOGNISED = "Could not recognise this reference; it is kept as written."
ONLY_DOI = "Only the DOI was given; fill in the other fields or look it up."
ONLY_PMID = "Only the PubMed ID was given; fill in the other fields or look it up."
ONLY_PMCID = "Only the PubMed Central ID was given; fill in the other fields or look it up."
ONLY_URL = "Only the web address was given; fill in the other fields."
NO_TITLE = "Could not find the title."
NO_SOURCE = "Could not find the journal, website or publisher."
NO_YEAR = "Could not find the year of publication."
NO_AUTHORS = "Could not find the authors."

# Formats that claim to be a whole citation; only these get notes about missing fields,
# since a bare DOI or link is expected to lack them.
CITATION_FORMATS = {"seed", "ama", "vancouver", "bibtex", "ris"}

MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
)

# Lower-case name particles that belong to the family name ("Araújo, Carla de" is
# "de Araújo C" in AMA).
PARTICLES = {
    "da", "das", "de", "del", "della", "der", "den", "di", "do", "dos", "du",
    "la", "le", "st", "te", "ten", "ter", "van", "von", "zu",
}  # fmt: skip
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "2nd", "3rd"}
# Words that mark an organisation rather than a person when a name has no comma.
GROUP_WORDS = {
    "agency", "association", "board", "centre", "center", "centers", "collaboration",
    "college", "committee", "consortium", "council", "department", "foundation", "group",
    "institute", "investigators", "ministry", "network", "organization", "organisation",
    "service", "society", "team",
}  # fmt: skip


@dataclass
class ParsedReference:
    """One pasted reference, read as far as possible, with its original text kept."""

    original: str
    format: str = "unknown"
    kind: str = "journal-article"
    authors: list[str] = field(default_factory=list)
    authors_incomplete: bool = False
    title: str = ""
    container_title: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""
    url: str = ""
    accessed: date | None = None
    publisher: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        """ "full", "partial" or "unparsed": how much of the reference could be read."""
        has_source = bool(self.container_title or self.publisher)
        if self.title and has_source and self.year and self.authors and not self.problems:
            return "full"
        read = (
            self.title, self.container_title, self.publisher, self.year, self.authors,
            self.volume, self.issue, self.pages, self.doi, self.pmid, self.pmcid,
            self.url, self.accessed,
        )  # fmt: skip
        return "partial" if any(read) else "unparsed"


def parse_references(text: str) -> list[ParsedReference]:
    """Split pasted text into references and read each one; no text is ever dropped."""
    references = []
    for kind, original in split_references(text):
        if kind == "bibtex":
            references.append(_parse_bibtex(original))
        elif kind == "ris":
            references.append(_parse_ris(original))
        else:
            references.append(_parse_plain(original))
    return [_finish(reference) for reference in references]


# --- Splitting ------------------------------------------------------------------------

BIBTEX_START = re.compile(r"^[ \t]*@[ \t]*(?P<type>[A-Za-z]+)[ \t]*[{(]", re.M)
RIS_START = re.compile(r"^[ \t]*TY[ \t]{1,2}-", re.M)
RIS_TAG_LINE = re.compile(r"^[ \t]*([A-Z][A-Z0-9])[ \t]{1,2}-(?:[ \t](.*)|[ \t]*)$")
NUMBER_MARKER = re.compile(r"^\s*(?:\[(?P<a>\d{1,4})\]|\((?P<b>\d{1,4})\)|(?P<c>\d{1,4})[.)])\s+")
# A line beginning with one of these continues the reference above it.
CONTINUATION_WORDS = re.compile(
    r"^(?:doi|pmid|pmcid|accessed|available|epub|published|updated|erratum|retraction"
    r"|update|comment|retrieved|cited)\b",
    re.I,
)


def split_references(text: str) -> list[tuple[str, str]]:
    """Return ``(kind, original)`` pairs in pasted order; kind is bibtex, ris or plain."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = []
    position = 0
    while True:
        bibtex = BIBTEX_START.search(text, position)
        ris = RIS_START.search(text, position)
        starts = [match for match in (bibtex, ris) if match]
        if not starts:
            chunks += _split_plain(text[position:])
            return chunks
        first = min(starts, key=lambda match: match.start())
        chunks += _split_plain(text[position : first.start()])
        if first is bibtex:
            end = _bibtex_end(text, first)
            chunks.append(("bibtex", text[first.start() : end].strip()))
        else:
            end = _ris_end(text, first.start())
            chunks.append(("ris", text[first.start() : end].strip()))
        position = end


def _bibtex_end(text, start_match):
    """End of a BibTeX entry: its matching closing brace, else where the next entry starts."""
    opener = start_match.end() - 1
    if text[opener] == "{":
        closing = _closing_delimiter(text, opener)
    else:  # the rare ``@article( ... )`` form
        depth, closing = 0, None
        for index in range(opener, len(text)):
            depth += {"(": 1, ")": -1}.get(text[index], 0)
            if depth == 0:
                closing = index
                break
    if closing is not None:
        return closing + 1
    # Unbalanced: keep the whole rest up to the next entry rather than lose it.
    following = BIBTEX_START.search(text, start_match.end())
    return following.start() if following else len(text)


def _ris_end(text, start):
    """End of a RIS record: after its ER line, or before whatever is clearly not RIS."""
    position = start
    first = True
    while position < len(text):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end == -1 else line_end + 1
        line = text[position:line_end].rstrip("\n")
        tag = RIS_TAG_LINE.match(line)
        if tag and tag.group(1) == "ER":
            return line_end
        if tag and tag.group(1) == "TY" and not first:
            return position
        if not line.strip():
            following = text[line_end:].lstrip("\n").split("\n", 1)[0]
            if not RIS_TAG_LINE.match(following):
                return position
        first = False
        position = line_end
    return len(text)


def _split_plain(segment):
    """Split free text into references: paragraphs, then numbered items or whole lines."""
    chunks = []
    paragraph = []
    for line in [*segment.split("\n"), ""]:
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            chunks += [("plain", "\n".join(lines)) for lines in _split_paragraph(paragraph)]
            paragraph = []
    return chunks


def _split_paragraph(lines):
    first_number = _marker_number(lines[0])
    if first_number is not None:
        return _split_numbered(lines, first_number)
    groups = [[lines[0]]]
    for line in lines[1:]:
        if _starts_new_reference("\n".join(groups[-1]), line):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _marker_number(line):
    match = NUMBER_MARKER.match(line)
    if not match:
        return None
    return int(match.group("a") or match.group("b") or match.group("c"))


def _split_numbered(lines, first_number):
    # Only the next number in sequence starts an item, so that a wrapped line that
    # happens to begin with "5. " stays inside its reference.
    groups = []
    expected = first_number
    for line in lines:
        if _marker_number(line) == expected:
            groups.append([NUMBER_MARKER.sub("", line, count=1)])
            expected += 1
        else:
            groups[-1].append(line)
    return groups


# No single reference is this long; past it, stop re-reading the text gathered so far, which
# keeps a pasted document from costing quadratic time.
LONGEST_REFERENCE = 5000


def _starts_new_reference(previous, line):
    if _parse_identifier_only(previous) is not None:
        return True  # a list of bare DOIs or links, one a line
    if len(previous) > LONGEST_REFERENCE:
        return _clearly_a_whole_reference(line)
    previous_ref = _parse_plain(previous)
    identifier = _parse_identifier_only(line)
    if identifier is not None:
        if previous_ref.format == "unknown":
            return False
        # A DOI, PMID or address on its own line usually belongs to the citation above
        # it, unless that citation already has one.
        if identifier.doi:
            return bool(previous_ref.doi)
        if identifier.pmid or identifier.pmcid:
            return bool(previous_ref.pmid if identifier.pmid else previous_ref.pmcid)
        return bool(previous_ref.url or previous_ref.doi)
    if previous_ref.format == "unknown":
        # Unreadable text so far is usually the start of a wrapped reference, but must not
        # swallow a list that follows it. Text stopping mid-sentence ("Briggs AM, Smith AJ")
        # is wrapped, even when the next line could pass for a reference by itself.
        ends_a_sentence = previous.rstrip()[-1] in '.?!)]”"'
        return ends_a_sentence and _clearly_a_whole_reference(line)
    if CONTINUATION_WORDS.match(line):
        return False
    return line[0].isupper() or line[0] in "“\"'‘"


def _clearly_a_whole_reference(line):
    """A line that alone reads as a citation by named people, not the tail of a wrapped one."""
    reference = _parse_plain(line)
    if reference.format not in {"seed", "ama", "vancouver"} or reference.kind == "web-page":
        return False
    if not (reference.title and reference.year and reference.authors):
        return False
    return reference.format == "seed" or bool(AMA_PERSON.fullmatch(reference.authors[0]))


# --- Plain text -----------------------------------------------------------------------

DOI_CORE = r"10\.\d{4,9}/\S+"
DOI_IN_TEXT = re.compile(rf"(?:\bdoi\b:?\s*|https?://(?:dx\.)?doi\.org/)(?P<doi>{DOI_CORE})", re.I)
PMID_IN_TEXT = re.compile(r"\bPMID:?\s*(?P<pmid>\d{1,9})\b")
PMCID_IN_TEXT = re.compile(r"\bPMCID:?\s*(?P<pmcid>PMC\d+)\b", re.I)
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"]+")


def _parse_plain(original):
    text = " ".join(original.split())
    readers = (
        _parse_identifier_only,
        _parse_seed,
        _parse_vancouver_web_page,
        _parse_article,
        _parse_web_page,
    )
    for reader in readers:
        reference = reader(text)
        if reference is not None:
            reference.original = original
            return reference
    return _parse_unknown(original, text)


def _parse_unknown(original, text):
    reference = ParsedReference(original=original, format="unknown")
    _take_identifiers(text, reference)
    note = UNRECOGNISED
    if reference.doi or reference.pmid or reference.pmcid or reference.url:
        note += " The identifiers and address found in it were filled in."
    reference.problems.append(note)
    return reference


def _parse_identifier_only(text):
    """A bare DOI, DOI link, PubMed or PMC link, PMID or PMCID, or web address."""
    value = text.strip().rstrip(".").strip()
    reference = ParsedReference(original=text)
    if re.fullmatch(rf"(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)?{DOI_CORE}", value, re.I):
        reference.format = "doi"
        reference.doi = normalise_doi(value)
        reference.problems.append(ONLY_DOI)
        return reference
    pubmed = re.fullmatch(
        r"(?:https?://(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pubmed)/"
        r"|PMID:?\s*)(?P<pmid>\d{1,9})/?(?:[?#]\S*)?",
        value,
        re.I,
    )
    if pubmed:
        reference.format = "pubmed-url"
        reference.pmid = pubmed.group("pmid")
        if value.lower().startswith("http"):
            reference.url = value
        reference.problems.append(ONLY_PMID)
        return reference
    pmc = re.fullmatch(
        r"(?:https?://(?:www\.)?(?:ncbi\.nlm\.nih\.gov/pmc/articles|pmc\.ncbi\.nlm\.nih\.gov"
        r"/articles)/|PMCID:?\s*)(?P<pmcid>PMC\d+)/?(?:[?#]\S*)?",
        value,
        re.I,
    )
    if pmc:
        reference.format = "pubmed-url"
        reference.pmcid = pmc.group("pmcid").upper()
        if value.lower().startswith("http"):
            reference.url = value
        reference.problems.append(ONLY_PMCID)
        return reference
    if re.fullmatch(r"https?://\S+", text.strip()):
        # Not one of the listed formats, but the address alone is worth keeping.
        reference.kind = "web-page"
        reference.url = text.strip()
        reference.problems.append(ONLY_URL)
        return reference
    return None


SEED = re.compile(r"^(?P<authors>[^“”\"]*?)\s*[“\"](?P<title>[^“”\"]+)[”\"]\s*(?P<rest>.*)$")
SEED_DATE = re.compile(
    rf"(?<!\d)(?:(?P<day>\d{{1,2}})\s+)?(?:(?P<month>{MONTH})\.?\s+)?(?P<year>\d{{4}})$"
)


def _parse_seed(text):
    """PubMed's MLA-like citation: ``Family, Given et al. “Title.” Journal vol. 15,1 ...``."""
    match = SEED.match(text)
    if not match:
        return None
    author_text, rest = match.group("authors").strip(), match.group("rest").strip()
    # AMA titles may hold a quoted phrase; the seed style has "Family, Given." authors
    # and the journal straight after the closing quote.
    if author_text and not author_text.endswith("."):
        return None
    if _read_ama_author_list(author_text.rstrip(".")) is not None:
        return None
    if not rest or rest[0] in ".,;:":
        return None
    reference = ParsedReference(original=text, format="seed")
    reference.authors, reference.authors_incomplete = _seed_authors(author_text)
    reference.title = _strip_period(match.group("title"))
    rest = _take_identifiers(rest, reference, take_url=False).strip().rstrip(".,").strip()
    container, separator, details = rest.partition(" vol. ")
    if separator:
        reference.container_title = container.strip().rstrip(",")
        _read_seed_details(details.strip(), reference)
    else:
        # Ahead of print there is no volume: "Journal, 10.1000/x. 3 Jan. 2024".
        when = SEED_DATE.search(rest)
        head = rest[: when.start()] if when else rest
        reference.container_title = re.split(r",|\s\(\d{4}\)", head)[0].strip().rstrip(".")
        if when:
            _set_date(reference, when.group("year"), when.group("month"), when.group("day"))
    return reference


def _read_seed_details(details, reference):
    """Read ``15,1 e0227497. 10 Jan. 2020``, ``19,2 (2020): 123-134`` or ``2015 1113. ...``."""
    match = re.match(
        r"(?P<volume>[^\s,]+)(?:,\s*(?P<issue>Suppl\.?(?:\s*\d+)?|[^\s,(]+))?\s*(?P<after>.*)$",
        details,
    )
    reference.volume = match.group("volume")
    reference.issue = match.group("issue") or ""
    after = match.group("after").strip()
    in_brackets = re.match(r"\((?P<year>\d{4})\)\s*:?\s*(?P<pages>.*)$", after)
    if in_brackets:
        _set_date(reference, in_brackets.group("year"))
        reference.pages = _normalise_pages(_strip_period(in_brackets.group("pages")))
        return
    when = SEED_DATE.search(after)
    if when:
        _set_date(reference, when.group("year"), when.group("month"), when.group("day"))
        after = after[: when.start()]
    reference.pages = _normalise_pages(after.strip().rstrip(".,"))


def _seed_authors(author_text):
    """``Araújo, Carla Adriane Leal de et al.``, ``Melzack, R, and P D Wall.``, a group."""
    text = author_text.strip().rstrip(".").strip()
    incomplete = False
    et_al = re.search(r",?\s*\bet\s+al\.?$", text)
    if et_al:
        incomplete = True
        text = text[: et_al.start()].strip()
    if not text:
        return [], incomplete
    if ", and " in text:
        first, second = text.split(", and ", 1)
        return [_comma_name(first), _natural_name(second)], incomplete
    if "," in text:
        return [_comma_name(text)], incomplete
    return [text], incomplete


YEAR_PART = re.compile(
    rf"(?<!\d)(?P<year>(?:1[5-9]|20)\d{{2}})[a-z]?"
    rf"(?:\s+(?P<month>{MONTH})(?:\s*-\s*{MONTH})?(?:\s+(?P<day>\d{{1,2}})\b)?)?"
    r"(?P<numbers>"
    r"\s*;\s*(?P<volume>[^\s();:.]+(?:\s+Suppl(?:\s*\d+)?)?)?\s*(?:\((?P<issue>[^)]*)\))?"
    r"(?:\s*:\s*(?P<pages>[^\s.;,]+(?:\s*[-–]\s*[^\s.;,]+)?))?"
    r"|\s*:\s*(?P<only_pages>[^\s.;,]+(?:\s*[-–]\s*[^\s.;,]+)?)"
    r")(?=\s*(?:\.|$))"
)


def _parse_article(text):
    """AMA or Vancouver journal article, found by its year part (``2015;65(2):122-5.``)."""
    # Vancouver marks online journals "BMJ [Internet]. 2020 Mar 3 [cited 2024 Mar 5];368:m1";
    # the notes sit inside the year part, so read it without them.
    cited = VANCOUVER_CITED.search(text)
    plain = VANCOUVER_NOTES.sub("", text)
    for match in YEAR_PART.finditer(plain):
        before = plain[: match.start()].rstrip()
        if before.endswith((".", "?", "!")) and len(before) > 1:
            reference = _read_article(plain, match, before)
            if cited:
                reference.accessed = _read_full_date(cited.group("date"), reference)
            return reference
    return None


def _read_article(text, match, before):
    vancouver = bool(match.group("month")) or bool(PMID_IN_TEXT.search(text))
    reference = ParsedReference(original=text, format="vancouver" if vancouver else "ama")
    head, reference.container_title = _split_off_journal(before)
    reference.authors, reference.authors_incomplete, reference.title = _authors_and_title(head)
    _set_date(reference, match.group("year"), match.group("month"), match.group("day"))
    reference.volume = match.group("volume") or ""
    reference.issue = match.group("issue") or ""
    reference.pages = _normalise_pages(match.group("pages") or match.group("only_pages") or "")
    _take_identifiers(text[match.end() :], reference)
    return reference


def _split_off_journal(before):
    """The journal is the last sentence before the year part; the rest is authors and title."""
    body = before[:-1] if before.endswith(".") else before
    boundaries = [m.end() for m in re.finditer(r"[.?!]\s+", body)]
    start = boundaries.pop() if boundaries else 0
    # Old ISO abbreviations carry periods ("J. Physiol."); fold such short pieces back in.
    while boundaries and re.fullmatch(r"[A-Z][a-z]{0,3}\.\s+", body[boundaries[-1] : start]):
        start = boundaries.pop()
    return body[:start].strip(), body[start:].strip()


def _authors_and_title(head):
    """Split ``Briggs AM, Smith AJ. Title. With periods.`` into authors and title."""
    if not head:
        return [], False, ""
    first = re.match(r"(?P<first>.+?)\.\s+(?P<rest>.+)$", head)
    if not first:
        return [], False, _strip_period(head)
    people = _read_ama_author_list(first.group("first"))
    if people is not None:
        authors, incomplete = people
        return authors, incomplete, _strip_period(first.group("rest"))
    # A first sentence that is not a list of people, followed by more, is a group author.
    return [first.group("first").strip()], False, _strip_period(first.group("rest"))


AMA_PERSON = re.compile(
    r"(?P<family>[^\W\d_][^,;\d]*?)\s+(?P<initials>[A-Z]{1,4})"
    r"(?:\s+(?P<suffix>Jr|Sr|II|III|IV|2nd|3rd)\.?)?"
)


def _read_ama_author_list(text):
    """``Knowler WC, Fowler SE, et al; DPP Research Group`` -> (authors, incomplete), else None."""
    parts = [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
    if not parts or not AMA_PERSON.fullmatch(parts[0]):
        return None
    authors, incomplete, groups = [], False, 0
    for part in parts:
        if re.fullmatch(r"et\.?\s*al\.?", part, re.I):
            incomplete = True
        elif AMA_PERSON.fullmatch(part):
            authors.append(part)
        else:
            groups += 1
            authors.append(part)
    # A title sentence with commas is not an author list; allow at most a trailing group.
    if groups > 1 or (groups == 1 and AMA_PERSON.fullmatch(authors[-1])):
        return None
    return authors, incomplete


VANCOUVER_CITED = re.compile(r"\[(?:updated [^\]]*?;\s*)?cited\s+(?P<date>[^\]]+)\]", re.I)
VANCOUVER_NOTES = re.compile(r"\s*\[(?:Internet|updated [^\]]*|cited [^\]]*)\]", re.I)
VANCOUVER_PUBLICATION = re.compile(
    r"^\.?\s*(?:[^:;]+:\s*)?(?P<publisher>[^:;]+?)\s*;\s*c?(?P<year>\d{4})\b"
    rf"(?:\s+(?P<month>{MONTH})(?:\s+(?P<day>\d{{1,2}})\b)?)?"
)


def _parse_vancouver_web_page(text):
    """``NHS. Leg cramps [Internet]. London: NHS; 2020 [cited 2024 Mar 3]. Available from: URL``."""
    head, marker, after = text.partition("[Internet]")
    publication = VANCOUVER_PUBLICATION.match(after) if marker else None
    if not publication:
        return None
    reference = ParsedReference(original=text, format="vancouver", kind="web-page")
    sentences = _sentences(head)
    people = _read_ama_author_list(sentences[0]) if len(sentences) > 1 else None
    if people is not None:
        reference.authors, reference.authors_incomplete = people
    elif len(sentences) > 1:
        reference.authors = [sentences[0]]
    reference.title = " ".join(sentences[1:] if len(sentences) > 1 else sentences)
    reference.publisher = publication.group("publisher").strip()
    _set_date(
        reference, publication.group("year"), publication.group("month"), publication.group("day")
    )
    cited = VANCOUVER_CITED.search(after)
    if cited:
        reference.accessed = _read_full_date(cited.group("date"), reference)
    address = re.search(r"Available (?:from|at):?\s*(?P<url>https?://\S+)", after, re.I)
    if address:
        reference.url = address.group("url").rstrip(".,;")
    _take_identifiers(after, reference, take_url=False)
    return reference


ACCESSED = re.compile(
    r"\b(?:Accessed|Retrieved|Cited)(?:\s+on)?:?\s+(?P<date>[^.]*?\d{4})\.?", re.I
)
PUBLISHED = re.compile(
    r"\b(?P<what>Published(?:\s+online)?|Updated|Last\s+updated|Page\s+last\s+reviewed)"
    r":?\s+(?P<date>[^.]*?\d{4})\.?",
    re.I,
)


def _parse_web_page(text):
    """AMA web page: ``Author. Title. Website. Published date. Accessed date. URL``."""
    accessed = ACCESSED.search(text)
    published = list(PUBLISHED.finditer(text))
    urls = [m for m in URL_IN_TEXT.finditer(text) if not DOI_IN_TEXT.match(m.group())]
    cuts = [m.start() for m in [accessed, *published, *urls[:1]] if m]
    if not cuts:
        return None
    sentences = _sentences(text[: min(cuts)])
    if not sentences or (not accessed and not published and len(sentences) < 2):
        return None
    # "JAMA. Published online March 3, 2024. doi:..." is an article ahead of print.
    is_page = bool(accessed or urls)
    reference = ParsedReference(
        original=text, format="ama", kind="web-page" if is_page else "journal-article"
    )
    if urls:
        reference.url = urls[-1].group().rstrip(".,;")
    if accessed:
        reference.accessed = _read_full_date(accessed.group("date"), reference)
    if published:
        preferred = next((m for m in published if m.group("what").startswith("P")), published[0])
        year, month, day = _read_date_parts(preferred.group("date"))
        _set_date(reference, year, month, day)
    _take_identifiers(text, reference, take_url=False)
    _read_web_page_head(sentences, reference)
    return reference


def _read_web_page_head(sentences, reference):
    people = _read_ama_author_list(sentences[0]) if len(sentences) > 1 else None
    if people is not None:
        reference.authors, reference.authors_incomplete = people
        reference.title = " ".join(sentences[1:-1] or sentences[1:])
        if len(sentences) > 2:
            reference.container_title = sentences[-1]
    elif len(sentences) == 1:
        reference.title = sentences[0]
    elif (
        len(sentences) == 2
        and _names_site(sentences[0], reference.url)
        and not _names_site(sentences[1], reference.url)
    ):
        # "Centers for Disease Control and Prevention. About chronic back pain.": the
        # organisation that owns the site wrote the page.
        reference.authors = [sentences[0]]
        reference.container_title = sentences[0]
        reference.title = sentences[1]
    elif len(sentences) == 2:
        reference.title, reference.container_title = sentences
    else:
        reference.authors = [sentences[0]]
        reference.title = " ".join(sentences[1:-1])
        reference.container_title = sentences[-1]


def _names_site(name, url):
    """Does this sentence name the website (NHS for nhs.uk, WHO for who.int)?"""
    if not url:
        return False
    labels = {label for label in urlsplit(url).hostname.split(".") if len(label) >= 3} - {
        "www", "com", "org", "gov", "net", "edu", "int",
    }  # fmt: skip
    words = re.findall(r"[^\W\d_]+", name)
    letters = "".join(words).lower()
    acronym = "".join(word[0] for word in words if word[0].isupper()).lower()
    return any(label in (letters, acronym) or acronym.startswith(label) for label in labels)


def _sentences(text):
    pieces = re.split(r"(?<=[.?!])\s+", text.strip())
    return [_strip_period(piece) for piece in pieces if _strip_period(piece)]


# --- BibTeX ---------------------------------------------------------------------------

BIBTEX_KINDS = {
    "article": "journal-article",
    "book": "book",
    "mvbook": "book",
    "inbook": "book-chapter",
    "incollection": "book-chapter",
    "bookinbook": "book-chapter",
    "online": "web-page",
    "www": "web-page",
    "webpage": "web-page",
    "electronic": "web-page",
    "standard": "guideline",
}


def _parse_bibtex(original):
    entry_type = BIBTEX_START.match(original).group("type").lower()
    if entry_type in {"comment", "preamble", "string"}:
        return ParsedReference(
            original=original,
            problems=[f"This BibTeX @{entry_type} is not a reference; it is kept as written."],
        )
    reference = ParsedReference(original=original, format="bibtex")
    body = original[BIBTEX_START.match(original).end() :]
    fields = _bibtex_fields(body, reference)
    reference.kind = _bibtex_kind(entry_type, fields, reference)
    reference.authors, reference.authors_incomplete = _bibtex_authors(fields.get("author", ""))
    text = {name: _latex_to_text(value) for name, value in fields.items()}
    if reference.kind == "book-chapter":
        reference.title = _strip_period(text.get("chapter") or text.get("title", ""))
        reference.container_title = text.get("booktitle") or (
            text.get("title", "") if "chapter" in text else ""
        )
    else:
        reference.title = _strip_period(text.get("title", ""))
        reference.container_title = (
            text.get("journal") or text.get("journaltitle") or text.get("booktitle") or ""
        )
    reference.publisher = text.get("publisher") or text.get("institution") or ""
    if reference.kind == "web-page" and not reference.container_title:
        site = text.get("organization") or text.get("howpublished") or ""
        reference.container_title = "" if URL_IN_TEXT.match(site) else site
    _read_bibtex_date(text, reference)
    reference.volume = text.get("volume", "")
    reference.issue = text.get("number") or text.get("issue") or ""
    reference.pages = _normalise_pages(text.get("pages", ""))
    reference.doi = normalise_doi(_bibtex_verbatim(fields.get("doi", "")))
    reference.url = _bibtex_verbatim(fields.get("url", ""))
    if not reference.doi and DOI_IN_TEXT.match(reference.url):
        reference.doi = normalise_doi(reference.url)
    reference.pmid = re.sub(r"\D", "", text.get("pmid", ""))
    reference.pmcid = text.get("pmcid", "").upper()
    if text.get("eprinttype", "").lower() == "pubmed":
        reference.pmid = re.sub(r"\D", "", text.get("eprint", ""))
    if text.get("urldate"):
        reference.accessed = _read_full_date(text["urldate"], reference)
    return reference


def _bibtex_verbatim(value):
    # DOIs and addresses are not LaTeX: "~" and "--" in them must survive.
    return re.sub(r"\\([&%$#_~])", r"\1", value).replace("{", "").replace("}", "").strip()


def _bibtex_kind(entry_type, fields, reference):
    if entry_type in BIBTEX_KINDS:
        return BIBTEX_KINDS[entry_type]
    if entry_type == "misc" and "url" in fields and "journal" not in fields:
        return "web-page"
    if entry_type != "misc":
        reference.problems.append(
            f"The BibTeX type @{entry_type} was read as a journal article; check the kind."
        )
    return "journal-article"


BIBTEX_FIELD_NAME = re.compile(r"[A-Za-z][\w\-:.+]*\s*=\s*")
BIBTEX_BARE_WORD = re.compile(r"[^\s,#{}()\"]+")  # a number or a macro such as ``sep``


def _bibtex_fields(body, reference):
    """Read ``key, name = {value} # "value", ...`` into a dict of raw (LaTeX) values."""
    fields = {}
    index = body.find(",")
    if index == -1:
        reference.problems.append("This BibTeX entry has no fields.")
        return fields
    index += 1
    while True:
        while index < len(body) and (body[index].isspace() or body[index] == ","):
            index += 1
        if index >= len(body) or body[index] in "})":
            return fields
        name = BIBTEX_FIELD_NAME.match(body, index)
        if not name:
            reference.problems.append("Part of this BibTeX entry could not be read.")
            return fields
        value, index = _bibtex_value(body, name.end(), reference)
        fields[name.group().split("=")[0].strip().lower()] = value


def _bibtex_value(body, index, reference):
    parts = []
    while True:
        while index < len(body) and body[index].isspace():
            index += 1
        if index >= len(body):
            break
        if body[index] in '{"':
            closing = _closing_delimiter(body, index)
            if closing is None:
                reference.problems.append("A brace or quote is missing in this BibTeX entry.")
                parts.append(body[index + 1 :])
                return "".join(parts), len(body)
            parts.append(body[index + 1 : closing])
            index = closing + 1
        else:
            word = BIBTEX_BARE_WORD.match(body, index)
            if not word:
                break
            parts.append(word.group())
            index = word.end()
        while index < len(body) and body[index].isspace():
            index += 1
        if index < len(body) and body[index] == "#":
            index += 1
            continue
        break
    return "".join(parts), index


def _closing_delimiter(body, index):
    """Index of the brace or quote closing the one at ``index``; braces may nest inside."""
    quote = body[index] == '"'
    depth = 0
    position = index + 1 if quote else index
    while position < len(body):
        char = body[position]
        if char == "\\":
            position += 2  # an escaped brace or quote does not count
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0 and not quote:
                return position
        elif char == '"' and quote and depth == 0:
            return position
        position += 1
    return None


def _bibtex_authors(value):
    """Split on top-level ``and``; a name wholly in braces is a group, ``others`` = et al."""
    names, depth, current = [], 0, ""
    for token in re.split(r"(\s+and\s+|[{}])", value):
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        if depth == 0 and re.fullmatch(r"\s+and\s+", token or ""):
            names.append(current)
            current = ""
        else:
            current += token or ""
    names.append(current)
    authors, incomplete = [], False
    for name in (name.strip() for name in names):
        if not name:
            continue
        if name.lower() == "others":
            incomplete = True
        elif (
            name.startswith("{")
            and name.endswith("}")
            and _closing_delimiter(name, 0) == len(name) - 1
        ):
            authors.append(_latex_to_text(name))
        else:
            authors.append(_any_name(_latex_to_text(name)))
    return authors, incomplete


def _read_bibtex_date(text, reference):
    if text.get("date"):
        year, month, day = _read_date_parts(text["date"])
        _set_date(reference, year, month, day)
    elif text.get("year"):
        year = re.search(r"\d{4}", text["year"])
        _set_date(reference, year.group() if year else None, text.get("month"), text.get("day"))


ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
    "=": "\u0304", ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306",
    "H": "\u030b", "r": "\u030a", "k": "\u0328",
}  # fmt: skip
LATEX_LETTERS = {
    "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı",
}  # fmt: skip


def _latex_to_text(value):
    """Turn the LaTeX people put in BibTeX (``{\\'e}``, ``\\&``, ``--``) into plain text."""
    text = re.sub(r"\{?\\([`'^\"~=.])\s*\{?\s*\\?([A-Za-z])\s*\}?\}?", _accent, value)
    text = re.sub(r"\{?\\([cvuHrk])\s*(?:\{\s*\\?([A-Za-z])\s*\}|\s+([A-Za-z]))\}?", _accent, text)
    text = re.sub(
        r"\{?\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i)(?![A-Za-z])\s*(?:\{\})?\}?",
        lambda m: LATEX_LETTERS[m.group(1)],
        text,
    )
    text = re.sub(r"\\([&%$#_{}])", r"\1", text)
    text = text.replace("---", "—").replace("--", "–").replace("~", " ")
    text = re.sub(r"\\[A-Za-z]+\*?\s*", "", text)  # formatting commands: keep their text
    text = text.replace("{", "").replace("}", "")
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _accent(match):
    letter = match.group(2) or match.group(3)
    return unicodedata.normalize("NFC", letter + ACCENTS[match.group(1)])


# --- RIS ------------------------------------------------------------------------------

RIS_KINDS = {
    "JOUR": "journal-article",
    "JFULL": "journal-article",
    "EJOUR": "journal-article",
    "MGZN": "journal-article",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "CHAP": "book-chapter",
    "ECHAP": "book-chapter",
    "ELEC": "web-page",
    "WEB": "web-page",
    "BLOG": "web-page",
    "STAND": "guideline",
    "GOVDOC": "guideline",
    "GUIDELINE": "guideline",
}


def _parse_ris(original):
    reference = ParsedReference(original=original, format="ris")
    tags = _ris_tags(original)

    def first(*names):
        return next((tags[name][0] for name in names if tags.get(name)), "")

    record_type = first("TY").upper()
    reference.kind = RIS_KINDS.get(record_type, "journal-article")
    if record_type not in RIS_KINDS:
        reference.problems.append(
            f"The RIS type {record_type or '(none)'} was read as a journal article; check the kind."
        )
    authors = tags.get("AU", []) + tags.get("A1", [])
    reference.authors = [_ris_name(name) for name in authors if name.strip()]
    reference.title = _strip_period(first("TI", "T1", "CT"))
    if reference.kind in ("journal-article", "systematic-review"):
        reference.container_title = first("JA", "J2", "JO", "JF", "T2")
    else:
        reference.container_title = first("T2", "JO", "JF", "T3")
    reference.publisher = first("PB")
    year, month, day = _read_date_parts(first("PY", "Y1", "DA"))
    if not month and first("DA"):
        _, month, day = _read_date_parts(first("DA"))
    _set_date(reference, year, month, day)
    reference.volume = first("VL")
    reference.issue = first("IS")
    start, end = first("SP"), first("EP")
    reference.pages = _normalise_pages(f"{start}-{end}" if start and end else start)
    reference.doi = normalise_doi(first("DO"))
    urls = [url for url in tags.get("UR", []) + tags.get("L2", []) if url]
    for url in urls:
        if not reference.doi and DOI_IN_TEXT.match(url):
            reference.doi = normalise_doi(url)
    reference.url = next((url for url in urls if not DOI_IN_TEXT.match(url)), "")
    _read_ris_ids(tags, reference)
    if reference.kind == "web-page" and first("Y2"):
        reference.accessed = _read_full_date(first("Y2"), reference)
    return reference


def _ris_tags(original):
    tags = {}
    last = None
    for line in original.split("\n"):
        match = RIS_TAG_LINE.match(line)
        if match:
            last = match.group(1)
            tags.setdefault(last, []).append((match.group(2) or "").strip())
        elif line.strip() and last:
            # Some exporters wrap long values onto untagged lines.
            tags[last][-1] = f"{tags[last][-1]} {line.strip()}".strip()
    return tags


def _read_ris_ids(tags, reference):
    # PubMed IDs have no RIS tag of their own: exporters put "PMID: 123" in a note, or
    # the bare number in AN when the database (DB/DP) is PubMed.
    database = " ".join(tags.get("DB", []) + tags.get("DP", [])).lower()
    accession = next(iter(tags.get("AN", [])), "")
    if accession.isdigit() and ("pubmed" in database or "nlm" in database):
        reference.pmid = accession
    for values in tags.values():
        for value in values:
            pmid = PMID_IN_TEXT.search(value)
            pmcid = re.search(r"\b(PMC\d+)\b", value)
            if pmid and not reference.pmid:
                reference.pmid = pmid.group("pmid")
            if pmcid and not reference.pmcid:
                reference.pmcid = pmcid.group(1)


def _ris_name(name):
    name = " ".join(name.split())
    # RIS names are "Family, Given"; one without a comma is a group or already in AMA form.
    return _comma_name(name) if "," in name else name


# --- Names ----------------------------------------------------------------------------


def _any_name(name):
    """A name in any order: ``Family, Given``, ``Given Family``, AMA, or a group."""
    name = " ".join(name.split())
    if "," in name:
        return _comma_name(name)
    if AMA_PERSON.fullmatch(name) or _is_group(name):
        return name
    return _natural_name(name)


def _comma_name(name):
    """``Garrison, Scott R`` -> ``Garrison SR``; ``von Last, Jr, First`` keeps the suffix."""
    parts = [part.strip() for part in name.split(",")]
    family, given = parts[0], parts[-1]
    suffix = parts[1] if len(parts) == 3 else ""
    if len(parts) == 2 and parts[1].rstrip(".").lower() in SUFFIXES:
        return f"{family} {parts[1].rstrip('.')}"
    return _ama_name(family, given, suffix)


def _natural_name(name):
    """``P D Wall`` -> ``Wall PD``; ``Ludwig van Beethoven`` -> ``van Beethoven L``."""
    words = name.split()
    suffix = ""
    if len(words) > 2 and words[-1].rstrip(".").lower() in SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return words[0]
    split_at = next((i for i in range(1, len(words) - 1) if words[i][0].islower()), len(words) - 1)
    return _ama_name(" ".join(words[split_at:]), " ".join(words[:split_at]), suffix)


def _ama_name(family, given, suffix=""):
    tokens = [token for token in re.split(r"[\s.]+", given) if token]
    particles = []
    while tokens and tokens[-1].lower() in PARTICLES:
        particles.insert(0, tokens.pop())
    initials = "".join(_initials(token) for token in tokens if token.lower() not in PARTICLES)
    family = " ".join([*particles, family])
    return " ".join(part for part in (family, initials, suffix.rstrip(".")) if part)


def _initials(token):
    letters = ""
    for part in (part for part in token.split("-") if part):
        # "JPT" or "SR" in a given-name field are already initials.
        letters += part if part.isupper() and len(part) <= 3 else part[0].upper()
    return letters


def _is_group(name):
    return any(word.lower() in GROUP_WORDS for word in re.findall(r"[^\W\d_]+", name))


# --- Shared helpers -------------------------------------------------------------------


def normalise_doi(value: str) -> str:
    """Bare DOI from ``https://doi.org/…``, ``dx.doi.org``, ``doi:`` or ``doi: `` forms."""
    value = unquote((value or "").strip())
    value = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:?\s*)", "", value, flags=re.I)
    value = value.strip().rstrip(".,;")
    # A closing bracket belongs to the DOI only when the DOI opened it.
    while value.endswith((")", "]")) and value.count(value[-1]) > value.count(
        "(" if value[-1] == ")" else "["
    ):
        value = value[:-1]
    return value


def _take_identifiers(text, reference, take_url=True):
    """Fill DOI, PMID, PMCID (and URL) from the text; return the text without them."""
    doi = DOI_IN_TEXT.search(text)
    if doi and not reference.doi:
        reference.doi = normalise_doi(doi.group("doi"))
    pmid = PMID_IN_TEXT.search(text)
    if pmid and not reference.pmid:
        reference.pmid = pmid.group("pmid")
    pmcid = PMCID_IN_TEXT.search(text)
    if pmcid and not reference.pmcid:
        reference.pmcid = pmcid.group("pmcid").upper()
    if take_url and not reference.url:
        url = next(
            (m for m in URL_IN_TEXT.finditer(text) if not DOI_IN_TEXT.match(m.group())), None
        )
        if url:
            reference.url = url.group().rstrip(".,;")
    for pattern in (DOI_IN_TEXT, PMID_IN_TEXT, PMCID_IN_TEXT):
        text = pattern.sub("", text)
    return text


def _strip_period(text):
    text = " ".join((text or "").split())
    return text[:-1].rstrip() if text.endswith(".") else text


def _normalise_pages(pages):
    return re.sub(r"\s*[-–—]\s*", "-", (pages or "").strip())


def _month_number(value):
    if value is None or value == "":
        return None
    value = str(value).strip().lower()
    if value.isdigit():
        number = int(value)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(value[:3])


def _set_date(reference, year, month=None, day=None):
    if not year:
        return
    reference.year = int(year)
    reference.month = _month_number(month)
    reference.day = int(day) if reference.month and day and str(day).isdigit() else None


def _read_date_parts(text):
    """Year, month and day from the date shapes references use; missing parts are None."""
    text = (text or "").strip()
    shapes = [
        rf"(?P<month>{MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})",
        rf"(?<!\d)(?P<day>\d{{1,2}})\s+(?P<month>{MONTH})\.?,?\s+(?P<year>\d{{4}})",
        r"(?P<year>\d{4})[-/](?P<month>\d{1,2})?(?:[-/](?P<day>\d{1,2}))?",
        rf"(?P<year>\d{{4}})\s+(?P<month>{MONTH})\.?(?:\s+(?P<day>\d{{1,2}}))?",
        rf"(?P<month>{MONTH})\.?\s+(?P<year>\d{{4}})",
        r"(?P<year>\d{4})",
    ]
    for shape in shapes:
        match = re.search(shape, text, re.I)
        if match:
            parts = match.groupdict()
            return parts.get("year"), parts.get("month"), parts.get("day")
    return None, None, None


def _read_full_date(text, reference):
    """A whole calendar date (an access date), or None with a note for the practitioner."""
    year, month, day = _read_date_parts(text)
    try:
        return date(int(year), _month_number(month), int(day))
    except (TypeError, ValueError):
        reference.problems.append(f"Could not read the date “{text.strip()}”.")
        return None


# "... adults. A systematic review", "Systematic review of ...", "...: a systematic review
# and meta-analysis", but not "a guideline for reporting systematic reviews".
SYSTEMATIC_REVIEW_TITLE = re.compile(r"(?:^|[:.?]\s+|\ban?\s+)systematic review", re.I)


def _finish(reference):
    container = reference.container_title.lower()
    if reference.kind == "journal-article" and (
        SYSTEMATIC_REVIEW_TITLE.search(reference.title)
        or ("cochrane" in container and "rev" in container)
    ):
        reference.kind = "systematic-review"
    if reference.format in CITATION_FORMATS:
        missing = [
            (NO_TITLE, reference.title),
            (NO_SOURCE, reference.container_title or reference.publisher),
            (NO_YEAR, reference.year),
            (NO_AUTHORS, reference.authors),
        ]
        reference.problems += [note for note, value in missing if not value]
    return reference
