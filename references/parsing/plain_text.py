"""Plain-text citation styles: PubMed's "Cite" text, AMA, NLM/Vancouver and web pages."""

import re
from urllib.parse import urlsplit

from .apa import parse_apa
from .dates import MONTH, read_date_parts, read_full_date, set_date
from .identifiers import (
    DOI_IN_TEXT,
    PMID_IN_TEXT,
    URL_IN_TEXT,
    parse_identifier_only,
    take_identifiers,
)
from .names import inverted_first_author_list, read_ama_author_list
from .reference import UNRECOGNISED, ParsedReference, normalise_pages, split_sentences, strip_period

# Formats that are a whole citation in one of the plain-text styles.
STYLE_FORMATS = {"seed", "ama", "vancouver", "apa", "mla", "chicago"}


def parse_plain(original):
    text = " ".join(original.split())
    readers = (
        parse_identifier_only,
        parse_apa,
        _parse_seed,
        _parse_vancouver_web_page,
        _parse_article,
        _parse_web_page,
        _parse_humanities_book,
    )
    for reader in readers:
        reference = reader(text)
        if reference is not None:
            reference.original = original
            return reference
    return _parse_unknown(original, text)


def _parse_unknown(original, text):
    reference = ParsedReference(original=original, format="unknown")
    take_identifiers(text, reference)
    note = UNRECOGNISED
    if reference.doi or reference.pmid or reference.pmcid or reference.url:
        note += " The identifiers and address found in it were filled in."
    reference.problems.append(note)
    return reference


SEED = re.compile(r"^(?P<authors>[^“”\"]*?)\s*[“\"](?P<title>[^“”\"]+)[”\"]\s*(?P<rest>.*)$")
SEED_DATE = re.compile(
    rf"(?<!\d)(?:(?P<day>\d{{1,2}})\s+)?(?:(?P<month>{MONTH})\.?\s+)?(?P<year>\d{{4}})$"
)


# MLA: "Journal, vol. 2, no. 8, 2005, pp. 971-79"; Chicago: "Science 150, no. 3699 (1965):
# 971–79", or in author-date form, with the year after the authors: "BMJ 327 (7414): 557–60".
MLA_SOURCE = re.compile(
    r"^(?P<container>[^,]+?),\s*vol\.\s*(?P<volume>[^,]+?),\s*(?:no\.\s*(?P<issue>[^,]+?),\s*)?"
    r"(?P<date>[^,]*?\b(?P<year>\d{4}))\b(?:,\s*pp?\.\s*(?P<pages>[^,\s]+?))?(?:[.,]|\s|$)"
)
CHICAGO_SOURCE = re.compile(
    r"^(?P<container>.+?)\s+(?P<volume>\d+[A-Za-z]?)(?:,\s*no\.\s*(?P<issue>[^\s(]+))?"
    r"\s*(?:\((?P<bracket>[^)]*)\))?\s*:\s*(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–]\s*\d+)?)"
)
YEAR_AFTER_AUTHORS = re.compile(r"(?<=\.)\s+(?P<year>(?:1[5-9]|20)\d{2})[a-z]?\.$")


def _parse_seed(text):
    """A title in quotes: PubMed's "Cite" text (``Family, Given et al. “Title.” Journal vol.
    15,1 ...``), MLA (``“Title.” Journal, vol. 2, no. 8, 2005, pp. 1-9``) and Chicago
    (``“Title.” Journal 150, no. 3699 (1965): 971–79``, or the year after the authors)."""
    match = SEED.match(text)
    if not match:
        return None
    author_text, rest = match.group("authors").strip(), match.group("rest").strip()
    year_after_authors = YEAR_AFTER_AUTHORS.search(author_text)
    if year_after_authors:
        author_text = author_text[: year_after_authors.start()]
    # AMA titles may hold a quoted phrase; these styles have "Family, Given." authors
    # and the journal straight after the closing quote.
    if author_text and not author_text.endswith("."):
        return None
    if read_ama_author_list(author_text.rstrip(".")) is not None:
        return None
    if not rest or rest[0] in ".,;:":
        return None
    reference = ParsedReference(original=text, format="seed")
    reference.authors, reference.authors_incomplete = inverted_first_author_list(author_text)
    reference.title = strip_period(match.group("title"))
    rest = take_identifiers(rest, reference, take_url=False).strip().rstrip(".,").strip()
    container, separator, details = rest.partition(" vol. ")
    if mla := MLA_SOURCE.match(rest):
        reference.format = "mla"
        reference.container_title = mla.group("container").strip()
        reference.volume, reference.issue = mla.group("volume"), mla.group("issue") or ""
        year, month, day = read_date_parts(mla.group("date"))
        set_date(reference, year, month, day)
        reference.pages = normalise_pages(mla.group("pages") or "")
        _take_address(rest[mla.end() :], reference)
    elif separator:
        reference.container_title = container.strip().rstrip(",")
        _read_seed_details(details.strip(), reference)
    elif chicago := CHICAGO_SOURCE.match(rest):
        reference.format = "chicago"
        reference.container_title = chicago.group("container").strip().rstrip(",")
        reference.volume = chicago.group("volume")
        bracket = chicago.group("bracket") or ""
        if year_after_authors:
            reference.issue = chicago.group("issue") or bracket
        else:
            reference.issue = chicago.group("issue") or ""
            year, month, day = read_date_parts(bracket)
            set_date(reference, year, month, day)
        reference.pages = normalise_pages(chicago.group("pages"))
        _take_address(rest[chicago.end() :], reference)
    else:
        # Ahead of print there is no volume: "Journal, 10.1000/x. 3 Jan. 2024".
        when = SEED_DATE.search(rest)
        head = rest[: when.start()] if when else rest
        reference.container_title = re.split(r",|\s\(\d{4}\)", head)[0].strip().rstrip(".")
        if when:
            set_date(reference, when.group("year"), when.group("month"), when.group("day"))
    if year_after_authors and not reference.year:
        set_date(reference, year_after_authors.group("year"))
    return reference


