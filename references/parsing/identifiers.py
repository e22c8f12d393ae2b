"""DOIs, PMIDs, PMCIDs and web addresses: found in text, or pasted on their own.

``normalise_doi`` is the project's one DOI normaliser: the model field, the duplicate
check and every reader use it.
"""

import re
from urllib.parse import unquote

from .reference import ONLY_DOI, ONLY_PMCID, ONLY_PMID, ONLY_URL, ParsedReference

DOI_CORE = r"10\.\d{4,9}/\S+"
DOI_IN_TEXT = re.compile(
    rf"(?:\bdoi\b:?\s*|https?://(?:www\.|dx\.)?doi\.org/)(?P<doi>{DOI_CORE})", re.I
)
PMID_IN_TEXT = re.compile(r"\bPMID:?\s*(?P<pmid>\d{1,9})\b")
PMCID_IN_TEXT = re.compile(r"\bPMCID:?\s*(?P<pmcid>PMC\d+)\b", re.I)
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"]+")


DOI_LINK = re.compile(r"^(?:https?://)?(?:www\.|dx\.)?doi\.org/", re.I)
DOI_LABEL = re.compile(r"^doi\s*:?\s*(?=10\.)", re.I)


def normalise_doi(value: str) -> str:
    """The bare DOI, from any form people paste: a doi.org link, ``doi:`` or ``DOI ``.

    Links are percent-decoded (``%28`` is ``(``); trailing punctuation of the sentence
    around it is dropped, and a closing bracket only when the DOI did not open it. The
    result keeps its case: DOIs compare case-insensitively, which the model's unique
    constraint and the duplicate check handle.
    """
    value = (value or "").strip()
    if DOI_LINK.match(value):
        value = unquote(DOI_LINK.sub("", value))
    value = DOI_LABEL.sub("", value).strip().rstrip(".,;")
    while value.endswith((")", "]")) and value.count(value[-1]) > value.count(
        "(" if value[-1] == ")" else "["
    ):
        value = value[:-1]
    return value


def take_identifiers(text, reference, take_url=True):
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


def parse_identifier_only(text):
    """A bare DOI, DOI link, PubMed or PMC link, PMID or PMCID, or web address."""
    value = text.strip().rstrip(".").strip()
    reference = ParsedReference(original=text)
    if re.fullmatch(rf"(?:doi:?\s*|{DOI_LINK.pattern[1:]})?{DOI_CORE}", value, re.I):
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
        reference.format = "url"
        reference.kind = "web-page"
        reference.url = text.strip()
        reference.problems.append(ONLY_URL)
        return reference
    return None
