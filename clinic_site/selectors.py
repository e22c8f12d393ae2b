"""Reads of the clinic's own details, cached because every public page shows them."""

import logging
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.utils import timezone

from .models import ClinicProfile, Notice, OpeningHours

CLINIC_DETAILS_CACHE_KEY = "clinic-details:v1"
# Saves and deletes clear the key at once (signals.py); the timeout only bounds the damage
# of a change made outside Django, such as a restore from backup.
CLINIC_DETAILS_TIMEOUT = 60 * 60
# A second copy that never expires and is only ever overwritten, for the error page: when
# the database is down, patients still see the number to call.
LAST_KNOWN_CLINIC_DETAILS_CACHE_KEY = "clinic-details:last-known:v1"

logger = logging.getLogger(__name__)


@dataclass
class ClinicDetails:
    profile: ClinicProfile
    hours: list[OpeningHours] = field(default_factory=list)
    upcoming_notices: list[Notice] = field(default_factory=list)

    def hours_on(self, day: date):
        return [hours for hours in self.hours if hours.weekday == day.weekday()]

    def notices_on(self, day: date):
        return [notice for notice in self.upcoming_notices if notice.is_current(day)]

    def week(self):
        """Each weekday with its opening hours (an empty list means closed)."""
        return [
            (label, [hours for hours in self.hours if hours.weekday == value])
            for value, label in OpeningHours.Weekday.choices
        ]


def clinic_details():
    details = cache.get(CLINIC_DETAILS_CACHE_KEY)
    if details is None:
        details = ClinicDetails(
            profile=ClinicProfile.load(),
            hours=list(OpeningHours.objects.all()),
            upcoming_notices=list(Notice.objects.not_ended()),
        )
        cache.set(CLINIC_DETAILS_CACHE_KEY, details, CLINIC_DETAILS_TIMEOUT)
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
    return timezone.localdate()
