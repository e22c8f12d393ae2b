"""Citations as RIS and BibTeX, for practitioners' reference managers.

Both round-trip through our own importer: every kind, its identifiers, dates and numbers
come back as they went out (``tests/references/test_exporting.py`` checks each kind in
each format). RIS uses the standard tags (``T2`` for a journal, a chapter's book or a
page's website; ``DA`` for a full date; ``Y2`` for the access date); BibTeX escapes what
LaTeX would otherwise read as commands.
"""

import re
import unicodedata

RIS_TYPES = {
    "journal-article": "JOUR",
    "systematic-review": "JOUR",
    "book": "BOOK",
    "book-chapter": "CHAP",
    "web-page": "ELEC",
    "guideline": "GOVDOC",
}
BIBTEX_TYPES = {
    "journal-article": "article",
    "systematic-review": "article",
    "book": "book",
    "book-chapter": "incollection",
    "web-page": "misc",
    "guideline": "report",
}
# Written in RIS's M3 ("type of work") and BibTeX's ``type`` field, where the entry type
# alone does not say which of our kinds it is.
KIND_LABELS = {"systematic-review": "Systematic review", "guideline": "Guideline"}
BIBTEX_CONTAINER_FIELDS = {
    "book-chapter": "booktitle",
    "web-page": "howpublished",
    "guideline": "howpublished",
    "book": None,
}
BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# What LaTeX reads as a command or a comment in a .bib value, and how to write it instead.
LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
LATEX_SPECIAL = re.compile("|".join(re.escape(char) for char in LATEX_SPECIALS))


def _ris_author(author):
    if author.group_name:
        return author.group_name
    return f"{author.family_name}, {' '.join(author.initials)}".strip(", ")


def _ris_record(citation):
    record = [("TY", RIS_TYPES[citation.kind])]
    record += [("AU", _ris_author(author)) for author in citation.authors.all()]
    record.append(("TI", citation.title))
    full_date = ""
    if citation.year and citation.month:
        day = f"{citation.day:02d}" if citation.day else ""
        full_date = f"{citation.year}/{citation.month:02d}/{day}/"
    fields = [
        ("T2", citation.container_title),
        ("M3", KIND_LABELS.get(citation.kind)),
        ("PB", citation.publisher),
        ("PY", citation.year),
        ("DA", full_date),
        ("VL", citation.volume),
        ("IS", citation.issue),
        ("DO", citation.doi),
        ("UR", citation.url or citation.doi_url),
        ("Y2", citation.accessed and citation.accessed.strftime("%Y/%m/%d")),
    ]
    record += [(tag, value) for tag, value in fields if value]
    if citation.pages:
        start, _dash, end = citation.pages.partition("-")
        record.append(("SP", start))
        if end:
            record.append(("EP", end))
    if citation.pmid:
        record.append(("AN", f"PMID:{citation.pmid}"))
    if citation.pmcid:
        record.append(("C2", citation.pmcid))
    record.append(("ER", ""))
    return record


def to_ris(citations):
    lines = []
    for citation in citations:
        lines += [f"{tag}  - {value}".rstrip() for tag, value in _ris_record(citation)]
        lines.append("")
    return "\r\n".join(lines)


def bibtex_escape(value):
    """Text as a BibTeX value: ``&``, ``%``, ``$``, ``#``, ``_``, braces and the rest escaped."""
    return LATEX_SPECIAL.sub(lambda match: LATEX_SPECIALS[match.group()], str(value))


def _bibtex_verbatim(value):
    # DOIs and addresses are copied as they are, but a brace would end the value.
    return str(value).replace("{", "%7B").replace("}", "%7D")


def bibtex_key(citation):
    first = citation.authors.all()[:1]
    name = (first[0].family_name or first[0].group_name) if first else "anon"
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return (
        re.sub(r"[^A-Za-z0-9]", "", ascii_name).lower()
        + str(citation.year or "")
        + (f"-{citation.pk}")
    )


def _bibtex_author(author):
    if author.group_name:
        return f"{{{bibtex_escape(author.group_name)}}}"  # braced: one name, not split
    return f"{bibtex_escape(author.family_name)}, {' '.join(author.initials)}"


def _bibtex_entry(citation):
    authors = " and ".join(_bibtex_author(author) for author in citation.authors.all())
    if citation.authors_incomplete:
        authors += " and others"
    container = BIBTEX_CONTAINER_FIELDS.get(citation.kind, "journal")
    fields = [
        ("author", authors),
        ("title", bibtex_escape(citation.title)),
        (container, bibtex_escape(citation.container_title) if container else ""),
        ("type", KIND_LABELS.get(citation.kind, "")),
        ("publisher", bibtex_escape(citation.publisher)),
        ("year", citation.year),
        ("volume", bibtex_escape(citation.volume)),
        ("number", bibtex_escape(citation.issue)),
        ("pages", bibtex_escape(citation.pages).replace("-", "--")),
        ("doi", _bibtex_verbatim(citation.doi)),
        ("pmid", citation.pmid),
        ("pmcid", citation.pmcid),
        ("url", _bibtex_verbatim(citation.url)),
        ("urldate", citation.accessed and citation.accessed.isoformat()),
    ]
    lines = [f"  {name} = {{{value}}}" for name, value in fields if value]
    if citation.month:
        lines.insert(6, f"  month = {BIBTEX_MONTHS[citation.month - 1]}")
    if citation.month and citation.day:
        lines.insert(7, f"  day = {{{citation.day}}}")
    body = ",\n".join(lines)
    return f"@{BIBTEX_TYPES[citation.kind]}{{{bibtex_key(citation)},\n{body}\n}}"


def to_bibtex(citations):
    return "\n\n".join(_bibtex_entry(citation) for citation in citations) + "\n"
