"""Cutting a paste into references, before any of them is read.

BibTeX entries and RIS records are cut out first; the text around them is split into
paragraphs at blank lines, and each paragraph into references:

- a numbered list ("1.", "[1]", "1)") at its numbers, in sequence;
- otherwise line by line, each line read once on its own: a line that is a whole
  reference (AMA, Vancouver, APA, MLA, Chicago, PubMed's "Cite" text), a bare DOI or a
  PubMed link starts a new reference when the one above is complete; a line that
  continues a sentence, or starts with "doi:", "PMID:", "Available from" and the like,
  continues it. When a line joins the reference above although it could stand alone,
  the reference says so ("looks like two references") instead of merging silently.

Every step is linear in the paste: no line is read twice, and the text gathered so far
is re-read only when it is short enough to be one reference. A paste over
``PASTE_LIMIT_CHARACTERS`` or ``PASTE_LIMIT_LINES`` is refused before any of this.
"""

import re
from typing import NamedTuple

from .bibtex import BIBTEX_START, closing_delimiter, is_bibtex_reference
from .identifiers import (
    DOI_IN_TEXT,
    PMCID_IN_TEXT,
    PMID_IN_TEXT,
    URL_IN_TEXT,
    parse_identifier_only,
)
from .names import AMA_PERSON
from .plain_text import STYLE_FORMATS, parse_plain
from .reference import LOOKS_LIKE_TWO, TOO_LONG_FOR_ONE
from .ris import RIS_START, RIS_TAG_LINE

PASTE_LIMIT_CHARACTERS = 200_000
PASTE_LIMIT_LINES = 5_000
# No single reference is this long; longer text is never re-read as one.
LONGEST_REFERENCE = 2_000

NUMBER_MARKER = re.compile(r"^\s*(?:\[(?P<a>\d{1,4})\]|\((?P<b>\d{1,4})\)|(?P<c>\d{1,4})[.)])\s+")
# A line beginning with one of these continues the reference above it.
CONTINUATION_WORDS = re.compile(
    r"^(?:doi|pmid|pmcid|accessed|available|epub|published|updated|erratum|retraction"
    r"|update|comment|retrieved|cited|free\s+pmc)\b",
    re.I,
)
YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)")
SENTENCE_END = tuple('.?!)]”"')
DOI_ANYWHERE = re.compile(r"10\.\d{4,9}/")
# Styles that write a DOI as "doi:…", not as a link.
DOI_AS_LABEL = {"ama", "vancouver"}


class PasteTooLarge(ValueError):
    """A paste bigger than the limits; the message names them."""

    def __init__(self, characters, lines):
        super().__init__(
            f"This is {characters:,} characters on {lines:,} lines; at most "
            f"{PASTE_LIMIT_CHARACTERS:,} characters and {PASTE_LIMIT_LINES:,} lines can be "
            "read at once. Split it into smaller parts."
        )


def check_paste_size(text):
    """Refuse, before reading anything, a paste over the limits."""
    if len(text) > PASTE_LIMIT_CHARACTERS or text.count("\n") >= PASTE_LIMIT_LINES:
        raise PasteTooLarge(len(text), text.count("\n") + 1)


class Piece(NamedTuple):
    """One reference's text, cut from the paste, and any doubt about the cut.

    ``kind`` is bibtex, ris or plain, or bibtex-other for a BibTeX @string, @comment or
    @preamble block: not a reference, but its macros serve the entries after it.
    """

    kind: str
    original: str
    notes: tuple[str, ...] = ()


