"""Dates as references write them: "2020 Sep 21", "10 Jan. 2020", "March 3, 2024", "2016/11/30/"."""

import re
from datetime import date

MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}


MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
)


def _month_number(value):
    if value is None or value == "":
        return None
    value = str(value).strip().lower()
    if value.isdigit():
        number = int(value)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(value[:3])


def set_date(reference, year, month=None, day=None):
    if not year:
        return
    reference.year = int(year)
    reference.month = _month_number(month)
    reference.day = int(day) if reference.month and day and str(day).isdigit() else None


def read_date_parts(text):
    """Year, month and day from the date shapes references use; missing parts are None."""
    text = (text or "").strip()
    shapes = [
        rf"(?P<month>{MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})",
        rf"(?<!\d)(?P<day>\d{{1,2}})\s+(?P<month>{MONTH})\.?,?\s+(?P<year>\d{{4}})",
        r"(?P<year>\d{4})[-/](?P<month>\d{1,2})?(?:[-/](?P<day>\d{1,2}))?",
        rf"(?P<year>\d{{4}})\s+(?P<month>{MONTH})\.?(?:\s+(?P<day>\d{{1,2}}))?",
        rf"(?P<month>{MONTH})\.?\s+(?P<year>\d{{4}})",
        r"(?P<year>\d{4})",
    ]
    for shape in shapes:
        match = re.search(shape, text, re.I)
        if match:
            parts = match.groupdict()
            return parts.get("year"), parts.get("month"), parts.get("day")
    return None, None, None


def read_full_date(text, reference):
    """A whole calendar date (an access date), or None with a note for the practitioner."""
    year, month, day = read_date_parts(text)
    try:
        return date(int(year), _month_number(month), int(day))
    except (TypeError, ValueError):
        reference.problems.append(f"Could not read the date “{text.strip()}”.")
        return None
