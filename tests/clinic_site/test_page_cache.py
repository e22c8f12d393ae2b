"""Whole public pages kept in the shared cache: every kind of change shows at the next
request, time moves pages on by itself, staff never touch it, and HTTP's conditional
requests and gzip work on it (clinic_site/page_cache.py)."""

import gzip
import re
from datetime import UTC, datetime, time, timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from articles import search, translation_status
from articles.changes import pages_changed
from articles.models import Article, ArticleCallout, Callout
from articles.pages import forget_built_pages
from clinic_site import change_tokens, page_cache, selectors
from clinic_site.models import ClinicProfile, Notice, OpeningHours, SpecialHours
from conditions.models import Cause, Symptom
from tests.factories import (
    list_on,
    make_article,
    make_citation,
    make_guide,
    make_record,
    translate_page,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

LONG_AGO = datetime(2020, 1, 6, 9, tzinfo=UTC)


@pytest.fixture
def site():
    """A clinic with a guide showing one of each record, and an article, published long
    before any time the tests set the clock to."""
    ClinicProfile.objects.create(phone="+1-915-555-0100", email="front@example.org")
    guide = make_guide(title="Sample cramps", published_at=LONG_AGO)
    symptom = make_record(Symptom, "Sample ache")
    list_on(guide.condition, symptom)
    cause_link = list_on(
        guide.condition, make_record(Cause, "Sample strain"), note="<p>Sample cause note.</p>"
    )
    citation = make_citation(title="Sample trial of stretching")
    list_on(guide.condition, citation)
    callout = Callout.objects.create(
        label="Sample label", title="Sample callout", body="<p>Box.</p>"
    )
    ArticleCallout.objects.create(article=guide, callout=callout)
    article = make_article(title="Sample article on posture", published_at=LONG_AGO)
    return SimpleNamespace(
        guide=guide,
        guide_url=guide.get_absolute_url(),
        symptom=symptom,
        cause_link=cause_link,
        citation=citation,
        callout=callout,
        article=article,
    )


def page(client, url, **headers):
    """The response to a GET of `url` and its text; it must be there."""
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response, response.content.decode()


def queries_for(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def test_a_guide_asked_for_again_is_answered_from_the_cache_without_a_query(client, site):
    first, first_queries = queries_for(client, site.guide_url)
    second, second_queries = queries_for(client, site.guide_url)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first_queries >= 5
    assert second_queries == 0
    assert second.content == first.content


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/conditions/",
        "/articles/",
        "/contact/",
        "/search/?q=sample",
        "/sitemap.xml",
        "/sitemap-guides.xml",
        "/feeds/articles/",
        "/robots.txt",
    ],
)
def test_every_kind_of_public_page_is_kept(client, site, url):
    assert client.get(url)["X-Page-Cache"] == "miss"
    response, queries = queries_for(client, url)

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert queries == 0


def change_symptom_name(site):
    site.symptom.name = "Sample throb"
    site.symptom.save()


def change_cause_note(site):
    site.cause_link.note = "<p>Sample changed note.</p>"
    site.cause_link.save()


def change_citation(site):
    site.citation.title = "Sample trial of resting"
    site.citation.save()


def change_phone(site):
    profile = ClinicProfile.load()
    profile.phone = "+1-915-555-0199"
    profile.save()


def change_callout(site):
    site.callout.title = "Sample changed callout"
    site.callout.save()


def change_todays_hours(site):
    OpeningHours.objects.create(weekday=selectors.today().weekday(), opens=time(7), closes=time(11))


def add_special_hours_today(site):
    SpecialHours.objects.create(date=selectors.today(), closed=True, note="Sample closure")


def add_notice_today(site):
    today = selectors.today()
    Notice.objects.create(message="Sample notice", starts_on=today, ends_on=today)


CHANGES = [
    (change_symptom_name, "Sample ache", "Sample throb"),
    (change_cause_note, "Sample cause note.", "Sample changed note."),
    (change_citation, "Sample trial of stretching", "Sample trial of resting"),
    (change_phone, "+1-915-555-0100", "+1-915-555-0199"),
    (change_callout, "Sample callout", "Sample changed callout"),
    (change_todays_hours, "Open today", "7:00 AM–11:00 AM"),
    (add_special_hours_today, "Open today", "closed (Sample closure)"),
    (add_notice_today, "Open today", "Sample notice"),
]


