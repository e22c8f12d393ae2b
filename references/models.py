from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .formatting import format_ama
from .validators import normalise_doi, validate_doi, validate_pmid


class DOIField(models.CharField):
    """Stores a bare DOI, whichever of the usual forms (URL, ``doi:``) was pasted."""

    def to_python(self, value):
        return normalise_doi(super().to_python(value))


class CitationQuerySet(models.QuerySet):
    def with_doi(self, doi):
        return self.filter(doi__iexact=normalise_doi(doi))


class Citation(models.Model):
    """One published source, written once and cited from any number of records and pages."""

    class Kind(models.TextChoices):
        JOURNAL_ARTICLE = "journal-article", _("Journal article")
        SYSTEMATIC_REVIEW = "systematic-review", _("Systematic review")
        BOOK = "book", _("Book")
        WEB_PAGE = "web-page", _("Web page")

    kind = models.CharField(max_length=20, choices=Kind, default=Kind.JOURNAL_ARTICLE)
    authors = models.TextField(
        blank=True,
        help_text=_(
            "One author per line, family name then initials (e.g. “Garrison SR”), "
            "or a group such as “Cochrane Review Group”."
        ),
    )
    authors_incomplete = models.BooleanField(
        _("more authors not listed"),
        default=False,
        help_text=_("Tick when the source lists more authors than above; “et al” is added."),
    )
    title = models.CharField(max_length=500)
    container_title = models.CharField(
        _("journal or website"),
        max_length=300,
        blank=True,
        help_text=_("Journal abbreviation as in PubMed, e.g. “PLoS One”."),
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    volume = models.CharField(max_length=30, blank=True)
    issue = models.CharField(max_length=30, blank=True)
    pages = models.CharField(
        _("pages or article number"),
        max_length=50,
        blank=True,
        help_text=_("e.g. 123-134 or e0227497"),
    )
    doi = DOIField(
        "DOI",
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text=_("e.g. 10.1371/journal.pone.0227497"),
    )
    pmid = models.CharField("PMID", max_length=12, blank=True, validators=[validate_pmid])
    url = models.URLField("URL", max_length=500, blank=True)

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["authors", "year", "title"]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("doi"),
                condition=~models.Q(doi=""),
                name="citation_unique_doi",
                violation_error_message=_("Another reference already has this DOI."),
            ),
        ]

    def __str__(self):
        first_author = self.author_list[0] if self.author_list else ""
        return " · ".join(str(part) for part in (first_author, self.year, self.title) if part)

    def clean(self):
        if self.year is not None and not 1450 <= self.year <= 2100:
            raise ValidationError({"year": _("Enter the year of publication, e.g. 2020.")})
        if self.kind == self.Kind.WEB_PAGE and not self.url:
            raise ValidationError({"url": _("A web page needs its address (URL).")})

    @property
    def author_list(self):
        return [line.strip() for line in self.authors.splitlines() if line.strip()]

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def pubmed_url(self):
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    def as_ama(self):
        return format_ama(self)