def split_references(text: str) -> list[Piece]:
    """The paste's references, in pasted order; nothing is dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pieces = []
    position = 0
    bibtex = BIBTEX_START.search(text)
    ris = RIS_START.search(text)
    while True:
        # Search again only for the kind already passed, so each is searched once over.
        if bibtex and bibtex.start() < position:
            bibtex = BIBTEX_START.search(text, position)
        if ris and ris.start() < position:
            ris = RIS_START.search(text, position)
        starts = [match for match in (bibtex, ris) if match]
        if not starts:
            pieces += _split_plain(text[position:])
            return pieces
        first = min(starts, key=lambda match: match.start())
        pieces += _split_plain(text[position : first.start()])
        if first is bibtex:
            end = _bibtex_end(text, first)
            entry = text[first.start() : end].strip()
            pieces.append(Piece("bibtex" if is_bibtex_reference(entry) else "bibtex-other", entry))
        else:
            end = _ris_end(text, first.start())
            pieces.append(Piece("ris", text[first.start() : end].strip()))
        position = max(end, first.start() + 1)


def _bibtex_end(text, start_match):
    """End of a BibTeX entry: its matching closing brace, else where the next entry starts."""
    opener = start_match.end() - 1
    if text[opener] == "{":
        closing = closing_delimiter(text, opener)
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
        if not line.strip() and not RIS_TAG_LINE.match(_next_non_blank_line(text, line_end)):
            return position
        first = False
        position = line_end
    return len(text)


def _next_non_blank_line(text, position):
    while True:
        line_end = text.find("\n", position)
        line = text[position:] if line_end == -1 else text[position:line_end]
        if line.strip() or line_end == -1:
            return line
        position = line_end + 1


def _split_plain(segment):
    """Split free text into paragraphs at blank lines, then each paragraph into references."""
    pieces = []
    paragraph = []
    for line in [*segment.split("\n"), ""]:
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            pieces += _split_paragraph(paragraph)
            paragraph = []
    return pieces


def _split_paragraph(lines):
    first_number = _marker_number(lines[0])
    if first_number is not None:
        return [Piece("plain", "\n".join(group)) for group in _split_numbered(lines, first_number)]
    groups = []
    for line in map(Line, lines):
        if not groups or groups[-1].ends_before(line):
            groups.append(Group(line))
        else:
            groups[-1].add(line)
    return [group.piece() for group in groups]


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


def _ends_a_sentence(text):
    last_word = text.rsplit(None, 1)[-1]
    # A citation may end with its address, DOI or date instead of a full stop.
    return text.endswith(SENTENCE_END) or bool(
        URL_IN_TEXT.fullmatch(last_word)
        or DOI_ANYWHERE.search(last_word)
        or YEAR.fullmatch(last_word)
    )


class Line:
    """One pasted line and what it says about itself, each found once."""

    def __init__(self, text):
        self.text = text
        self.identifier = parse_identifier_only(text) if len(text) < 300 else None
        self.labelled = bool(CONTINUATION_WORDS.match(text))
        self.has_year = bool(YEAR.search(text))
        self.ends_a_sentence = _ends_a_sentence(text)
        self._reading = None

    @property
    def reading(self):
        if self._reading is None:
            self._reading = parse_plain(self.text)
        return self._reading

    @property
    def is_whole_reference(self):
        """Alone, this line reads as a citation by named people, not the tail of one."""
        if self.identifier or self.labelled or len(self.text) > LONGEST_REFERENCE:
            return False
        if not (self.has_year and self.ends_a_sentence):
            return False
        reference = self.reading
        if reference.format not in STYLE_FORMATS or reference.kind == "web-page":
            return False
        if not (reference.title and reference.year and reference.authors):
            return False
        return reference.format != "ama" or bool(AMA_PERSON.fullmatch(reference.authors[0]))

    @property
    def could_stand_alone(self):
        return bool(self.identifier) or self.is_whole_reference


class Group:
    """The lines of one reference so far, with what the splitter needs to know of them."""

    def __init__(self, line):
        self.lines = []
        self.only_identifiers = True
        self.has_doi = self.has_pmid = self.has_pmcid = self.has_url = self.has_year = False
        self.notes = []
        self.length = 0
        self._complete = None
        self._reading = None
        self.add(line)

    def add(self, line):
        self.lines.append(line)
        self.length += len(line.text) + 1
        self.only_identifiers = self.only_identifiers and bool(line.identifier)
        text = line.text
        self.has_doi = self.has_doi or bool(DOI_IN_TEXT.search(text) or _bare_doi(line))
        self.has_pmid = self.has_pmid or bool(PMID_IN_TEXT.search(text) or _pmid(line))
        self.has_pmcid = self.has_pmcid or bool(PMCID_IN_TEXT.search(text) or _pmcid(line))
        self.has_url = self.has_url or bool(URL_IN_TEXT.search(text))
        self.has_year = self.has_year or line.has_year
        self._complete = None

    @property
    def ends_a_sentence(self):
        return self.lines[-1].ends_a_sentence

    @property
    def complete(self):
        """Does the text so far read as a whole citation? Re-read only while it is short."""
        if self._complete is None:
            self._reading = None
            if len(self.lines) == 1:
                self._reading = self.lines[0].reading if self.has_year else None
                self._complete = self.lines[0].is_whole_reference or (
                    self.ends_a_sentence and bool(self._reading) and _is_citation(self._reading)
                )
            elif self.has_year and self.ends_a_sentence and self.length <= LONGEST_REFERENCE:
                self._reading = parse_plain(self.text)
                self._complete = _is_citation(self._reading)
            else:
                self._complete = False
        return self._complete

    @property
    def style(self):
        """The plain-text style of the text so far, when it reads as a whole citation."""
        return self._reading.format if self.complete else None

    @property
    def text(self):
        return "\n".join(line.text for line in self.lines)

    def ends_before(self, line):
        """Does ``line`` start a new reference? When unsure, it joins and says so."""
        if self.only_identifiers:
            return True  # a list of bare DOIs or links, one a line
        if line.identifier is not None:
            return self._ends_before_identifier(line)
        if line.labelled or (not line.text[0].isupper() and line.text[0] not in "“\"'‘"):
            return False
        if line.is_whole_reference:
            if self.ends_a_sentence and (self.complete or not self.has_year):
                return True
            self._join_unsure(line)
            return False
        if self.complete:
            return True
        self._join_unsure(line)
        return False

    def _ends_before_identifier(self, line):
        found = line.identifier
        if (found.doi and self.has_doi) or (found.pmid and self.has_pmid):
            return True
        if (found.pmcid and self.has_pmcid) or (_is_address(found) and self.has_url):
            return True
        if line.labelled or _is_address(found):
            return False  # "doi: 10…", "PMID: 123", an address: the end of the citation
        if found.doi and DOI_IN_TEXT.match(line.text):
            # A doi.org link ends APA, MLA and Chicago citations; after one that writes
            # "doi:" instead, it is as likely a reference of its own.
            if self.style in DOI_AS_LABEL:
                self._join_unsure(line)
            return False
        # A bare DOI, or a PubMed or PMC link, after a whole citation is a reference of its own.
        if self.complete:
            return True
        self._join_unsure(line)
        return False

    def _join_unsure(self, line):
        # Joining is right for a wrapped reference; say so when the line could stand alone
        # and the text above already looks finished.
        unsure = line.could_stand_alone and self.has_year and self.ends_a_sentence
        if unsure and LOOKS_LIKE_TWO not in self.notes:
            self.notes.append(LOOKS_LIKE_TWO)

    def piece(self):
        notes = list(self.notes)
        if len(self.lines) > 1 and self.length > LONGEST_REFERENCE:
            notes.append(TOO_LONG_FOR_ONE)
        return Piece("plain", self.text, tuple(notes))


def _is_citation(reference):
    dated = reference.year or (reference.kind == "web-page" and reference.url)
    return reference.format in STYLE_FORMATS and bool(reference.title and dated)


def _bare_doi(line):
    return bool(line.identifier and line.identifier.doi)


def _pmid(line):
    return bool(line.identifier and line.identifier.pmid)


def _pmcid(line):
    return bool(line.identifier and line.identifier.pmcid)


def _is_address(identifier):
    return identifier.format == "url"