@pytest.mark.parametrize(
    ("change", "before", "after"), CHANGES, ids=[change.__name__ for change, *_ in CHANGES]
)
def test_each_kind_of_record_change_shows_on_the_kept_guide_at_the_next_request(
    client, site, committed, change, before, after
):
    client.get(site.guide_url)
    response, text = page(client, site.guide_url)
    assert response["X-Page-Cache"] == "hit"
    assert before in text and after not in text

    with committed():
        change(site)
    response, text = page(client, site.guide_url)

    assert response["X-Page-Cache"] == "miss"
    assert after in text


@pytest.mark.parametrize(
    "url", ["/", "/conditions/", "/articles/", "/contact/", "/search/?q=sample"]
)
def test_the_clinics_phone_changes_on_every_kept_page(client, site, committed, url):
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    with committed():
        change_phone(site)

    assert "+1-915-555-0199" in page(client, url)[1]


def test_a_record_change_leaves_pages_that_do_not_show_it_kept(client, site, committed):
    article_url = site.article.get_absolute_url()
    client.get(article_url)

    with committed():
        change_symptom_name(site)

    assert client.get(article_url)["X-Page-Cache"] == "hit"
    assert client.get(site.guide_url)["X-Page-Cache"] == "miss"


def test_publishing_and_unpublishing_change_the_lists_and_the_page(client, site, committed):
    draft = make_article(title="Sample draft on sleep", published=False)
    url = draft.get_absolute_url()
    for address in ("/", "/articles/", "/sitemap-articles.xml", "/feeds/articles/"):
        client.get(address)
    assert client.get(url).status_code == 404
    assert "Sample draft on sleep" not in page(client, "/articles/")[1]

    with committed():
        draft.status = Article.Status.PUBLISHED
        draft.save()
    for address in ("/", "/articles/", "/feeds/articles/"):
        assert "Sample draft on sleep" in page(client, address)[1], address
    assert url in page(client, "/sitemap-articles.xml")[1]
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"

    with committed():
        draft.status = Article.Status.UNPUBLISHED
        draft.save()
    assert "Sample draft on sleep" not in page(client, "/articles/")[1]
    assert client.get(url).status_code == 404


def test_a_slug_change_moves_the_kept_page_and_the_old_address_redirects(client, site, committed):
    old_url = site.guide_url
    client.get(old_url)
    client.get("/conditions/")

    with committed():
        site.guide.slug = "sample-cramps-moved"
        site.guide.save()

    old = client.get(old_url)
    assert old.status_code == 301
    assert old["Location"] == "/conditions/sample-cramps-moved/"
    assert "/conditions/sample-cramps-moved/" in page(client, "/conditions/")[1]
    assert client.get("/conditions/sample-cramps-moved/").status_code == 200


def test_a_change_committed_while_a_page_is_built_is_not_kept(client, site, monkeypatch):
    """The page may have read the rows before the change: answer it, keep nothing."""
    real_build_page = page_cache.Entry.from_response

    def build_while_a_change_commits(response, **kwargs):
        change_tokens.replace([change_tokens.page_token(site.guide.pk)])
        return real_build_page(response, **kwargs)

    monkeypatch.setattr(page_cache.Entry, "from_response", build_while_a_change_commits)
    client.get(site.guide_url)
    monkeypatch.undo()

    assert client.get(site.guide_url)["X-Page-Cache"] == "miss"
    assert client.get(site.guide_url)["X-Page-Cache"] == "hit"


def test_a_token_lost_from_the_cache_makes_kept_pages_stale(client, site):
    client.get(site.guide_url)
    cache.delete(change_tokens.page_token(site.guide.pk))

    assert client.get(site.guide_url)["X-Page-Cache"] == "miss"


def test_a_new_release_never_serves_pages_kept_by_the_old_one(client, site, monkeypatch):
    client.get(site.guide_url)
    monkeypatch.setattr(page_cache, "release", lambda: "another release")

    assert client.get(site.guide_url)["X-Page-Cache"] == "miss"


@pytest.fixture
def fresh_release():
    page_cache.release.cache_clear()
    yield page_cache.release
    page_cache.release.cache_clear()


