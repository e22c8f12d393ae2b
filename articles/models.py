import calendar
import re
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from conditions.models import Condition
from editing.images import ReencodedImageField, UnguessableName
from editing.richtext import RichTextField
from editing.translation import (
    DEFAULT_LANGUAGE,
    column,
    current_language,
    languages,
    translation_of,
)
from references.models import Citation


def review_due_after(reviewed_on):
    """The next review date: the site's review interval after the last review."""
    months = settings.CLINIC_REVIEW_INTERVAL_MONTHS
    month_index = reviewed_on.month - 1 + months
    year, month = reviewed_on.year + month_index // 12, month_index % 12 + 1
    day = min(reviewed_on.day, calendar.monthrange(year, month)[1])
    return reviewed_on.replace(year=year, month=month, day=day)


SLUG_TAKEN = _("Another page already uses this web address (slug). Choose a different one.")


class Practitioner(models.Model):
    name = models.CharField(
        max_length=200, help_text=_("As patients know you, e.g. “Dr. Alex Jimenez”.")
    )
    credentials = models.CharField(max_length=100, blank=True, help_text=_("e.g. DC, APRN"))
    credentials_es = translation_of(credentials, _("credentials in Spanish"))
    photo = ReencodedImageField(upload_to=UnguessableName("practitioners"), blank=True)
    bio = models.TextField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practitioner",
        help_text=_("The admin login of this practitioner, if they have one."),
    )

    translated_fields = ("credentials",)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name_with_credentials

    @property
    def name_with_credentials(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class Callout(models.Model):
    """A boxed note reused across pages, such as the clinic's “Body Composition” panels."""

    label = models.CharField(
        max_length=100, help_text=_("The small heading, e.g. “Body Composition”.")
    )
    label_es = translation_of(label, _("label in Spanish"))
    title = models.CharField(max_length=200)
    title_es = translation_of(title, _("title in Spanish"))
    body = RichTextField()
    body_es = translation_of(body, _("body in Spanish"))

    translated_fields = ("label", "title", "body")

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return f"{self.label}: {self.title}"


# What a card in a list shows: a page's title, address and teaser (a guide's may be its
# condition's summary), and the condition's name (the A to Z).
LISTED_FIELDS = ("title", "slug", "summary")
LISTED_CONDITION_FIELDS = ("name", "summary")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published, with a publish time that has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def review_overdue(self, today):
        return self.filter(next_review_due__lt=today)

    def review_due_within(self, days, today):
        """Pages whose review falls due in the next `days` days (not yet overdue)."""
        return self.filter(
            next_review_due__gte=today, next_review_due__lte=today + timedelta(days=days)
        )

    def visible_to(self, user, language=DEFAULT_LANGUAGE):
        """Editors see every state; everyone else, receptionists included, what is public
        in the language they read."""
        if user.has_perm("articles.view_article"):
            return self
        return self.published().in_language(language)

    def in_language(self, language):
        """Pages patients may read in `language`: in Spanish, those whose Spanish is whole
        and reviewed (``SpanishState.public``)."""
        return self.filter(readable_in(language))

    def with_slug(self, slug, language=DEFAULT_LANGUAGE):
        return self.filter(**{column("slug", language): slug})

    def guides(self):
        return self.filter(condition__isnull=False)

    def stories(self):
        return self.filter(condition__isnull=True)

    def for_listing(self):
        """What a list shows of each page, a card (title, address, teaser), in every
        language, and nothing else: rich text and unshown columns stay unread."""
        shown = [*LISTED_FIELDS, *(f"condition__{name}" for name in LISTED_CONDITION_FIELDS)]
        return self.select_related("condition").only(
            *(column(name, language) for name in shown for language in languages()),
            "condition",
            "published_at",
            "last_changed",
        )

    def for_page(self):
        """The page's own row with its people and condition; ``pages.build_page`` reads the rest."""
        return self.select_related("author", "reviewer", "condition__body_region")


def readable_in(language):
    """The condition, as a ``Q``, for a page to be readable in `language` (in_language)."""
    if language == DEFAULT_LANGUAGE:
        return models.Q()
    return models.Q(spanish_state__in=SpanishState.public())


# A slug as the admin's forms accept it (SlugField), which an address holds as it is.
PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SLUG_MARKER = "slug-of-the-page"


@lru_cache(maxsize=64)
def _address_pattern(urlconf, script_prefix, url_name, language):
    """A page's address in `language` with ``SLUG_MARKER`` for its slug; kept per URL
    configuration and script prefix, which a test or a deployment under a path may change."""
    with override(language):
        return reverse(url_name, urlconf=urlconf, kwargs={"slug": SLUG_MARKER})


class SpanishState(models.TextChoices):
    NONE = "none", _("No Spanish yet")
    INCOMPLETE = "incomplete", _("Spanish missing in places")
    TO_REVIEW = "to_review", _("Spanish to review")
    REVIEWED = "reviewed", _("Spanish reviewed")
    OUT_OF_DATE = "out_of_date", _("Spanish out of date")

    @classmethod
    def public(cls):
        """Reviewed Spanish stays public when the English changes later: patients keep the
        reviewed text while a practitioner catches up."""
        return [cls.REVIEWED, cls.OUT_OF_DATE]


class Article(models.Model):
    """A public page by a practitioner. Tied to a condition, it is that condition's guide."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    class State(models.TextChoices):
        """What a page is now: the stored status read against the clock."""

        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    title = models.CharField(max_length=200)
    title_es = translation_of(title, _("title in Spanish"))
    slug = models.SlugField(
        max_length=200,
        unique=True,
        error_messages={"unique": SLUG_TAKEN},
        help_text=_(
            "The page's web address. If you change it, the old address keeps working: it "
            "redirects here."
        ),
    )
    slug_es = translation_of(slug, _("web address in Spanish"))
    condition = models.OneToOneField(
        Condition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="guide",
        help_text=_("Makes this page the condition's guide, listed under Conditions A to Z."),
        error_messages={"unique": _("This condition already has a guide.")},
    )
    summary = models.TextField(
        blank=True,
        help_text=_(
            "One or two sentences for lists and search results. A guide may leave it "
            "empty to use its condition's summary."
        ),
    )
    summary_es = translation_of(summary, _("summary in Spanish"))
    body = RichTextField(blank=True)
    body_es = translation_of(body, _("body in Spanish"))
    hero_image = ReencodedImageField(upload_to=UnguessableName("articles"), blank=True)
    hero_image_alt = models.CharField(
        _("hero image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for patients who cannot see it."),
    )
    hero_image_alt_es = translation_of(hero_image_alt, _("hero image description in Spanish"))
    author = models.ForeignKey(
        Practitioner, on_delete=models.PROTECT, null=True, blank=True, related_name="articles"
    )
    status = models.CharField(max_length=12, choices=Status, default=Status.DRAFT, editable=False)
    published_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to publish now. A future time schedules the page: it goes live "
            "then by itself."
        ),
    )
    reviewer = models.ForeignKey(
        Practitioner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_articles",
        help_text=_("The practitioner who checks this page's medical content."),
    )
    last_reviewed = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to set it from the last review (twelve months later unless "
            "the clinic changed CLINIC_REVIEW_INTERVAL_MONTHS)."
        ),
    )
    related_conditions = models.ManyToManyField(
        Condition, blank=True, related_name="related_articles"
    )
    citations = models.ManyToManyField(Citation, through="ArticleCitation", blank=True)
    callouts = models.ManyToManyField(Callout, through="ArticleCallout", blank=True)
    reading_grade = models.FloatField(
        null=True,
        editable=False,
        help_text=_(
            "Flesch-Kincaid grade of the page as patients see it; cleared when the page or "
            "a record it shows changes, and worked out again when next needed."
        ),
    )
    last_changed = models.DateTimeField(
        auto_now=True,
        help_text=_("When the page or any record it shows last changed (articles/changes.py)."),
    )
    # Where the page's Spanish stands (articles/translation_status.py keeps it current).
    spanish_state = models.CharField(
        _("Spanish"),
        max_length=12,
        choices=SpanishState,
        default=SpanishState.NONE,
        editable=False,
    )
    spanish_reviewed_at = models.DateTimeField(null=True, editable=False)
    spanish_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    # A fingerprint of the English the reviewer checked the Spanish against: when the
    # English of the page or of any record it shows changes, it no longer matches.
    spanish_reviewed_english = models.CharField(max_length=64, blank=True, editable=False)
    # For staff, never shown to patients: where the Spanish came from or what to check.
    spanish_note = models.CharField(
        _("note on the Spanish"),
        max_length=300,
        blank=True,
        help_text=_(
            "For staff only, never shown on the site: e.g. who translated the Spanish, or "
            "what still needs checking."
        ),
    )

    objects = ArticleQuerySet.as_manager()

    translated_fields = ("title", "slug", "summary", "body", "hero_image_alt")

    # An article is listed by its own summary; a guide may use its condition's (Guide).
    summary_required = True

    class Meta:
        ordering = ["-published_at", "title"]
        indexes = [
            # published() filters on both and lists newest first: home, lists, feed, sitemap.
            # Search's check for stale documents needs every public page's last change and
            # whether its Spanish is public (articles/search.py): on SQLite this index
            # answers it alone; PostgreSQL reads the pages' rows as well.
            models.Index(
                fields=["status", "-published_at", "last_changed", "spanish_state"],
                name="article_published_idx",
            ),
            # Reviews overdue and due soon, most urgent first: the admin home, its filter,
            # review_report.
            models.Index(fields=["next_review_due", "title"], name="article_review_due_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["slug_es"],
                condition=~models.Q(slug_es=""),
                name="unique_article_slug_es",
                violation_error_message=SLUG_TAKEN,
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            # A live page whose publish time was cleared stays live, as the field promises.
            self.published_at = timezone.now()
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = review_due_after(self.last_reviewed)
        old_addresses = self._stored_addresses(kwargs.get("update_fields"))
        super().save(*args, **kwargs)
        for language, old_address in old_addresses.items():
            if old_address and old_address != self.url_in(language):
                OldAddress.remember(self, old_address)

    def get_absolute_url(self):
        """The page's address in the language being read, or in English while it has no
        address in that language."""
        return self.url_in(current_language()) or self.url_in(DEFAULT_LANGUAGE)

    def url_in(self, language):
        """The page's address in `language`, or None while it has no slug in it."""
        # A copy read in Spanish holds the Spanish slug in `slug`: ask its own record.
        record = getattr(self, "translated_from", self)
        slug = getattr(record, column("slug", language), "")
        if not slug:
            return None
        name = "guides:detail" if self.condition_id else "articles:detail"
        if PLAIN_SLUG.fullmatch(slug):
            # A list or a sitemap's section asks for hundreds: reversing each (in its
            # language) cost a sitemap section a third of its time.
            pattern = _address_pattern(
                get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), name, language
            )
            return pattern.replace(SLUG_MARKER, slug)
        with override(language):
            return reverse(name, kwargs={"slug": slug})

    def clean(self):
        if self.summary_required and not self.condition_id and not self.summary.strip():
            raise ValidationError({"summary": _("An article needs a summary for lists.")})

    def _stored_addresses(self, update_fields):
        """The page's address in each language as saved, when this save may change one
        (a slug or the page's kind)."""
        address_fields = {"slug", "slug_es", "condition"}
        if self.pk is None or (
            update_fields is not None and not address_fields & set(update_fields)
        ):
            return {}
        stored = (
            Article.objects.filter(pk=self.pk).values("slug", "slug_es", "condition_id").first()
        )
        if stored is None:
            return {}
        before = Article(**stored)
        return {language: before.url_in(language) for language in languages()}

    @property
    def teaser(self):
        return self.summary or (self.condition.summary if self.condition else "")

    @property
    def is_guide(self):
        return self.condition_id is not None

    @property
    def state(self):
        if self.status == self.Status.PUBLISHED:
            if self.published_at and self.published_at > timezone.now():
                return self.State.SCHEDULED
            return self.State.PUBLISHED
        return self.State(self.status)

    @property
    def is_public(self):
        return self.state == self.State.PUBLISHED

    def is_public_in(self, language):
        """Published, and in Spanish whole and reviewed (``ArticleQuerySet.in_language``)."""
        if language == DEFAULT_LANGUAGE:
            return self.is_public
        return self.is_public and self.spanish_state in SpanishState.public()


class GuideManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        return super().get_queryset().guides()


class Guide(Article):
    """A condition's guide: the article tied to one condition, edited on one screen with
    the condition's records (``articles/admin.py``)."""

    objects = GuideManager()

    class Meta:
        proxy = True
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    summary_required = False  # the condition's opening paragraph stands in for lists


class ArticleCitation(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citation_links")
    citation = models.ForeignKey(Citation, on_delete=models.PROTECT, related_name="article_links")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "citation"],
                name="unique_article_citation",
                violation_error_message=_("This reference is already listed on the page."),
            )
        ]

    def __str__(self):
        return f"{self.article} → {self.citation}"


class ArticleCallout(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="callout_links")
    callout = models.ForeignKey(Callout, on_delete=models.PROTECT, related_name="article_links")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "callout"],
                name="unique_article_callout",
                violation_error_message=_("This callout is already on the page."),
            )
        ]

    def __str__(self):
        return f"{self.article} → {self.callout}"


class OldAddress(models.Model):
    """An address a page had before its slug changed (or it became a guide or an article);
    it answers with a permanent redirect to the page, because printed handouts and QR codes
    outlive slugs."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_addresses")
    path = models.CharField(max_length=300, unique=True)  # e.g. /conditions/old-slug/
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("old web address")
        verbose_name_plural = _("old web addresses")
        ordering = ["-changed_at"]

    def __str__(self):
        return f"{self.path} → {self.article.get_absolute_url()}"

    @classmethod
    def remember(cls, article, old_path):
        # An address belongs to the latest page that had it; a live address is never "old".
        cls.objects.update_or_create(path=old_path, defaults={"article": article})
        live = [article.url_in(language) for language in languages()]
        cls.objects.filter(path__in=[path for path in live if path]).delete()


class SearchDocument(models.Model):
    """What one page shows in one language, as plain text in weighted fields, for search
    (articles/search.py).

    Written only from the page object (``pages.build_page``), so search finds a page by
    exactly the words patients see on it: every page has an English document, and a page
    public in Spanish a Spanish one too. ``built_from`` is the page's ``last_changed`` when
    it was written: a document older than its page is stale and is written again.
    On PostgreSQL a migration adds a stored, weighted ``search_vector`` column with a GIN
    index, generated from these fields by the database itself in the document's language.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="search_documents")
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default=DEFAULT_LANGUAGE)
    built_from = models.DateTimeField()
    # Weights as PostgreSQL's ranking reads them: A for title and names, B for summary and
    # record names, C for everything else the page shows.
    title = models.CharField(max_length=200)
    names = models.TextField(blank=True, help_text=_("The condition's name and other names."))
    summary = models.TextField(blank=True)
    records = models.TextField(blank=True, help_text=_("Symptoms, causes, treatments, callouts."))
    text = models.TextField(blank=True, help_text=_("Every word the page shows, one block a line."))
    # The words of title and names as search reads them, each once, space-separated with a
    # space at each end (" back pain upper "), which a misspelt word's close matches are
    # looked up in (articles/search.py).
    title_words = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("search document")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="one_search_document_per_language"
            )
        ]
        indexes = [
            # Each search compares every public page's last change with its document's
            # version; this index answers it without reading the documents' text.
            models.Index(
                fields=["article", "language", "built_from"], name="search_document_version_idx"
            )
        ]

    def __str__(self):
        return self.title


class TitleWord(models.Model):
    """A word of some page's title or names in one language, folded as search reads that
    language (casefolded; Spanish without accents). On PostgreSQL, search finds the words
    close to a misspelt query word here by trigram index (migration 0018), then the pages
    whose title or names have them. ``refresh_search_index`` drops words no page has left.
    """

    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default=DEFAULT_LANGUAGE)
    word = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("title word")
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="one_title_word_per_language")
        ]

    def __str__(self):
        return self.word
