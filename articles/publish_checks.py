"""What must be true before a page goes public, and what is worth a second look.

Errors block publishing; warnings are shown on the edit screen and after publishing but
never block. Both are plain sentences a practitioner can act on, each with where to fix it.

There is one evaluation, ``check_for_publishing``: the edit screen's checklist, the banner
after a save and the publish service all call it, and it always reads the saved page afresh
through the page object, which reads every record link afresh, so it sees the inlines saved
a moment ago and judges exactly what patients would see.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from references.numbering import marker_ids

from .pages import build_page
from .readability import TARGET_GRADE, empty_sections, insecure_links, mojibake, visible_text
from .readability_by_language import readability_in
from .readability_es import TARGET_SCORE, SpanishReadability


class Problem(str):
    """A sentence for the practitioner, with ``fix_at``: where on the edit screen (an
    ``#anchor``) or in the admin (a URL) to put it right."""

    fix_at: str

    def __new__(cls, message, fix_at=""):
        problem = super().__new__(cls, message)
        problem.fix_at = fix_at
        return problem


@dataclass
class PublishChecks:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ready(self):
        return not self.errors


REFERENCES_INLINE = "#citation_links-group"  # the references inline of either edit screen


def _place(text, page):
    """Where a text is written, in the practitioner's words."""
    if text.owner is page.article:
        return _("The page's text")
    label = text.owner._meta.get_field(text.field).verbose_name
    return _("“%(field)s” of %(kind)s “%(owner)s”") % {
        "field": capfirst(label),
        "kind": text.owner._meta.verbose_name,
        "owner": text.owner,
    }


def _fix_at(text, page):
    """The edit screen's field for the page's and its condition's own texts; else the
    record's own admin page (a link row is edited in its condition's list of records)."""
    owner, opts = text.owner, text.owner._meta
    if owner is page.article:
        return f"#id_{text.field}"
    if owner is page.condition:
        return f"#id_condition-{text.field}"
    if getattr(owner, "condition_id", None):
        return f"#{opts.model_name.removeprefix('condition')}_links-group"
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[owner.pk])


def readability_warning(text, *, language="en"):
    """A warning when `text` is harder to read than the target for its language, else None:
    a Flesch-Kincaid grade above 8 in English, an INFLESZ score under 55 in Spanish."""
    scores = readability_in(text, language)
    if scores is None or scores.meets_target:
        return None
    if isinstance(scores, SpanishReadability):
        return Problem(
            _(
                "Spanish reading ease (INFLESZ) %(score)s is “%(band)s” (%(band_english)s), "
                "below the target of %(target)s or higher (“normal”): shorter sentences and "
                "shorter words help."
            )
            % {
                "score": scores.score,
                "band": scores.band.spanish,
                "band_english": scores.band.english,
                "target": TARGET_SCORE,
            }
        )
    return Problem(
        _(
            "Reading grade %(grade)s is above the target of %(target)s or lower: "
            "shorter sentences and everyday words help."
        )
        % {"grade": scores.grade, "target": TARGET_GRADE}
    )


def check_for_publishing(article, page=None, *, spanish_page=None):
    """Check `article` as it stands, with its records as saved (the page object reads every
    link afresh from the database, so inlines saved a moment ago count).

    A page whose Spanish has begun (it has a Spanish title) also has its Spanish text held
    to the Spanish readability target; `spanish_page` is that page if the caller has built
    it already. An English-only page builds no Spanish page."""
    if page is None:
        page = build_page(article, related=[])
    checks = PublishChecks()
    references = page.citations
    if article.reviewer_id is None:
        checks.errors.append(
            Problem(
                _("Choose a reviewer: the practitioner who checked the content."), "#id_reviewer"
            )
        )
    if article.last_reviewed is None:
        checks.errors.append(
            Problem(_("Enter the date of the last medical review."), "#id_last_reviewed")
        )
    if article.is_guide and not references:
        checks.errors.append(
            Problem(
                _("Add at least one reference: a guide must show its evidence."), REFERENCES_INLINE
            )
        )
    if article.hero_image and not article.hero_image_alt.strip():
        checks.errors.append(
            Problem(
                _("Describe the image for patients who cannot see it (alt text)."),
                "#id_hero_image_alt",
            )
        )
    for citation_id in page.unknown_citation_ids:
        for text in page.texts:
            if citation_id in marker_ids(text.html):
                checks.errors.append(
                    Problem(
                        _(
                            "%(where)s cites [cite:%(id)s], but there is no reference %(id)s. "
                            "Fix the number, or cite with the editor's “Cite” button."
                        )
                        % {"where": _place(text, page), "id": citation_id},
                        _fix_at(text, page),
                    )
                )

    html = page.source_html
    text = visible_text(html)
    warnings = [readability_warning(text, language="en")]
    if article.title_es.strip():
        spanish_page = spanish_page or build_page(article, related=[], language="es")
        spanish_text = visible_text(spanish_page.source_html)
        warnings.append(readability_warning(spanish_text, language="es"))
    checks.warnings += [warning for warning in warnings if warning]
    # Records appear in the page HTML as headings, so this also finds a cause or
    # treatment that has neither a description nor a note.
    for heading in empty_sections(html):
        checks.warnings.append(
            Problem(_("“%(heading)s” has no text under it.") % {"heading": heading})
        )
    for snippet in mojibake(text + " " + " ".join(str(ref) for ref in references)):
        checks.warnings.append(
            Problem(_("Broken characters near “%(snippet)s”.") % {"snippet": snippet})
        )
    for href in insecure_links(html):
        checks.warnings.append(
            Problem(_("Link to an insecure http:// page: %(href)s") % {"href": href})
        )
    for citation in references:
        if not (citation.doi or citation.pmid):
            checks.warnings.append(
                Problem(
                    _("Reference “%(title)s” has no DOI or PMID, so readers cannot look it up.")
                    % {"title": citation.title},
                    reverse("admin:references_citation_change", args=[citation.pk]),
                )
            )
    if not article.is_guide and not references:
        checks.warnings.append(Problem(_("This article cites no references."), REFERENCES_INLINE))
    return checks