def test_the_release_follows_templates_and_the_settings_pages_show(
    fresh_release, settings, tmp_path
):
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "base.html"
    template.write_text("<p>Sample page</p>")
    settings.BASE_DIR = tmp_path
    first = fresh_release()
    fresh_release.cache_clear()
    assert fresh_release() == first  # the same files and settings: the same release

    template.write_text("<p>Sample page, changed</p>")
    fresh_release.cache_clear()
    second = fresh_release()
    settings.SECURE_HSTS_SECONDS = 60
    fresh_release.cache_clear()

    assert len({first, second, fresh_release()}) == 3


@pytest.mark.parametrize("command", ["migrate", "forget_cached_pages"])
def test_migrate_and_forget_cached_pages_mark_everything_changed(client, site, command):
    client.get(site.guide_url)
    client.get("/contact/")
    call_command(command, verbosity=0, stdout=StringIO())

    assert client.get(site.guide_url)["X-Page-Cache"] == "miss"
    assert client.get("/contact/")["X-Page-Cache"] == "miss"


# --------------------------------------------------------------------------- time


@pytest.fixture
def clock(monkeypatch):
    """Set the time everything reads (timezone.now, so the clinic's date too)."""
    state = SimpleNamespace(now=timezone.now())
    monkeypatch.setattr(timezone, "now", lambda: state.now)

    def set_to(instant):
        state.now = instant

    return set_to


def clinic_time(year, month, day, hour=0, minute=0, second=0):
    return datetime(year, month, day, hour, minute, second, tzinfo=timezone.get_default_timezone())


def test_a_scheduled_article_appears_at_its_minute_with_no_cron(client, site, clock):
    start = clinic_time(2026, 11, 20, 9, 0)
    clock(start)
    scheduled = make_article(
        title="Sample scheduled piece", published_at=start + timedelta(hours=1)
    )
    url = scheduled.get_absolute_url()

    assert "Sample scheduled piece" not in page(client, "/articles/")[1]
    assert client.get(url).status_code == 404
    clock(start + timedelta(minutes=59, seconds=59))
    response, text = page(client, "/articles/")
    assert response["X-Page-Cache"] == "hit" and "Sample scheduled piece" not in text

    clock(start + timedelta(hours=1))
    response, text = page(client, "/articles/")
    assert response["X-Page-Cache"] == "miss" and "Sample scheduled piece" in text
    assert client.get(url).status_code == 200
    assert "Sample scheduled piece" in page(client, "/")[1]


def test_a_notice_appears_on_its_show_from_date_and_goes_after_its_last_day(client, site, clock):
    clock(clinic_time(2026, 11, 20, 12))
    Notice.objects.create(
        message="Sample holiday closure",
        show_from=clinic_time(2026, 11, 23).date(),
        starts_on=clinic_time(2026, 11, 26).date(),
        ends_on=clinic_time(2026, 11, 27).date(),
    )
    assert "Sample holiday closure" not in page(client, site.guide_url)[1]

    clock(clinic_time(2026, 11, 22, 23, 59, 59))
    response, text = page(client, site.guide_url)
    assert "Sample holiday closure" not in text
    clock(clinic_time(2026, 11, 23))
    assert "Sample holiday closure" in page(client, site.guide_url)[1]
    clock(clinic_time(2026, 11, 27, 23, 59, 59))
    response, text = page(client, site.guide_url)
    assert response["X-Page-Cache"] == "hit" and "Sample holiday closure" in text
    clock(clinic_time(2026, 11, 28))
    assert "Sample holiday closure" not in page(client, site.guide_url)[1]


def test_open_today_changes_at_midnight_in_the_clinics_time_zone(client, site, clock):
    for weekday in range(5):
        OpeningHours.objects.create(weekday=weekday, opens=time(8), closes=time(18))
    friday_night = clinic_time(2026, 11, 20, 23, 59, 59)  # a Friday
    clock(friday_night - timedelta(hours=3))
    assert "8:00 AM–6:00 PM" in footer(client, site.guide_url)

    clock(friday_night)
    assert "8:00 AM–6:00 PM" in footer(client, site.guide_url)
    clock(friday_night + timedelta(seconds=1))
    assert re.search(r"Open today:\s+closed", footer(client, site.guide_url))


