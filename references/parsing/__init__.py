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
   PMCID or address found in it is still filled in. A bare web address is format "url".
   ``original`` is the reference's own lines, without indentation or a list number.

Authors come out in AMA form ("Garrison SR", "de Araújo CAL"); group authors are kept
as written. ``problems`` explains, in plain words, what could not be read.
"""

from .bibtex import parse_bibtex
from .identifiers import normalise_doi
from .plain_text import parse_plain
from .reference import ParsedReference, finish
from .ris import parse_ris
from .splitting import (
    PASTE_LIMIT_CHARACTERS,
    PASTE_LIMIT_LINES,
    PasteTooLarge,
    check_paste_size,
    split_references,
)

__all__ = [
    "PASTE_LIMIT_CHARACTERS",
    "PASTE_LIMIT_LINES",
    "ParsedReference",
    "PasteTooLarge",
    "check_paste_size",
    "normalise_doi",
    "parse_references",
    "split_references",
]


def parse_references(text: str) -> list[ParsedReference]:
    """Split pasted text into references and read each one; no text is ever dropped."""
    check_paste_size(text)
    references = []
    bibtex_strings = []
    for piece in split_references(text):
        if piece.kind == "bibtex-other":
            bibtex_strings.append(piece.original)  # @comment blocks define nothing: harmless
            continue
        if piece.kind == "bibtex":
            reference = parse_bibtex(piece.original, "\n".join(bibtex_strings))
        elif piece.kind == "ris":
            reference = parse_ris(piece.original)
        else:
            reference = parse_plain(piece.original)
        reference.problems += piece.notes
        references.append(finish(reference))
    return references
