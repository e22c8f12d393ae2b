"""Reads of the clinic's own details, cached because every public page shows them."""

import logging
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from django.core.cache import cache
from django.utils import timezone
from django.utils.dates import WEEKDAYS

from editing.translation import DEFAULT_LANGUAGE, in_language

from . import change_tokens
from .models import ClinicProfile, Notice, OpeningHours, SpecialHours

# v3: kept with the site's change token (change_tokens.SITE) they were read under.
CLINIC_DETAILS_CACHE_KEY = "clinic-details:v3"
# Saves and deletes clear the key at once (signals.py) and replace the site's token when
# they commit; the timeout only bounds the damage of a change made outside Django.
CLINIC_DETAILS_TIMEOUT = 60 * 60
# A second copy that never expires and is only ever overwritten, for the error page: when
# the database is down, patients still see the number to call.
LAST_KNOWN_CLINIC_DETAILS_CACHE_KEY = "clinic-details:last-known:v2"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DayHours:
    """The hours of one date: the week's, or that date's special hours instead."""

    day: date
    periods: list[tuple[time, time]]  # empty: closed all day
    special: SpecialHours | None = None

    @property
    def is_closed(self):
        return not self.periods

    @property
    def note(self):
        return self.special.note if self.special else ""


@dataclass
class ClinicDetails:
    profile: ClinicProfile
    hours: list[OpeningHours] = field(default_factory=list)
    upcoming_notices: list[Notice] = field(default_factory=list)
    special_hours: list[SpecialHours] = field(default_factory=list)

    def hours_on(self, day: date) -> DayHours:
        """What the clinic keeps on `day`: its special hours if it has some, else the week's."""
        special = next((entry for entry in self.special_hours if entry.date == day), None)
        if special is not None:
            periods = [] if special.closed else [(special.opens, special.closes)]
            return DayHours(day, periods, special)
        periods = [
            (hours.opens, hours.closes) for hours in self.hours if hours.weekday == day.weekday()
        ]
        return DayHours(day, periods)

    def special_hours_from(self, day: date):
        """Special hours on `day` and after, in date order."""
        return [entry for entry in self.special_hours if entry.date >= day]

    def notices_on(self, day: date):
        return [notice for notice in self.upcoming_notices if notice.is_current(day)]

    def next_change_after(self, day: date):
        """The first date after `day` on which the site shows something else for the date
        (today's hours, the notices, the special hours to come), or None if none ever does.

        Those three are all a page shows that depends on the date (clinic_context and the
        structured data read them), so a page made on `day` is current until then.
        """
        candidates = {day + timedelta(days=ahead) for ahead in range(1, 8)}  # each weekday
        for notice in self.upcoming_notices:
            candidates |= {notice.first_shown_on, notice.ends_on + timedelta(days=1)}
        for entry in self.special_hours:
            candidates |= {entry.date, entry.date + timedelta(days=1)}
        shown = self._shown_on(day)
        return next(
            (
                other
                for other in sorted(candidates)
                if other > day and self._shown_on(other) != shown
            ),
            None,
        )

    def _shown_on(self, day):
        hours = self.hours_on(day)
        return (
            hours.periods,
            hours.note,
            [notice.pk for notice in self.notices_on(day)],
            [entry.pk for entry in self.special_hours_from(day)],
        )

    def in_language(self, language):
        """The details as `language`'s pages show them. Where a receptionist has not yet
        written the Spanish, the English stays (each copy names it in
        ``untranslated_fields``, and templates mark it ``lang="en"``): a closure notice in
        English beats no notice at all."""
        if language == DEFAULT_LANGUAGE:
            return self
        return ClinicDetails(
            profile=in_language(self.profile, language, fallback=True),
            hours=self.hours,
            upcoming_notices=[
                in_language(notice, language, fallback=True) for notice in self.upcoming_notices
            ],
            special_hours=[
                in_language(entry, language, fallback=True) for entry in self.special_hours
            ],
        )

    def week(self):
        """Each weekday, named in the active language by Django, with its opening hours (an
        empty list means closed)."""
        return [
            (WEEKDAYS[value], [hours for hours in self.hours if hours.weekday == value])
            for value in OpeningHours.Weekday.values
        ]


def clinic_details():
    """The clinic's details, cached with the site's change token they were read under.

    The token is read before the rows: a request that read the rows just before a save
    committed keeps them under the old token, which the save then replaces, so no app server
    keeps showing the old phone number (``forget_clinic_details`` alone could be undone by
    such a request writing after it).
    """
    cached = cache.get_many([CLINIC_DETAILS_CACHE_KEY, change_tokens.SITE])
    site_token = cached.get(change_tokens.SITE)
    if (stored := cached.get(CLINIC_DETAILS_CACHE_KEY)) is not None and stored[0] == site_token:
        return stored[1]
    site_token = site_token or change_tokens.current([change_tokens.SITE])[change_tokens.SITE]
    # From yesterday: a copy cached just before midnight must still know today's entry.
    since = today() - timedelta(days=1)
    details = ClinicDetails(
        profile=ClinicProfile.load(),
        hours=list(OpeningHours.objects.all()),
        upcoming_notices=list(Notice.objects.not_ended(since)),
        special_hours=list(SpecialHours.objects.from_day(since)),
    )
    cache.set(CLINIC_DETAILS_CACHE_KEY, (site_token, details), CLINIC_DETAILS_TIMEOUT)
    cache.set(LAST_KNOWN_CLINIC_DETAILS_CACHE_KEY, details, None)
    return details


def last_known_clinic_details():
    """The clinic's details as last read, from the cache alone; None if it has none.

    Never touches the database and never raises: the error page calls it when something,
    perhaps the database or the cache itself, has already failed.
    """
    try:
        return cache.get(LAST_KNOWN_CLINIC_DETAILS_CACHE_KEY)
    except Exception:
        logger.exception("Error page: the cache is unreachable too")
        return None


def forget_clinic_details():
    cache.delete(CLINIC_DETAILS_CACHE_KEY)


def today():
    """The clinic's date now (DJANGO_TIME_ZONE); tests replace it to fix the date."""
    return timezone.localdate()
