"""What must be true before a page goes public, and what is worth a second look.

Errors block publishing; warnings are shown on the edit screen and after publishing but
never block. Both are plain sentences a practitioner can act on.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from references.models import Citation
from references.numbering import marker_ids

from .readability import (
    TARGET_GRADE,
    empty_sections,
    insecure_links,
    mojibake,
    readability,
    visible_text,
)


@dataclass
class PublishChecks:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check_for_publishing(article):
    checks = PublishChecks()
    references = article.references()
    if article.reviewer_id is None:
        checks.errors.append(_("Choose a reviewer: the practitioner who checked the content."))
    if article.last_reviewed is None:
        checks.errors.append(_("Enter the date of the last medical review."))
    if article.is_guide and not references:
        checks.errors.append(_("Add at least one reference: a guide must show its evidence."))
    if article.hero_image and not article.hero_image_alt.strip():
        checks.errors.append(_("Describe the image for patients who cannot see it (alt text)."))

    html = article.page_html()
    named = set(marker_ids(html))
    missing = named - set(Citation.objects.filter(pk__in=named).values_list("pk", flat=True))
    for citation_id in sorted(missing):
        checks.errors.append(
            _("The text cites [cite:%(id)s], but there is no reference %(id)s. Fix the number.")
            % {"id": citation_id}
        )
    text = visible_text(html)
    scores = readability(text)
    if scores and not scores.meets_target:
        checks.warnings.append(
            _(
                "Reading grade %(grade)s is above the target of %(target)s or lower: shorter "
                "sentences and everyday words help."
            )
            % {"grade": scores.grade, "target": TARGET_GRADE}
        )
    # Records appear in the page HTML as headings, so this also finds a cause or
    # treatment that has neither a description nor a note.
    for heading in empty_sections(html):
        checks.warnings.append(_("“%(heading)s” has no text under it.") % {"heading": heading})
    for snippet in mojibake(text + " " + " ".join(str(ref) for ref in references)):
        checks.warnings.append(_("Broken characters near “%(snippet)s”.") % {"snippet": snippet})
    for href in insecure_links(html):
        checks.warnings.append(_("Link to an insecure http:// page: %(href)s") % {"href": href})
    for citation in references:
        if not (citation.doi or citation.pmid):
            checks.warnings.append(
                _("Reference “%(title)s” has no DOI or PMID, so readers cannot look it up.")
                % {"title": citation.title}
            )
    if not article.is_guide and not references:
        checks.warnings.append(_("This article cites no references."))
    return checks
