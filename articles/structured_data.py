"""schema.org JSON-LD for search engines, made from the page object (``pages.build_page``).

A guide is a ``MedicalWebPage`` about a ``MedicalCondition`` (its other names, symptoms,
causes and treatments as the page lists them), with its reviewer, author and numbered
references as ``citation``; an article is a ``MedicalWebPage`` whose main entity is an
``Article``. Nothing here is typed by hand: every value comes from the records the page
shows, so the data cannot disagree with the page.

The clinic itself (a ``MedicalClinic``) is described by ``clinic_site``, which sits above
this app; a page points at it by ``@id`` (``clinic_node_id``), so both blocks on one page
describe one graph.
"""

import json
from urllib.parse import urljoin

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from references.models import Citation

SCHEMA = "https://schema.org"

# As Django's json_script: stored text such as "</script>" or "<!--" cannot end or
# confuse the element, because <, > and & never appear in it literally.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

CITATION_TYPES = {
    Citation.Kind.JOURNAL_ARTICLE: "ScholarlyArticle",
    Citation.Kind.SYSTEMATIC_REVIEW: "ScholarlyArticle",
    Citation.Kind.BOOK: "Book",
    Citation.Kind.BOOK_CHAPTER: "Chapter",
    Citation.Kind.WEB_PAGE: "WebPage",
    Citation.Kind.GUIDELINE: "CreativeWork",
}


def json_ld_script(data):
    """`data` as a ``<script type="application/ld+json">`` element, safe to put in HTML.

    A data block, not a script: browsers never run it, so the public pages' CSP
    (``script-src 'none'``) neither blocks nor reports it, and crawlers still read it.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),
    )


def clinic_node_id(site_root):
    """The ``@id`` of the clinic's node: pages name their publisher by it."""
    return urljoin(site_root, "/#clinic")


def page_structured_data(page, *, site_root):
    """The JSON-LD object for a guide or an article page (a dict, ready for json_ld_script).

    `site_root` is the site's absolute address (``https://clinic.example.org/``).
    """
    article = page.article
    url = urljoin(site_root, article.get_absolute_url())
    data = {
        "@context": SCHEMA,
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": article.title,
        "headline": article.title,
        "description": article.teaser,
        "inLanguage": page.language,
        "publisher": {"@id": clinic_node_id(site_root)},
        "dateModified": article.last_changed,
    }
    if article.published_at:
        data["datePublished"] = article.published_at
    if article.last_reviewed:
        data["lastReviewed"] = article.last_reviewed
    if article.reviewer:
        data["reviewedBy"] = _person(article.reviewer)
    if article.author:
        data["author"] = _person(article.author)
    if article.hero_image:
        data["image"] = urljoin(site_root, article.hero_image.url)
    citations = [_citation(reference.citation) for reference in page.references]
    if page.condition is not None:
        data["about"] = _condition(page)
        if citations:
            data["citation"] = citations
    else:
        story = {
            "@type": "Article",
            "headline": article.title,
            "description": article.teaser,
            "dateModified": article.last_changed,
        }
        for key in ("datePublished", "author", "image"):
            if key in data:
                story[key] = data[key]
        if citations:
            story["citation"] = citations
        data["mainEntity"] = story
    return _without_empty(data)


def _condition(page):
    condition = page.condition
    entries = {section.key: section.entries for section in page.sections}
    data = {
        "@type": "MedicalCondition",
        "name": condition.name,
        "alternateName": page.also_called,
        "description": condition.summary,
        # A symptom's note for this condition is plain text, shown instead of its description.
        "signOrSymptom": [
            {
                "@type": "MedicalSignOrSymptom",
                "name": entry.name,
                "description": entry.note or entry.description,
            }
            for entry in entries.get("symptoms", [])
        ],
        "cause": [_record("MedicalCause", entry) for entry in entries.get("causes", [])],
        "possibleTreatment": [
            _record("MedicalTherapy", entry) for entry in entries.get("treatments", [])
        ],
    }
    if condition.body_region_id:
        data["associatedAnatomy"] = {
            "@type": "AnatomicalStructure",
            "name": condition.body_region.name,
        }
    return data


def _record(schema_type, entry):
    return {"@type": schema_type, "name": entry.name, "description": entry.description}


def _person(practitioner):
    return {
        "@type": "Person",
        "name": practitioner.name,
        "honorificSuffix": practitioner.credentials,
    }


def _citation(citation):
    data = {
        "@type": CITATION_TYPES.get(citation.kind, "CreativeWork"),
        "name": citation.title,
        "author": [_citation_author(author) for author in citation.authors.all()],
        "datePublished": str(citation.year) if citation.year else "",
        "url": citation.doi_url or citation.url or citation.pubmed_url,
        "identifier": [
            {"@type": "PropertyValue", "propertyID": name, "value": value}
            for name, value in (("DOI", citation.doi), ("PMID", citation.pmid))
            if value
        ],
    }
    return data


def _citation_author(author):
    if author.group_name:
        return {"@type": "Organization", "name": author.group_name}
    return {"@type": "Person", "name": str(author)}


def _without_empty(value):
    """Leave out empty strings, lists and objects: schema.org reads absence as "unknown"."""
    if isinstance(value, dict):
        cleaned = {key: _without_empty(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in ("", None, [], {})}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value
