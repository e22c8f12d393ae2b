"""Spanish, as the clinic's patients in the United States read it.

Dates as Django's Spanish writes them ("jueves 26 de noviembre", "26 de noviembre de 2026").
Times on the 12-hour clock with "a. m." and "p. m." ("8:00 a. m."), as Spanish speakers in
the US read clock times, rather than Django's Spanish default, the 24-hour "H:i": a
patient comparing the site with the clinic's door sign or a phone call should see the
same hours. Django's TIME_FORMAT is left alone, so only the clinic's own names change.
"""

CLOCK_TIME_FORMAT = "g:i a"
WEEKDAY_DATE_FORMAT = r"l j \d\e F"
WEEKDAY_DAY_FORMAT = "l j"
LONG_DATE_FORMAT = r"j \d\e F \d\e Y"
CITATION_DATE_FORMAT = r"j \d\e F \d\e Y"
CITATION_MONTH_FORMAT = r"F \d\e Y"
