from . import selectors


def clinic(request):
    """The clinic's contact details, today's hours and current notices, for every page."""
    return clinic_context(selectors.clinic_details())


def clinic_context(details):
    day = selectors.today()
    return {
        "clinic": details.profile,
        "clinic_hours_today": details.hours_on(day),
        "clinic_notices": details.notices_on(day),
        "clinic_week": details.week,
        "clinic_special_hours": details.special_hours_from(day),
    }