def test_a_page_made_on_a_monday_stays_kept_while_the_weeks_hours_are_the_same(client, site, clock):
    for weekday in range(5):
        OpeningHours.objects.create(weekday=weekday, opens=time(8), closes=time(18))
    clock(clinic_time(2026, 11, 16, 10))  # a Monday
    client.get(site.guide_url)

    clock(clinic_time(2026, 11, 20, 23, 59))  # Friday night: the same hours all week
    assert client.get(site.guide_url)["X-Page-Cache"] == "hit"
    clock(clinic_time(2026, 11, 21))  # Saturday: closed
    assert client.get(site.guide_url)["X-Page-Cache"] == "miss"


def footer(client, url):
    return page(client, url)[1].split('class="site-footer"')[1]


# --------------------------------------------------------------------------- who


def kept(url, host="testserver"):
    """The entry kept for `url`, as the test client asks for it, or None."""
    return cache.get(page_cache.entry_key(RequestFactory().get(url, HTTP_HOST=host)))


def test_staff_neither_get_nor_fill_the_cache(practitioner):
    guide_url = Article.objects.guides().published().first().get_absolute_url()
    response, queries = queries_for(practitioner, guide_url)
    assert "X-Page-Cache" not in response
    assert queries > 0
    assert kept(guide_url) is None

    anonymous = Client()
    assert anonymous.get(guide_url)["X-Page-Cache"] == "miss"
    assert anonymous.get(guide_url)["X-Page-Cache"] == "hit"
    staff_response, queries = queries_for(practitioner, guide_url)
    assert "X-Page-Cache" not in staff_response and queries > 0
    assert "Content-Encoding" not in practitioner.get(guide_url, HTTP_ACCEPT_ENCODING="gzip")


def test_drafts_and_previews_are_never_kept(practitioner):
    draft = make_article(title="Sample unpublished draft", published=False)
    preview_url = f"/articles/preview/{draft.pk}/"
    assert practitioner.get(draft.get_absolute_url()).status_code == 200
    assert practitioner.get(preview_url).status_code == 200

    assert kept(draft.get_absolute_url()) is None and kept(preview_url) is None
    assert Client().get(draft.get_absolute_url()).status_code == 404
    assert kept(draft.get_absolute_url()) is None


def test_anonymous_pages_do_not_vary_by_cookie_and_set_no_cookie(client, site):
    for url in (
        "/",
        "/conditions/",
        site.guide_url,
        "/articles/",
        "/contact/",
        "/search/?q=sample",
    ):
        response = client.get(url)
        assert "cookie" not in response.get("Vary", "").lower(), url
        assert not response.cookies, url
    assert "csrfmiddlewaretoken" not in page(client, site.guide_url)[1]


def test_accept_language_changes_nothing(client, site):
    english = client.get(site.guide_url).content
    response = client.get(site.guide_url, HTTP_ACCEPT_LANGUAGE="es")

    assert response["X-Page-Cache"] == "hit"
    assert response.content == english


def test_a_query_the_page_does_not_read_is_answered_but_never_kept(client, site):
    """The search box shows ?q= on every page: kept, it would show one visitor's words to all."""
    url = site.guide_url + "?q=sample+words"
    assert "sample words" in page(client, url)[1]

    assert kept(url) is None
    assert "X-Page-Cache" not in client.get(url)
    assert "sample words" not in page(client, site.guide_url)[1]


def test_each_host_has_its_own_kept_pages(client, site, settings):
    settings.ALLOWED_HOSTS = ["clinic.example.org", "other.example.org"]
    mine = page(client, "/", HTTP_HOST="clinic.example.org")[1]
    theirs = page(client, "/", HTTP_HOST="other.example.org")[1]

    assert 'href="http://clinic.example.org/"' in mine
    assert 'href="http://other.example.org/"' in theirs


def test_search_results_are_not_kept_while_the_index_catches_up(client, site, monkeypatch):
    monkeypatch.setattr(search, "REFRESH_AT_ONCE", 1)  # two published pages are stale
    # The first search writes one page's document and leaves the other stale: not kept.
    assert "X-Page-Cache" not in client.get("/search/?q=sample")

    # The second writes the last one: its results are current, and kept.
    assert "X-Page-Cache" in client.get("/search/?q=sample")
    assert client.get("/search/?q=sample")["X-Page-Cache"] == "hit"


