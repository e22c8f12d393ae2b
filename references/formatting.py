"""AMA (11th edition) style for citations: one formatter for pages, admin and exports.

Journal articles: ``Authors. Title. Journal. Year;Vol(Issue):pages. doi:…`` with the
journal in italics. Books: ``Authors. Title. Publisher; Year.``; chapters add ``In: Book``;
web pages and guidelines: ``Authors. Title. Website. Published …. Accessed …. URL``.
"""

import calendar

from django.utils.html import format_html, format_html_join

from editing.links import WEB_SCHEMES, linkable

AMA_MAX_LISTED_AUTHORS = 6
AMA_AUTHORS_BEFORE_ET_AL = 3


def ama_authors(authors, incomplete=False):
    if len(authors) > AMA_MAX_LISTED_AUTHORS:
        return ", ".join(authors[:AMA_AUTHORS_BEFORE_ET_AL]) + ", et al"
    if incomplete and authors:
        return ", ".join(authors) + ", et al"
    return ", ".join(authors)


def ama_source_details(citation):
    """`2020;15(1):e0227497`: year, volume, issue and pages as AMA punctuates them."""
    details = str(citation.year or "")
    if citation.volume:
        details += f";{citation.volume}"
    if citation.issue:
        details += f"({citation.issue})"
    if citation.pages:
        details += f":{citation.pages}"
    return details


def ama_date(year, month=None, day=None):
    """`March 3, 2024`, `March 2024` or `2024`."""
    if not year:
        return ""
    if not month:
        return str(year)
    name = calendar.month_name[month]
    return f"{name} {day}, {year}" if day else f"{name} {year}"


def _sentence(text):
    text = str(text).strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _identifier_links(citation):
    parts = []
    if citation.doi:
        parts.append(format_html('doi:<a href="{}">{}</a>', citation.doi_url, citation.doi))
    if citation.pmid:
        parts.append(format_html('PMID: <a href="{}">{}</a>', citation.pubmed_url, citation.pmid))
    if citation.pmcid:
        parts.append(format_html('PMCID: <a href="{}">{}</a>', citation.pmc_url, citation.pmcid))
    return parts


def format_ama(citation):
    """Return the citation as safe HTML in AMA style, with its DOI, PMID and URL linked."""
    kind = citation.kind
    parts = []
    authors = ama_authors(citation.author_names, citation.authors_incomplete)
    if authors:
        parts.append(format_html("{}", _sentence(authors)))

    if kind in ("book",):
        parts.append(format_html("<cite>{}</cite>", _sentence(citation.title)))
    else:
        parts.append(format_html("{}", _sentence(citation.title)))

    if kind in ("journal-article", "systematic-review"):
        if citation.container_title:
            parts.append(format_html("<cite>{}</cite>.", citation.container_title.rstrip(".")))
        if details := ama_source_details(citation):
            parts.append(format_html("{}", _sentence(details)))
    elif kind in ("book", "book-chapter"):
        if kind == "book-chapter" and citation.container_title:
            parts.append(format_html("In: <cite>{}</cite>.", citation.container_title.rstrip(".")))
        imprint = "; ".join(str(p) for p in (citation.publisher, citation.year) if p)
        if kind == "book-chapter" and citation.pages:
            imprint += f":{citation.pages}"
        if imprint:
            parts.append(format_html("{}", _sentence(imprint)))
    else:  # web pages and guidelines
        if citation.container_title:
            parts.append(format_html("{}", _sentence(citation.container_title)))
        if published := ama_date(citation.year, citation.month, citation.day):
            parts.append(format_html("Published {}.", published))
        if citation.accessed:
            accessed = ama_date(
                citation.accessed.year, citation.accessed.month, citation.accessed.day
            )
            parts.append(format_html("Accessed {}.", accessed))

    parts += _identifier_links(citation)
    if (url := linkable(citation.url, WEB_SCHEMES)) and not (citation.doi or citation.pmid):
        parts.append(format_html('<a href="{}">{}</a>', url, url))
    return format_html_join(" ", "{}", ((part,) for part in parts))
