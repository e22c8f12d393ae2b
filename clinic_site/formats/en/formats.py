"""English (US): what the site wrote before it had a second language, unchanged."""

CLOCK_TIME_FORMAT = "g:i A"
WEEKDAY_DATE_FORMAT = "l j F"
WEEKDAY_DAY_FORMAT = "l j"
LONG_DATE_FORMAT = "j F Y"
CITATION_DATE_FORMAT = "F j, Y"
CITATION_MONTH_FORMAT = "F Y"
