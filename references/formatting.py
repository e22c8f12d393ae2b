"""AMA (11th edition) style for citations: one formatter for pages, admin and exports."""

from django.utils.html import format_html, format_html_join

AMA_MAX_LISTED_AUTHORS = 6
AMA_AUTHORS_BEFORE_ET_AL = 3


def ama_authors(authors, incomplete=False):
    if len(authors) > AMA_MAX_LISTED_AUTHORS:
        return ", ".join(authors[:AMA_AUTHORS_BEFORE_ET_AL]) + ", et al"
    if incomplete and authors:
        return ", ".join(authors) + ", et al"
    return ", ".join(authors)


def ama_source_details(citation):
    """`2020;15(1):e0227497` — year, volume, issue and pages as AMA punctuates them."""
    details = str(citation.year or "")
    if citation.volume:
        details += f";{citation.volume}"
    if citation.issue:
        details += f"({citation.issue})"
    if citation.pages:
        details += f":{citation.pages}"
    return details


def _sentence(text):
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def format_ama(citation):
    """Return the citation as safe HTML in AMA style, with its DOI and PMID linked."""
    parts = []
    authors = ama_authors(citation.author_list, citation.authors_incomplete)
    if authors:
        parts.append(format_html("{}", _sentence(authors)))
    parts.append(format_html("{}", _sentence(citation.title)))
    if citation.container_title:
        parts.append(format_html("<cite>{}</cite>.", citation.container_title.rstrip(".")))
    details = ama_source_details(citation)
    if details:
        parts.append(format_html("{}", _sentence(details)))
    if citation.doi:
        parts.append(format_html('doi:<a href="{}">{}</a>', citation.doi_url, citation.doi))
    if citation.pmid:
        parts.append(format_html('PMID: <a href="{}">{}</a>', citation.pubmed_url, citation.pmid))
    if citation.url and not (citation.doi or citation.pmid):
        parts.append(format_html('<a href="{}">{}</a>', citation.url, citation.url))
    return format_html_join(" ", "{}", ((part,) for part in parts))
