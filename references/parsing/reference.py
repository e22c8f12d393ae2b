"""A reference as read from a paste: its fields, its notes, and how much was read."""

import re
from dataclasses import dataclass, field
from datetime import date

UNRECOGNISED = "Could not recognise this reference; it is kept as written."
ONLY_DOI = "Only the DOI was given; fill in the other fields or look it up."
ONLY_PMID = "Only the PubMed ID was given; fill in the other fields or look it up."
ONLY_PMCID = "Only the PubMed Central ID was given; fill in the other fields or look it up."
ONLY_URL = "Only the web address was given; fill in the other fields."
NO_TITLE = "Could not find the title."
NO_SOURCE = "Could not find the journal, website or publisher."
NO_YEAR = "Could not find the year of publication."
NO_AUTHORS = "Could not find the authors."
LOOKS_LIKE_TWO = (
    "This looks like two references: a line that could be a reference of its own was read "
    "as part of the one above. If it is, put a blank line between them and read again."
)
TOO_LONG_FOR_ONE = (
    "This is longer than any one reference; it may be several run together. Put a blank "
    "line between references, or number them."
)


# Formats that claim to be a whole citation; only these get notes about missing fields,
# since a bare DOI or link is expected to lack them.
CITATION_FORMATS = {"seed", "ama", "vancouver", "apa", "mla", "chicago", "bibtex", "ris"}


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


# "... adults. A systematic review", "Systematic review of ...", "...: a systematic review
# and meta-analysis", but not "a guideline for reporting systematic reviews".
SYSTEMATIC_REVIEW_TITLE = re.compile(r"(?:^|[:.?]\s+|\ban?\s+)systematic review", re.I)


def finish(reference):
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


def strip_period(text):
    text = " ".join((text or "").split())
    return text[:-1].rstrip() if text.endswith(".") else text


def normalise_pages(pages):
    return re.sub(r"\s*[-–—]\s*", "-", (pages or "").strip())


def split_sentences(text):
    pieces = re.split(r"(?<=[.?!])\s+", text.strip())
    return [strip_period(piece) for piece in pieces if strip_period(piece)]


def with_edition(title, edition):
    """Citations have no edition field: "2" or "2nd" joins the title as "(2nd ed.)"."""
    number = re.match(r"\s*(\d+)", edition or "")
    if not number or number.group(1) == "1" or re.search(r"\(\d+\w* ed\.\)$", title):
        return title
    value = int(number.group(1))
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{title} ({value}{suffix} ed.)"
