"""Citations as RIS and BibTeX, for practitioners' reference managers."""

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
    "guideline": "misc",
}


def _ris_author(author):
    if author.group_name:
        return author.group_name
    return f"{author.family_name}, {' '.join(author.initials)}".strip(", ")


def to_ris(citations):
    lines = []
    for citation in citations:
        record = [("TY", RIS_TYPES[citation.kind])]
        record += [("AU", _ris_author(author)) for author in citation.authors.all()]
        record.append(("TI", citation.title))
        container_tag = "BT" if citation.kind == "book-chapter" else "T2"
        fields = [
            (container_tag, citation.container_title),
            ("PB", citation.publisher),
            ("PY", citation.year),
            ("VL", citation.volume),
            ("IS", citation.issue),
            ("DO", citation.doi),
            ("UR", citation.url or citation.doi_url),
            ("Y2", citation.accessed and citation.accessed.isoformat()),
        ]
        record += [(tag, value) for tag, value in fields if value]
        if citation.pages:
            start, _dash, end = citation.pages.partition("-")
            record.append(("SP", start))
            if end:
                record.append(("EP", end))
        if citation.pmid:
            record.append(("AN", f"PMID:{citation.pmid}"))
        record.append(("ER", ""))
        lines += [f"{tag}  - {value}".rstrip() for tag, value in record]
        lines.append("")
    return "\r\n".join(lines)


def _bibtex_escape(value):
    return str(value).replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")


def bibtex_key(citation):
    first = citation.authors.all()[:1]
    name = (first[0].family_name or first[0].group_name) if first else "anon"
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return (
        re.sub(r"[^A-Za-z0-9]", "", ascii_name).lower()
        + str(citation.year or "")
        + (f"-{citation.pk}")
    )


def to_bibtex(citations):
    entries = []
    for citation in citations:
        authors = " and ".join(
            f"{{{a.group_name}}}" if a.group_name else f"{a.family_name}, {' '.join(a.initials)}"
            for a in citation.authors.all()
        )
        if citation.authors_incomplete:
            authors += " and others"
        container = {"book-chapter": "booktitle", "web-page": "howpublished"}.get(
            citation.kind, "journal"
        )
        fields = [
            ("author", authors),
            ("title", citation.title),
            (container, citation.container_title),
            ("publisher", citation.publisher),
            ("year", citation.year),
            ("volume", citation.volume),
            ("number", citation.issue),
            ("pages", citation.pages.replace("-", "--")),
            ("doi", citation.doi),
            ("pmid", citation.pmid),
            ("url", citation.url),
            ("urldate", citation.accessed and citation.accessed.isoformat()),
        ]
        body = ",\n".join(
            f"  {name} = {{{_bibtex_escape(value) if name != 'author' else value}}}"
            for name, value in fields
            if value
        )
        entries.append(f"@{BIBTEX_TYPES[citation.kind]}{{{bibtex_key(citation)},\n{body}\n}}")
    return "\n\n".join(entries) + "\n"
