from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conditions.models import Condition
from conditions.richtext import RichTextField
from references.models import Citation

SLUG_TAKEN = _("Another page already uses this web address (slug). Choose a different one.")
IMAGE_TYPES = FileExtensionValidator(["jpg", "jpeg", "png", "webp"])


class Practitioner(models.Model):
    name = models.CharField(
        max_length=200, help_text=_("As patients know you, e.g. “Dr. Alex Jimenez”.")
    )
    credentials = models.CharField(max_length=100, blank=True, help_text=_("e.g. DC, APRN"))
    photo = models.ImageField(upload_to="practitioners/", blank=True, validators=[IMAGE_TYPES])
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

    def visible_to(self, user):
        return self if user.is_active and user.is_staff else self.published()

    def guides(self):
        return self.filter(condition__isnull=False)

    def stories(self):
        return self.filter(condition__isnull=True)

    def for_listing(self):
        return self.select_related("condition__body_region", "author")

    def for_page(self):
        """Everything an article or guide page shows, in a fixed number of queries."""
        return self.select_related("author").prefetch_related(
            models.Prefetch("condition", Condition.objects.with_records()),
            models.Prefetch("callout_links", ArticleCallout.objects.select_related("callout")),
            models.Prefetch("citation_links", ArticleCitation.objects.select_related("citation")),
        )


class Article(models.Model):
    """A public page by a practitioner. Tied to a condition, it is that condition's guide."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        error_messages={"unique": SLUG_TAKEN},
        help_text=_("The page's web address. Changing it breaks links others have saved."),
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
    hero_image = models.ImageField(upload_to="articles/", blank=True, validators=[IMAGE_TYPES])
    hero_image_alt = models.CharField(
        _("hero image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for patients who cannot see it."),
    )
    author = models.ForeignKey(
        Practitioner, on_delete=models.PROTECT, null=True, blank=True, related_name="articles"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Filled in when first published.")
    )
    last_reviewed = models.DateField(null=True, blank=True)
    related_conditions = models.ManyToManyField(
        Condition, blank=True, related_name="related_articles"
    )
    citations = models.ManyToManyField(Citation, through="ArticleCitation", blank=True)
    callouts = models.ManyToManyField(Callout, through="ArticleCallout", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.condition_id:
            return reverse("guides:detail", kwargs={"slug": self.slug})
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        if not self.condition_id and not self.summary.strip():
            raise ValidationError({"summary": _("An article needs a summary for lists.")})
        if self.hero_image and not self.hero_image_alt.strip():
            raise ValidationError(
                {"hero_image_alt": _("Describe the image for patients who cannot see it.")}
            )
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    @property
    def teaser(self):
        return self.summary or (self.condition.summary if self.condition else "")

    def references(self):
        """The page's citations in order, the condition's first, each source once."""
        links = [*self.condition.citation_links.all()] if self.condition else []
        links += self.citation_links.all()
        unique = {}
        for link in links:
            unique.setdefault(link.citation_id, link.citation)
        return list(unique.values())

    @property
    def is_guide(self):
        return self.condition_id is not None

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


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
