import re

from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editing.links import WebAddressField, web_address_constraint
from editing.richtext import RichTextField

validate_phone = RegexValidator(
    r"^\+?[\d\s().-]{7,25}$",
    message=_(
        "Enter a phone number with digits, spaces, dashes or brackets, "
        "e.g. +1-915-850-0900 or (915) 850-0900."
    ),
    code="invalid_phone",
)


class ClinicProfile(models.Model):
    """The clinic's own details, kept in one row and shown on every public page."""

    SINGLETON_PK = 1

    name = models.CharField(max_length=200, default="Our clinic")
    tagline = models.CharField(max_length=200, blank=True)
    phone = models.CharField(
        max_length=25,
        validators=[validate_phone],
        help_text=_("Shown on every page; tapping it calls the clinic. e.g. +1-915-850-0900"),
    )
    email = models.EmailField(help_text=_("Shown on every page."))
    street_address = models.CharField(max_length=200, blank=True)
    locality = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(_("state"), max_length=100, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    map_url = WebAddressField(_("map link"), blank=True)
    disclaimer = RichTextField(
        blank=True,
        help_text=_("Shown at the end of every guide and article, followed by the phone number."),
    )

    class Meta:
        verbose_name = _("clinic profile")
        verbose_name_plural = _("clinic profile")
        constraints = [web_address_constraint("clinic_profile", "map_url")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls(name="Our clinic")

    @property
    def phone_uri(self):
        """`tel:+19158500900`: digits only, so every phone dials it."""
        digits = re.sub(r"[^\d+]", "", self.phone)
        return f"tel:{digits}" if digits else ""

    @property
    def address_lines(self):
        city_line = " ".join(
            part for part in (self.locality, self.region, self.postal_code) if part
        )
        return [line for line in (self.street_address, city_line) if line]


class OpeningHours(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    weekday = models.PositiveSmallIntegerField(choices=Weekday)
    opens = models.TimeField()
    closes = models.TimeField()

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")),
                name="opening_hours_close_after_open",
                violation_error_message=_("Closing time must be after opening time."),
            ),
            models.UniqueConstraint(
                fields=["weekday", "opens"],
                name="opening_hours_unique_start",
                violation_error_message=_("These opening hours are already listed for that day."),
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class NoticeQuerySet(models.QuerySet):
    def not_ended(self):
        return self.filter(ends_on__gte=timezone.localdate())


class Notice(models.Model):
    """A short message shown site-wide between two dates, e.g. “Closed on Thanksgiving”."""

    message = models.CharField(max_length=300)
    link = WebAddressField(blank=True, help_text=_("Optional: a page with more detail."))
    starts_on = models.DateField(help_text=_("First day the notice is shown."))
    ends_on = models.DateField(help_text=_("Last day the notice is shown."))

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="notice_ends_after_start",
                violation_error_message=_("The notice ends before it starts. Check the two dates."),
            ),
            web_address_constraint("notice", "link"),
        ]

    def __str__(self):
        return self.message

    def is_current(self, today):
        return self.starts_on <= today <= self.ends_on
