from .selectors import clinic_details, today


def clinic(request):
    """The clinic's contact details, today's hours and current notices, for every page."""
    return clinic_context(clinic_details())


def clinic_context(details):
    day = today()
    return {
        "clinic": details.profile,
        "clinic_hours_today": details.hours_on(day),
        "clinic_notices": details.notices_on(day),
        "clinic_week": details.week,
    }
