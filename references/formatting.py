"""AMA (11th edition) style for citations: one formatter for pages, admin and exports.

Journal articles: ``Authors. Title. Journal. Year;Vol(Issue):pages. doi:…`` with the
journal in italics. Books: ``Authors. Title. Publisher; Year.``; chapters add ``In: Book``;
web pages and guidelines: ``Authors. Title. Website. Published …. Accessed …. URL``.

The list's own words ("et al", "In:", "Published", "Accessed") and its dates follow the
active language ("Consultado el 3 de marzo de 2026"); what the source says (authors,
title, journal) stays as published.
"""

from datetime import date

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, pgettext

from editing.links import WEB_SCHEMES, linkable

AMA_MAX_LISTED_AUTHORS = 6
AMA_AUTHORS_BEFORE_ET_AL = 3


def ama_authors(authors, incomplete=False):
    if len(authors) > AMA_MAX_LISTED_AUTHORS:
        return ", ".join([*authors[:AMA_AUTHORS_BEFORE_ET_AL], et_al()])
    if incomplete and authors:
        return ", ".join([*authors, et_al()])
    return ", ".join(authors)


def et_al():
    # Translators: "and others" after the authors listed in a reference; AMA style in
    # Spanish keeps "et al".
    return pgettext("more authors", "et al")


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
    """`March 3, 2024`, `March 2024` or `2024`, as the active language writes dates
    (`3 de marzo de 2024`). A day the month does not have is left out."""
    if not year:
        return ""
    if not month:
        return str(year)
    if exact := _exact_date(year, month, day):
        return date_format(exact, "CITATION_DATE_FORMAT")
    return date_format(date(year, month, 1), "CITATION_MONTH_FORMAT")


def _exact_date(year, month, day):
    try:
        return date(year, month, day) if month and day else None
    except ValueError:
        return None


def _published(year, month, day):
    """`Published March 3, 2024.`; Spanish says "on" a day ("Publicado el") but "in" a
    month or year ("Publicado en marzo de 2024"), so the two are told apart."""
    when = ama_date(year, month, day)
    if not when:
        return ""
    if _exact_date(year, month, day):
        return pgettext("on a day", "Published %(date)s.") % {"date": when}
    return pgettext("in a month or year", "Published %(date)s.") % {"date": when}


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
            parts.append(
                format_html(
                    "{} <cite>{}</cite>.",
                    # Translators: a book chapter's book follows, "In: Book title."
                    pgettext("reference", "In:"),
                    citation.container_title.rstrip("."),
                )
            )
        imprint = "; ".join(str(p) for p in (citation.publisher, citation.year) if p)
        if kind == "book-chapter" and citation.pages:
            imprint += f":{citation.pages}"
        if imprint:
            parts.append(format_html("{}", _sentence(imprint)))
    else:  # web pages and guidelines
        if citation.container_title:
            parts.append(format_html("{}", _sentence(citation.container_title)))
        if published := _published(citation.year, citation.month, citation.day):
            parts.append(format_html("{}", published))
        if citation.accessed:
            accessed = date_format(citation.accessed, "CITATION_DATE_FORMAT")
            # Translators: the day a web page was read; AMA style in Spanish: "Consultado el".
            parts.append(format_html("{}", gettext("Accessed %(date)s.") % {"date": accessed}))

    parts += _identifier_links(citation)
    if (url := linkable(citation.url, WEB_SCHEMES)) and not (citation.doi or citation.pmid):
        parts.append(format_html('<a href="{}">{}</a>', url, url))
    return format_html_join(" ", "{}", ((part,) for part in parts))
