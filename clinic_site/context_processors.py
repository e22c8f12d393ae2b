from django.urls import reverse, translate_url
from django.utils.translation import override

from articles.structured_data import json_ld_script
from editing.translation import LanguageVersion, current_language, languages

from . import selectors
from .structured_data import clinic_structured_data


def clinic(request):
    """The clinic's contact details, today's hours and current notices, for every page; the
    page's canonical address and the clinic's structured data for search engines."""
    details = selectors.clinic_details()
    language = current_language()

    def structured_data():  # a callable: worked out only by templates that show it
        return json_ld_script(
            clinic_structured_data(
                details, site_root=request.build_absolute_uri("/"), today=selectors.today()
            )
        )

    return {
        **clinic_context(details.in_language(language)),
        "canonical_url": canonical_url(request),
        "clinic_structured_data": structured_data,
        # Page views that know better (a guide's Spanish slug) give their own.
        "language_versions": language_versions(request, language),
    }


def language_versions(request, language):
    """The same page in every other language, by translating its address (its query kept:
    a search or a filtered list stays what it was); an address that is no page (a 404)
    links to the other language's home page."""
    here = request.get_full_path()
    versions = []
    for code in languages():
        if code == language:
            continue
        url = translate_url(here, code)
        if url == here:
            with override(code):
                url = reverse("home")
        versions.append(LanguageVersion(code, request.build_absolute_uri(url)))
    return versions


def canonical_url(request):
    """The page's address without its query (filters show a part of the same page), except
    a list's page number, which is a page of its own."""
    page = request.GET.get("page", "")
    query = f"?page={page}" if page.isdigit() and page != "1" else ""
    return request.build_absolute_uri(request.path) + query


def clinic_context(details):
    day = selectors.today()
    return {
        "clinic": details.profile,
        "clinic_hours_today": details.hours_on(day),
        "clinic_notices": details.notices_on(day),
        "clinic_week": details.week,
        "clinic_special_hours": details.special_hours_from(day),
    }
