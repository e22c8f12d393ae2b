"""Cutting a paste into references, before any of them is read."""

import re

from .bibtex import BIBTEX_START, closing_delimiter
from .identifiers import parse_identifier_only
from .names import AMA_PERSON
from .plain_text import parse_plain
from .ris import RIS_START, RIS_TAG_LINE

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
    if parse_identifier_only(previous) is not None:
        return True  # a list of bare DOIs or links, one a line
    if len(previous) > LONGEST_REFERENCE:
        return _clearly_a_whole_reference(line)
    previous_ref = parse_plain(previous)
    identifier = parse_identifier_only(line)
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
    reference = parse_plain(line)
    if reference.format not in {"seed", "ama", "vancouver"} or reference.kind == "web-page":
        return False
    if not (reference.title and reference.year and reference.authors):
        return False
    return reference.format == "seed" or bool(AMA_PERSON.fullmatch(reference.authors[0]))
