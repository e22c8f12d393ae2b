"""The clinic as a schema.org ``MedicalClinic``, from its cached details.

Its ``@id`` is the one pages name as their publisher (``articles.structured_data``), so
a guide's block and this one describe one graph. Opening hours are the week's, plus each
special date from today on, which overrides them on that date (a closure is given as
opening and closing at midnight, as schema.org's examples and Google's documentation do).
"""

from urllib.parse import urljoin

from articles.structured_data import SCHEMA, clinic_node_id

from .models import OpeningHours

DAY_NAMES = {
    OpeningHours.Weekday.MONDAY: f"{SCHEMA}/Monday",
    OpeningHours.Weekday.TUESDAY: f"{SCHEMA}/Tuesday",
    OpeningHours.Weekday.WEDNESDAY: f"{SCHEMA}/Wednesday",
    OpeningHours.Weekday.THURSDAY: f"{SCHEMA}/Thursday",
    OpeningHours.Weekday.FRIDAY: f"{SCHEMA}/Friday",
    OpeningHours.Weekday.SATURDAY: f"{SCHEMA}/Saturday",
    OpeningHours.Weekday.SUNDAY: f"{SCHEMA}/Sunday",
}


def clinic_structured_data(details, *, site_root, today):
    profile = details.profile
    data = {
        "@context": SCHEMA,
        "@type": "MedicalClinic",
        "@id": clinic_node_id(site_root),
        "name": profile.name,
        "description": profile.tagline,
        "url": urljoin(site_root, "/"),
        "telephone": profile.phone,
        "email": profile.email,
        "hasMap": profile.map_url,
        "openingHoursSpecification": [
            *(_weekly(hours) for hours in details.hours),
            *(_special(entry) for entry in details.special_hours_from(today)),
        ],
    }
    address = {
        "@type": "PostalAddress",
        "streetAddress": profile.street_address,
        "addressLocality": profile.locality,
        "addressRegion": profile.region,
        "postalCode": profile.postal_code,
    }
    if any(value for key, value in address.items() if key != "@type"):
        data["address"] = {key: value for key, value in address.items() if value}
    return {key: value for key, value in data.items() if value not in ("", [], None)}


def _weekly(hours):
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": DAY_NAMES[hours.weekday],
        "opens": f"{hours.opens:%H:%M}",
        "closes": f"{hours.closes:%H:%M}",
    }


def _special(entry):
    data = {
        "@type": "OpeningHoursSpecification",
        "validFrom": entry.date.isoformat(),
        "validThrough": entry.date.isoformat(),
        "opens": "00:00" if entry.closed else f"{entry.opens:%H:%M}",
        "closes": "00:00" if entry.closed else f"{entry.closes:%H:%M}",
    }
    if entry.note:
        data["name"] = entry.note
    return data
