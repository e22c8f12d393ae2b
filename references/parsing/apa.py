"""APA (7th edition): ``Authors. (Year). Title. Journal, Vol(Issue), pages. https://doi.org/…``.

Books (``Title (2nd ed.). Publisher.``), and reports, guidelines and web pages by a group
(``National Institute for Health and Care Excellence. (2016). Title. URL``) are read too.
"""

import re

from .dates import read_date_parts, read_full_date, set_date
from .identifiers import DOI_IN_TEXT, URL_IN_TEXT, take_identifiers
from .names import read_apa_author_list
from .reference import ParsedReference, normalise_pages, split_sentences, strip_period

APA_HEAD = re.compile(
    r"^(?P<authors>[^()“”\"]+?)\s*\((?:(?P<year>(?:1[5-9]|20)\d{2})[a-z]?"
    r"(?:,\s*(?P<date>[^)]*))?|n\.\s?d\.)\)\.\s+(?P<rest>.+)$"
)
APA_SOURCE = re.compile(
    r"(?<=[.?!])\s+(?P<journal>[^.?!]+?),\s+(?P<volume>\d+[A-Za-z]?)(?:\((?P<issue>[^)]+)\))?"
    r"(?:,\s+(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–]\s*[A-Za-z]?\d+)?))?\.?(?=\s|$)"
)
RETRIEVED = re.compile(r"\bRetrieved\s+(?P<date>[^,]+?\d{4}),?\s+from\b", re.I)


def parse_apa(text):
    head = APA_HEAD.match(text)
    if not head:
        return None
    reference = ParsedReference(original=text, format="apa")
    reference.authors, reference.authors_incomplete = read_apa_author_list(head.group("authors"))
    if head.group("year"):
        _, month, day = read_date_parts(head.group("date") or "")
        set_date(reference, head.group("year"), month, day)
    rest = head.group("rest")
    retrieved = RETRIEVED.search(rest)
    if retrieved:
        reference.accessed = read_full_date(retrieved.group("date"), reference)
        rest = rest[: retrieved.start()] + rest[retrieved.end() :]
    source = APA_SOURCE.search(rest)
    if source:
        reference.title = strip_period(rest[: source.start()])
        reference.container_title = source.group("journal").strip()
        reference.volume = source.group("volume")
        reference.issue = source.group("issue") or ""
        reference.pages = normalise_pages(source.group("pages") or "")
        take_identifiers(rest[source.end() :], reference)
        return reference
    _read_book_or_page(rest, reference)
    return reference


def _read_book_or_page(rest, reference):
    addresses = [m for m in URL_IN_TEXT.finditer(rest) if not DOI_IN_TEXT.match(m.group())]
    cut = min([m.start() for m in [*addresses, DOI_IN_TEXT.search(rest)] if m], default=len(rest))
    take_identifiers(rest, reference)
    sentences = split_sentences(rest[:cut])
    reference.title = sentences[0] if sentences else ""
    if len(sentences) > 1:
        reference.publisher = " ".join(sentences[1:])
    title = reference.title.lower()
    if "guideline" in title:
        reference.kind = "guideline"
    elif reference.url and not reference.doi and not reference.publisher:
        reference.kind = "web-page"
    else:
        reference.kind = "book"
    if not reference.publisher and reference.authors and len(reference.authors) == 1:
        # APA leaves out the publisher or site when it is the author.
        reference.publisher = reference.authors[0]
