from urllib.parse import urlencode

from django.urls import reverse, translate_url
from django.utils.functional import SimpleLazyObject
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
        # Page views that know better (a guide's Spanish slug) give their own, so this is
        # worked out only where a template reads it.
        "language_versions": SimpleLazyObject(lambda: language_versions(request, language)),
    }


# A list's page number and the A to Z's letter differ by language (Spanish names start
# with other letters; there are fewer Spanish articles): the other language's list starts
# at its beginning.
NOT_KEPT_ACROSS_LANGUAGES = ("letter", "page")


def language_versions(request, language):
    """The same page in every other language, by translating its address (its query kept:
    a search or a filtered list stays what it was, but not a letter or page number); an
    address that is no page (a 404) links to the other language's home page."""
    query = request.GET.copy()
    for name in NOT_KEPT_ACROSS_LANGUAGES:
        query.pop(name, None)
    here = request.path + (f"?{query.urlencode()}" if query else "")
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
    a list's page number or the A to Z's letter, each a page of its own."""
    page = request.GET.get("page", "")
    letter = request.GET.get("letter", "")
    query = {}
    if page.isdigit() and page != "1":
        query["page"] = page
    if letter:
        query["letter"] = letter.lower()
    return request.build_absolute_uri(request.path) + (f"?{urlencode(query)}" if query else "")


def clinic_context(details):
    day = selectors.today()
    return {
        "clinic": details.profile,
        "clinic_hours_today": details.hours_on(day),
        "clinic_notices": details.notices_on(day),
        "clinic_week": details.week,
        "clinic_special_hours": details.special_hours_from(day),
    }
