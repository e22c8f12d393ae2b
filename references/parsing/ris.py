"""RIS records (``TY  -`` to ``ER  -``)."""

import re

from .dates import read_date_parts, read_full_date, set_date
from .identifiers import DOI_IN_TEXT, PMID_IN_TEXT, normalise_doi
from .names import comma_name
from .reference import ParsedReference, normalise_pages, strip_period, with_edition

RIS_START = re.compile(r"^[ \t]*TY[ \t]{1,2}-", re.M)
RIS_TAG_LINE = re.compile(r"^[ \t]*([A-Z][A-Z0-9])[ \t]{1,2}-(?:[ \t](.*)|[ \t]*)$")
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


def parse_ris(original):
    reference = ParsedReference(original=original, format="ris")
    tags = _ris_tags(original)

    def first(*names):
        return next((tags[name][0] for name in names if tags.get(name)), "")

    record_type = first("TY").upper()
    reference.kind = RIS_KINDS.get(record_type, "journal-article")
    type_of_work = first("M3").lower()  # our own exports say which kind JOUR or GOVDOC is
    if reference.kind == "journal-article" and "systematic review" in type_of_work:
        reference.kind = "systematic-review"
    if record_type not in RIS_KINDS:
        reference.problems.append(
            f"The RIS type {record_type or '(none)'} was read as a journal article; check the kind."
        )
    authors = tags.get("AU", []) + tags.get("A1", [])
    reference.authors = [_ris_name(name) for name in authors if name.strip()]
    reference.title = with_edition(strip_period(first("TI", "T1", "CT")), first("ET"))
    if reference.kind in ("journal-article", "systematic-review"):
        reference.container_title = first("JA", "J2", "JO", "JF", "T2")
    else:
        reference.container_title = first("T2", "JO", "JF", "T3")
    reference.publisher = first("PB")
    year, month, day = read_date_parts(first("PY", "Y1", "DA"))
    if not month and first("DA"):
        _, month, day = read_date_parts(first("DA"))
    set_date(reference, year, month, day)
    reference.volume = first("VL")
    reference.issue = first("IS")
    start, end = first("SP"), first("EP")
    reference.pages = normalise_pages(f"{start}-{end}" if start and end else start)
    reference.doi = normalise_doi(first("DO"))
    urls = [url for url in tags.get("UR", []) + tags.get("L2", []) if url]
    for url in urls:
        if not reference.doi and DOI_IN_TEXT.match(url):
            reference.doi = normalise_doi(url)
    reference.url = next((url for url in urls if not DOI_IN_TEXT.match(url)), "")
    _read_ris_ids(tags, reference)
    if first("Y2"):
        reference.accessed = read_full_date(first("Y2"), reference)
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
    return comma_name(name) if "," in name else name
