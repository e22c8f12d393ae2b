import calendar
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conditions.models import Condition
from editing.images import ReencodedImageField, UnguessableName
from editing.richtext import RichTextField
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
    title = models.CharField(max_length=200)
    body = RichTextField()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return f"{self.label}: {self.title}"


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

    def visible_to(self, user):
        """Editors see every state; everyone else, receptionists included, what is public."""
        return self if user.has_perm("articles.view_article") else self.published()

    def guides(self):
        return self.filter(condition__isnull=False)

    def stories(self):
        return self.filter(condition__isnull=True)

    def for_listing(self):
        # Lists never show the body; leaving it unread spares sanitising every one.
        return self.select_related("condition__body_region", "author").defer(
            "body",
            "condition__symptoms_intro",
            "condition__when_to_get_care",
            "condition__causes_intro",
            "condition__treatments_intro",
        )

    def for_page(self):
        """The page's own row with its people and condition; ``pages.build_page`` reads the rest."""
        return self.select_related("author", "reviewer", "condition__body_region")


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
    slug = models.SlugField(
        max_length=200,
        unique=True,
        error_messages={"unique": SLUG_TAKEN},
        help_text=_(
            "The page's web address. If you change it, the old address keeps working: it "
            "redirects here."
        ),
    )
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
    body = RichTextField(blank=True)
    hero_image = ReencodedImageField(upload_to=UnguessableName("articles"), blank=True)
    hero_image_alt = models.CharField(
        _("hero image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for patients who cannot see it."),
    )
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

    objects = ArticleQuerySet.as_manager()

    # An article is listed by its own summary; a guide may use its condition's (Guide).
    summary_required = True

    class Meta:
        ordering = ["-published_at", "title"]
        indexes = [
            # published() filters on both and lists newest first: home, lists, feed, sitemap.
            models.Index(fields=["status", "-published_at"], name="article_published_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            # A live page whose publish time was cleared stays live, as the field promises.
            self.published_at = timezone.now()
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = review_due_after(self.last_reviewed)
        old_address = self._stored_address(kwargs.get("update_fields"))
        super().save(*args, **kwargs)
        if old_address and old_address != self.get_absolute_url():
            OldAddress.remember(self, old_address)

    def get_absolute_url(self):
        if self.condition_id:
            return reverse("guides:detail", kwargs={"slug": self.slug})
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.summary_required and not self.condition_id and not self.summary.strip():
            raise ValidationError({"summary": _("An article needs a summary for lists.")})

    def _stored_address(self, update_fields):
        """The page's address as saved, when this save may change it (slug or kind)."""
        if self.pk is None or (
            update_fields is not None and not {"slug", "condition"} & set(update_fields)
        ):
            return None
        stored = Article.objects.filter(pk=self.pk).values("slug", "condition_id").first()
        return Article(**stored).get_absolute_url() if stored else None

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
        cls.objects.filter(path=article.get_absolute_url()).delete()


class SearchDocument(models.Model):
    """What one page shows, as plain text in weighted fields, for search (articles/search.py).

    Written only from the page object (``pages.build_page``), so search finds a page by
    exactly the words patients see on it. ``built_from`` is the page's ``last_changed`` when
    it was written: a document older than its page is stale and is written again.
    On PostgreSQL a migration adds a stored, weighted ``search_vector`` column with a GIN
    index, generated from these fields by the database itself.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    built_from = models.DateTimeField()
    # Weights as PostgreSQL's ranking reads them: A for title and names, B for summary and
    # record names, C for everything else the page shows.
    title = models.CharField(max_length=200)
    names = models.TextField(blank=True, help_text=_("The condition's name and other names."))
    summary = models.TextField(blank=True)
    records = models.TextField(blank=True, help_text=_("Symptoms, causes, treatments, callouts."))
    text = models.TextField(blank=True, help_text=_("Every word the page shows, one block a line."))

    class Meta:
        verbose_name = _("search document")

    def __str__(self):
        return self.title
