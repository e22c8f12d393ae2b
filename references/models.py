from datetime import date
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from editing.links import WebAddressField, web_address_constraint

from .formatting import format_ama
from .parsing.identifiers import normalise_doi
from .usage import ids_cited_in_text
from .validators import (
    normalise_pmcid,
    validate_doi,
    validate_pmcid,
    validate_pmid,
)

EARLIEST_YEAR = 1450  # printing; anything older is a typing slip


class DOIField(models.CharField):
    """Stores a bare DOI, whichever of the usual forms (URL, ``doi:``) was pasted."""

    def to_python(self, value):
        return normalise_doi(super().to_python(value))


class PMCIDField(models.CharField):
    def to_python(self, value):
        return normalise_pmcid(super().to_python(value))


class CitationQuerySet(models.QuerySet):
    def matching(self, *, doi="", pmid=""):
        """The citation already stored for this DOI (any case) or PMID, if there is one."""
        query = models.Q(pk__in=[])
        if doi := normalise_doi(doi):
            query |= models.Q(doi__iexact=doi)
        if pmid := (pmid or "").strip():
            query |= models.Q(pmid=pmid)
        return self.filter(query)

    def uncited(self):
        """Citations that no page, condition or record lists, and no text cites."""
        return self.filter(
            article_links__isnull=True,
            condition_links__isnull=True,
            cited_by_causes__isnull=True,
            cited_by_treatments__isnull=True,
        ).exclude(pk__in=ids_cited_in_text())

    def with_authors(self):
        return self.prefetch_related("authors")


class Citation(models.Model):
    """One published source, written once and cited from any number of records and pages."""

    class Kind(models.TextChoices):
        JOURNAL_ARTICLE = "journal-article", _("Journal article")
        SYSTEMATIC_REVIEW = "systematic-review", _("Systematic review")
        BOOK = "book", _("Book")
        BOOK_CHAPTER = "book-chapter", _("Book chapter")
        WEB_PAGE = "web-page", _("Web page")
        GUIDELINE = "guideline", _("Guideline")

    kind = models.CharField(max_length=20, choices=Kind, default=Kind.JOURNAL_ARTICLE)
    authors_incomplete = models.BooleanField(
        _("more authors not listed"),
        default=False,
        help_text=_("Tick when the source has more authors than listed; “et al” is added."),
    )
    title = models.CharField(max_length=500)
    container_title = models.CharField(
        _("journal, book or website"),
        max_length=300,
        blank=True,
        help_text=_(
            "Journal abbreviation as in PubMed (e.g. “PLoS One”), the book a chapter is in, "
            "or the website's name."
        ),
    )
    publisher = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    month = models.PositiveSmallIntegerField(null=True, blank=True)
    day = models.PositiveSmallIntegerField(null=True, blank=True)
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
    pmcid = PMCIDField("PMCID", max_length=16, blank=True, validators=[validate_pmcid])
    url = WebAddressField("URL", max_length=500, blank=True)
    accessed = models.DateField(
        _("accessed on"), null=True, blank=True, help_text=_("For web pages: when you read it.")
    )
    original_text = models.TextField(
        blank=True,
        help_text=_("The reference as it was pasted or imported, kept for checking."),
    )
    needs_checking = models.BooleanField(
        default=False,
        help_text=_("Set when an import could not read every field; clear it once checked."),
    )

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("doi"),
                condition=~models.Q(doi=""),
                name="citation_unique_doi",
                violation_error_message=_("Another reference already has this DOI."),
            ),
            models.UniqueConstraint(
                "pmid",
                condition=~models.Q(pmid=""),
                name="citation_unique_pmid",
                violation_error_message=_("Another reference already has this PMID."),
            ),
            web_address_constraint("citation", "url"),
        ]

    def __str__(self):
        names = self.author_names
        # An import from a bare DOI or PubMed link has no title until someone checks it.
        title = self.title or _("(no title yet: %(source)s)") % {"source": self._identified_by()}
        return " · ".join(str(part) for part in (names[:1] and names[0], self.year, title) if part)

    def _identified_by(self):
        if self.doi:
            return f"doi:{self.doi}"
        if self.pmid:
            return f"PMID {self.pmid}"
        return self.pmcid or self.url or "—"

    def clean(self):
        errors = {}
        latest = date.today().year + 1
        if self.year is not None and not EARLIEST_YEAR <= self.year <= latest:
            errors["year"] = _("Enter the year of publication, between %(a)s and %(b)s.") % {
                "a": EARLIEST_YEAR,
                "b": latest,
            }
        if self.month is not None and not 1 <= self.month <= 12:
            errors["month"] = _("Enter the month as a number from 1 to 12.")
        if self.day is not None and not 1 <= self.day <= 31:
            errors["day"] = _("Enter the day as a number from 1 to 31.")
        if self.kind == self.Kind.WEB_PAGE and not self.url:
            errors["url"] = _("A web page needs its address (URL).")
        if self.kind == self.Kind.WEB_PAGE and self.url and not self.accessed:
            errors["accessed"] = _("Give the date you read the web page; AMA style needs it.")
        if errors:
            raise ValidationError(errors)

    @property
    def author_names(self):
        """Authors in AMA form and order: “Garrison SR”, or a group's name."""
        return [str(author) for author in self.authors.all()]

    @property
    def doi_url(self):
        # Old Wiley DOIs hold characters such as < and > that must be escaped in a URL.
        return f"https://doi.org/{quote(self.doi, safe='/():;._-')}" if self.doi else ""

    @property
    def pubmed_url(self):
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    @property
    def pmc_url(self):
        return f"https://pmc.ncbi.nlm.nih.gov/articles/{self.pmcid}/" if self.pmcid else ""

    @property
    def in_text_marker(self):
        """What a practitioner types in rich text to cite this source."""
        return f"[cite:{self.pk}]"

    def as_ama(self):
        return format_ama(self)


class CitationAuthor(models.Model):
    """One author of a citation, in order: a person (family name and initials) or a group."""

    citation = models.ForeignKey(Citation, on_delete=models.CASCADE, related_name="authors")
    order = models.PositiveSmallIntegerField(default=0)
    family_name = models.CharField(max_length=100, blank=True)
    initials = models.CharField(
        max_length=10, blank=True, help_text=_("Without dots or spaces, e.g. SR.")
    )
    group_name = models.CharField(
        max_length=200, blank=True, help_text=_("For a group author, e.g. Cochrane Review Group.")
    )

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        if self.group_name:
            return self.group_name
        return f"{self.family_name} {self.initials}".strip()

    def clean(self):
        if bool(self.group_name) == bool(self.family_name):
            raise ValidationError(
                _("Give either a person's family name (and initials) or a group's name.")
            )
        self.initials = self.initials.replace(".", "").replace(" ", "")

    @classmethod
    def from_ama(cls, name, **fields):
        """“Garrison SR” → a person; “Cochrane Review Group” → a group (unsaved)."""
        parts = name.split()
        if len(parts) >= 2 and parts[-1].isalpha() and parts[-1].isupper() and len(parts[-1]) <= 4:
            return cls(family_name=" ".join(parts[:-1]), initials=parts[-1], **fields)
        return cls(group_name=name.strip(), **fields)
