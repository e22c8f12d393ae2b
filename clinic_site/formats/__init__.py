"""How each language writes the clinic's dates and times (settings.FORMAT_MODULE_PATH).

Django looks up a format name in these modules first, then in its own locale's formats, so
a page asks for a name (``{{ day|date:"WEEKDAY_DATE_FORMAT" }}``) and gets the active
language's way of writing it, with Django's own weekday and month names. Besides Django's
names (TIME_FORMAT and the like, left as Django has them, so the admin is unchanged) each
language module defines the clinic's own, listed in ``CLINIC_FORMATS``: Django reads an
unknown name as a format string itself, so a language missing one would print nonsense,
and ``tests/clinic_site/test_spanish_catalogue.py`` checks every language has them all.
"""

from django.utils.translation import gettext_noop

CLINIC_FORMATS = (
    "CLOCK_TIME_FORMAT",  # opening hours: "8:00 AM", "8:00 a. m."
    "WEEKDAY_DATE_FORMAT",  # notices, special hours: "Thursday 26 November"
    "WEEKDAY_DAY_FORMAT",  # the first day of a range in one month: "Thursday 24"
    "LONG_DATE_FORMAT",  # review dates: "26 November 2026"
    "CITATION_DATE_FORMAT",  # AMA reference lists: "March 3, 2026"
    "CITATION_MONTH_FORMAT",  # AMA, a month without its day: "March 2026"
)

# Django's "a" time format asks its catalogue for "a.m." and "p.m.". Its Spanish answer is
# "a.m."; ours (locale/es) is "a. m.", the spacing the Real Academia Española sets, and
# a catalogue in LOCALE_PATHS wins over Django's. Marked here so makemessages keeps them.
MERIDIEM_WORDS = (gettext_noop("a.m."), gettext_noop("p.m."))
