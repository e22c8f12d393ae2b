import re

from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editing.links import WebAddressField, web_address_constraint
from editing.richtext import RichTextField
from editing.translation import translation_of

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
    tagline_es = translation_of(tagline, _("tagline in Spanish"))
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
    disclaimer_es = translation_of(disclaimer, _("disclaimer in Spanish"))

    translated_fields = ("tagline", "disclaimer")

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


class SpecialHoursQuerySet(models.QuerySet):
    def from_day(self, day):
        return self.filter(date__gte=day)


class SpecialHours(models.Model):
    """One date whose hours differ from the week's: a holiday closure or changed hours.

    On that date it replaces the week's hours everywhere they are shown (the footer's
    "Open today", the contact page, the structured data for search engines).
    """

    date = models.DateField(
        unique=True,
        error_messages={"unique": _("This date already has special hours. Change that entry.")},
    )
    closed = models.BooleanField(
        _("closed all day"), default=False, help_text=_("Tick for a holiday closure.")
    )
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(null=True, blank=True)
    note = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("Why, as patients should read it, e.g. Thanksgiving."),
    )
    note_es = translation_of(note, _("note in Spanish"))

    translated_fields = ("note",)

    objects = SpecialHoursQuerySet.as_manager()

    class Meta:
        verbose_name = _("special hours")
        verbose_name_plural = _("special hours")
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(closed=True, opens__isnull=True, closes__isnull=True)
                    | models.Q(
                        closed=False,
                        opens__isnull=False,
                        closes__isnull=False,
                        closes__gt=models.F("opens"),
                    )
                ),
                name="special_hours_closed_or_open_then_close",
                violation_error_message=_(
                    "Either tick “closed all day” and leave the times empty, or give an "
                    "opening time and a later closing time."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.summary}"

    @property
    def summary(self):
        """“closed” or “10:00 AM–2:00 PM”, as the footer says it."""
        if self.closed:
            return str(_("closed"))
        return opening_period(self.opens, self.closes)


def format_time(value):
    """A clock time as the active language writes it: “8:00 AM”, “8:00 a. m.”."""
    return time_format(value, "CLOCK_TIME_FORMAT") if value is not None else ""


def opening_period(opens, closes):
    """“8:00 AM–6:00 PM”; in Spanish “de 8:00 a. m. a 6:00 p. m.”."""
    # Translators: opening and closing times, e.g. "8:00 AM–6:00 PM".
    return gettext("%(opens)s–%(closes)s") % {
        "opens": format_time(opens),
        "closes": format_time(closes),
    }


class NoticeQuerySet(models.QuerySet):
    def not_ended(self, today=None):
        return self.filter(ends_on__gte=today or timezone.localdate())

    def showing_on(self, day):
        return self.filter(ends_on__gte=day).filter(
            models.Q(show_from__lte=day) | models.Q(show_from__isnull=True, starts_on__lte=day)
        )


class Notice(models.Model):
    """A short message shown site-wide, e.g. “Closed on Thanksgiving”, with the dates it is
    about; it may be shown some days before them so patients can plan."""

    message = models.CharField(max_length=300)
    message_es = translation_of(message, _("message in Spanish"))
    link = WebAddressField(blank=True, help_text=_("Optional: a page with more detail."))
    starts_on = models.DateField(
        _("first day"), help_text=_("The first day the notice is about, e.g. the holiday.")
    )
    ends_on = models.DateField(
        _("last day"),
        help_text=_("The last day it is about; the notice is shown until the end of this day."),
    )
    show_from = models.DateField(
        _("show from"),
        null=True,
        blank=True,
        help_text=_(
            "Optional: start showing the notice on this earlier date, so patients see it "
            "ahead. Empty: shown from the first day."
        ),
    )

    objects = NoticeQuerySet.as_manager()

    translated_fields = ("message",)

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="notice_ends_after_start",
                violation_error_message=_("The notice ends before it starts. Check the two dates."),
            ),
            models.CheckConstraint(
                condition=models.Q(show_from__isnull=True)
                | models.Q(show_from__lte=models.F("starts_on")),
                name="notice_shown_from_before_start",
                violation_error_message=_(
                    "“Show from” must be on or before the first day: it is for showing the "
                    "notice ahead of its dates."
                ),
            ),
            web_address_constraint("notice", "link"),
        ]

    def __str__(self):
        return self.message

    @property
    def first_shown_on(self):
        return self.show_from or self.starts_on

    def is_current(self, today):
        """Whether the notice is shown on `today` (from its “show from” date to its last day)."""
        return self.first_shown_on <= today <= self.ends_on

    def is_upcoming(self, today):
        return today < self.first_shown_on

    @property
    def dates_label(self):
        """The dates it is about, as patients read them in the active language: “Thursday
        26 November” or “Thursday 24 – Friday 25 December” (“del jueves 24 al viernes 25
        de diciembre”)."""
        first = date_format(self.starts_on, "WEEKDAY_DATE_FORMAT")
        if self.ends_on == self.starts_on:
            return first
        if (self.starts_on.year, self.starts_on.month) == (self.ends_on.year, self.ends_on.month):
            first = date_format(self.starts_on, "WEEKDAY_DAY_FORMAT")
        # Translators: a notice's first and last day, e.g. "Thursday 24 – Friday 25 December".
        return gettext("%(first)s – %(last)s") % {
            "first": first,
            "last": date_format(self.ends_on, "WEEKDAY_DATE_FORMAT"),
        }