# --------------------------------------------------------------------------- HTTP


def test_a_browser_with_the_current_copy_gets_304_by_etag(client, site):
    first = client.get(site.guide_url)
    again = client.get(site.guide_url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_browser_with_the_current_copy_gets_304_by_date(client, site):
    first = client.get(site.guide_url)
    again = client.get(site.guide_url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 304


def test_a_browser_with_an_old_copy_gets_the_new_page(client, site, committed):
    first = client.get(site.guide_url)
    with committed():
        change_symptom_name(site)
    again = client.get(site.guide_url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert "Sample throb" in again.content.decode()


def test_rebuilding_the_same_bytes_keeps_last_modified(client, site, clock):
    clock(clinic_time(2026, 11, 20, 10))
    first = client.get(site.guide_url)
    change_tokens.replace([change_tokens.page_token(site.guide.pk)])  # nothing it shows

    clock(clinic_time(2026, 11, 20, 10, 30))
    again = client.get(site.guide_url)
    assert again["X-Page-Cache"] == "miss"
    assert again["Last-Modified"] == first["Last-Modified"]


def test_pages_say_browsers_must_ask_again_before_reusing_them(client, site):
    response = client.get(site.guide_url)

    assert response["Cache-Control"] == "no-cache"


def test_pages_are_gzipped_for_browsers_that_accept_it(client, site):
    plain = client.get(site.guide_url)
    zipped = client.get(site.guide_url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert "Content-Encoding" not in plain
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) < len(plain.content) / 2
    assert int(zipped["Content-Length"]) == len(zipped.content)


# --------------------------------------------------------------------------- the switch


def test_with_the_switch_off_every_request_builds_the_page(client, site, settings):
    settings.CLINIC_PAGE_CACHE = False
    client.get(site.guide_url)
    forget_built_pages()  # nor is the page object this worker keeps (pages.page_to_read)
    response, queries = queries_for(client, site.guide_url, HTTP_ACCEPT_ENCODING="gzip")

    assert response["X-Page-Cache"] == "off"
    assert queries >= 5
    assert response["Content-Encoding"] == "gzip"
    assert client.get(site.guide_url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


# --------------------------------------------------------------------------- languages


@pytest.fixture
def reviewer(django_user_model):
    return django_user_model.objects.create_user("sample-reviewer", is_staff=True)


def spanish_list():
    with override("es"):
        return reverse("guides:index")


def test_a_spanish_page_is_kept_at_its_own_address_and_follows_its_records(
    client, site, reviewer, committed
):
    with committed():
        translate_page(site.guide)
        translation_status.mark_reviewed(site.guide, reviewer)
    site.guide.refresh_from_db()
    spanish_url = site.guide.url_in("es")
    english = client.get(site.guide_url).content
    client.get(spanish_url)
    response, text = page(client, spanish_url)
    assert response["X-Page-Cache"] == "hit"
    assert '<html lang="es">' in text and response.content != english

    with committed():
        symptom = Symptom.objects.get(pk=site.symptom.pk)
        symptom.name_es = "Dolor de muestra cambiado"
        symptom.save()

    assert "Dolor de muestra cambiado" in page(client, spanish_url)[1]


def test_marking_the_spanish_reviewed_lists_it_in_spanish_at_the_next_request(
    client, site, reviewer, committed
):
    with committed():
        translate_page(site.guide)
    client.get(spanish_list())
    assert "Sample cramps (sample translation)" not in page(client, spanish_list())[1]

    with committed():
        translation_status.mark_reviewed(site.guide, reviewer)

    assert "Sample cramps (sample translation)" in page(client, spanish_list())[1]


def test_tokens_move_only_once_what_follows_page_changes_is_written(site, committed):
    """A page built while the Spanish state or search index is still being written must not
    be kept as current: the tokens move after every pages_changed receiver has run."""
    token = change_tokens.page_token(site.guide.pk)
    before = change_tokens.current([token])[token]
    seen_by_receivers = []

    def receiver(sender, **kwargs):
        seen_by_receivers.append(cache.get(token))

    pages_changed.connect(receiver)
    try:
        with committed():
            change_symptom_name(site)
    finally:
        pages_changed.disconnect(receiver)

    assert seen_by_receivers == [before]
    assert cache.get(token) != before