def _take_address(text, reference):
    url = URL_IN_TEXT.search(text)
    if url and not reference.url:
        reference.url = url.group().rstrip(".,;")


# MLA and Chicago books: "Cohen, Jacob. Title. 2nd ed., Publisher, 1988." or, in Chicago,
# "Cohen, Jacob. Title. 2nd ed. Hillsdale, NJ: Publisher, 1988."
HUMANITIES_BOOK = re.compile(
    r"^(?P<authors>[^\W\d_][^.,]*,\s+(?:[A-Z][\w'’-]*\.?\s+)*?[A-Z][\w'’-]+"
    r"(?:,?\s+(?:and\s|et al)[^.]*)?)\.\s+"
    r"(?P<title>[^.]+?)\.\s+(?:(?P<edition>\d+(?:st|nd|rd|th)\s+ed)\.,?\s+)?"
    r"(?:(?P<place>[^:.,]+(?:,\s*[A-Z]{2})?):\s*)?(?P<publisher>[^,.:]+),\s*(?P<year>\d{4})\.?$"
)


def _parse_humanities_book(text):
    match = HUMANITIES_BOOK.match(text)
    if not match:
        return None
    reference = ParsedReference(
        original=text, format="chicago" if match.group("place") else "mla", kind="book"
    )
    reference.authors, reference.authors_incomplete = inverted_first_author_list(
        match.group("authors")
    )
    reference.title = match.group("title").strip()
    if match.group("edition"):
        # Citations have no edition field; the edition stays with the title, as APA writes it.
        reference.title += f" ({match.group('edition')}.)"
    reference.publisher = match.group("publisher").strip()
    set_date(reference, match.group("year"))
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
        set_date(reference, in_brackets.group("year"))
        reference.pages = normalise_pages(strip_period(in_brackets.group("pages")))
        return
    when = SEED_DATE.search(after)
    if when:
        set_date(reference, when.group("year"), when.group("month"), when.group("day"))
        after = after[: when.start()]
    reference.pages = normalise_pages(after.strip().rstrip(".,"))


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
                reference.accessed = read_full_date(cited.group("date"), reference)
            return reference
    return None


def _read_article(text, match, before):
    vancouver = bool(match.group("month")) or bool(PMID_IN_TEXT.search(text))
    reference = ParsedReference(original=text, format="vancouver" if vancouver else "ama")
    head, reference.container_title = _split_off_journal(before)
    reference.authors, reference.authors_incomplete, reference.title = _authors_and_title(head)
    set_date(reference, match.group("year"), match.group("month"), match.group("day"))
    reference.volume = match.group("volume") or ""
    reference.issue = match.group("issue") or ""
    reference.pages = normalise_pages(match.group("pages") or match.group("only_pages") or "")
    take_identifiers(text[match.end() :], reference)
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
        return [], False, strip_period(head)
    people = read_ama_author_list(first.group("first"))
    if people is not None:
        authors, incomplete = people
        return authors, incomplete, strip_period(first.group("rest"))
    # A first sentence that is not a list of people, followed by more, is a group author.
    return [first.group("first").strip()], False, strip_period(first.group("rest"))


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
    sentences = split_sentences(head)
    people = read_ama_author_list(sentences[0]) if len(sentences) > 1 else None
    if people is not None:
        reference.authors, reference.authors_incomplete = people
    elif len(sentences) > 1:
        reference.authors = [sentences[0]]
    reference.title = " ".join(sentences[1:] if len(sentences) > 1 else sentences)
    reference.publisher = publication.group("publisher").strip()
    set_date(
        reference, publication.group("year"), publication.group("month"), publication.group("day")
    )
    cited = VANCOUVER_CITED.search(after)
    if cited:
        reference.accessed = read_full_date(cited.group("date"), reference)
    address = re.search(r"Available (?:from|at):?\s*(?P<url>https?://\S+)", after, re.I)
    if address:
        reference.url = address.group("url").rstrip(".,;")
    take_identifiers(after, reference, take_url=False)
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
    sentences = split_sentences(text[: min(cuts)])
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
        reference.accessed = read_full_date(accessed.group("date"), reference)
    if published:
        preferred = next((m for m in published if m.group("what").startswith("P")), published[0])
        year, month, day = read_date_parts(preferred.group("date"))
        set_date(reference, year, month, day)
    take_identifiers(text, reference, take_url=False)
    _read_web_page_head(sentences, reference)
    return reference


def _read_web_page_head(sentences, reference):
    people = read_ama_author_list(sentences[0]) if len(sentences) > 1 else None
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
