"""Pages in Spanish: public only when whole and reviewed, flagged when the English moves on."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from articles import translation_status
from articles.models import Article, SpanishState
from articles.pages import forget_built_pages
from clinic_site.models import Notice
from conditions.models import Cause, Symptom
from tests.factories import (
    add_records,
    list_on,
    make_condition,
    make_guide,
    make_record,
    translate_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer():
    return User.objects.create_user("sample-reviewer", is_staff=True)


def reviewed_in_spanish(article, reviewer):
    translate_page(article)
    translation_status.mark_reviewed(article, reviewer)
    article.refresh_from_db()
    return article


def spanish_url(article):
    article.refresh_from_db()
    return article.url_in("es")


def test_a_page_is_not_public_in_spanish_until_translated_and_reviewed(client, reviewer):
    guide = make_guide(title_es="Afección de muestra", slug_es="afeccion-de-muestra")
    add_records(guide.condition, 2)
    assert client.get(spanish_url(guide)).status_code == 404

    with pytest.raises(ValidationError) as refused:
        translation_status.mark_reviewed(guide, reviewer)
    assert "Symptom" in " ".join(refused.value.messages)

    reviewed_in_spanish(guide, reviewer)
    assert guide.spanish_state == SpanishState.REVIEWED
    response = client.get(spanish_url(guide))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "Afección de muestra" in html
    assert "(sample translation)" in html


def test_only_reviewed_spanish_pages_are_listed_in_spanish(client, reviewer):
    shown = reviewed_in_spanish(make_guide(), reviewer)
    hidden = translate_page(make_guide())  # translated, not yet reviewed
    for url in ("/es/", Article.objects.get(pk=shown.pk).url_in("es").rsplit("/", 2)[0] + "/"):
        html = client.get(url).content.decode()
        assert shown.title_es in html
        assert hidden.title_es not in html


def test_changing_the_english_of_a_shared_cause_flags_every_spanish_page_showing_it(
    client, reviewer, committed
):
    cause = make_record(Cause, "Sample shared cause", description="Sample description.")
    guides = []
    for _ in range(2):
        guide = make_guide()
        list_on(guide.condition, cause)
        guides.append(reviewed_in_spanish(guide, reviewer))
    other = reviewed_in_spanish(make_guide(), reviewer)

    with committed():
        cause.refresh_from_db()  # as the admin would: the Spanish typed meanwhile kept
        cause.description = "A changed sample description."
        cause.save()

    states = dict(Article.objects.values_list("pk", "spanish_state"))
    assert [states[guide.pk] for guide in guides] == [SpanishState.OUT_OF_DATE] * 2
    assert states[other.pk] == SpanishState.REVIEWED
    # Out of date stays public, with the reviewed Spanish.
    assert client.get(spanish_url(guides[0])).status_code == 200

    translation_status.mark_reviewed(guides[0], reviewer)
    assert Article.objects.get(pk=guides[0].pk).spanish_state == SpanishState.REVIEWED
    assert Article.objects.get(pk=guides[1].pk).spanish_state == SpanishState.OUT_OF_DATE


def test_changing_only_the_spanish_does_not_flag_the_page(reviewer, committed):
    guide = make_guide()
    symptom = make_record(Symptom, description="Sample description.")
    list_on(guide.condition, symptom, note="Sample note.")
    reviewed_in_spanish(guide, reviewer)
    with committed():
        symptom.refresh_from_db()
        symptom.description_es = "Otra descripción de muestra."
        symptom.save()
    assert Article.objects.get(pk=guide.pk).spanish_state == SpanishState.REVIEWED


def test_a_record_added_without_spanish_withdraws_the_spanish_page(client, reviewer, committed):
    guide = reviewed_in_spanish(make_guide(), reviewer)
    with committed():
        list_on(guide.condition, make_record(Symptom, "Sample untranslated symptom"))
    assert Article.objects.get(pk=guide.pk).spanish_state == SpanishState.INCOMPLETE
    assert client.get(spanish_url(guide)).status_code == 404
    assert client.get(guide.url_in("en")).status_code == 200


def test_the_language_link_goes_to_the_same_page_both_ways(client, reviewer):
    guide = reviewed_in_spanish(make_guide(), reviewer)
    english = client.get(guide.url_in("en")).content.decode()
    spanish = client.get(spanish_url(guide)).content.decode()
    assert f'href="http://testserver{guide.url_in("es")}" hreflang="es"' in english
    assert f'href="http://testserver{guide.url_in("en")}" hreflang="en"' in spanish
    for html in (english, spanish):
        alternates = re.findall(r'<link rel="alternate" hreflang="(\w+)"', html)
        assert sorted(alternates) == ["en", "es"]


def test_an_english_only_page_links_to_the_spanish_list_not_the_home_page(client):
    guide = make_guide()
    html = client.get(guide.url_in("en")).content.decode()
    link = re.search(r'<a href="([^"]+)" hreflang="es"', html).group(1)
    with override("es"):
        assert link == f"http://testserver{reverse('guides:index')}"
    assert '<link rel="alternate" hreflang="es"' not in html


def test_the_browsers_language_changes_nothing(client, reviewer):
    reviewed_in_spanish(make_guide(), reviewer)
    for path in ("/", "/conditions/"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
        assert '<html lang="en">' in response.content.decode()
        assert "Accept-Language" not in response.get("Vary", "")
        assert response["Content-Language"] == "en"


def test_a_spanish_guide_takes_no_more_queries_than_the_english_one(client, reviewer):
    guide = make_guide(condition=make_condition())
    add_records(guide.condition, 3)
    guide = reviewed_in_spanish(guide, reviewer)
    counts = {}
    for language in ("en", "es"):
        url = guide.url_in(language)
        client.get(url)  # caches warm, as for the English test
        forget_built_pages()  # counted as built anew, not as this worker kept it
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[language] = len(queries)
    assert counts["es"] <= counts["en"] <= 10, counts


def test_a_changed_spanish_slug_answers_with_a_permanent_redirect(client, reviewer):
    guide = reviewed_in_spanish(make_guide(), reviewer)
    old = guide.url_in("es")
    guide.slug_es = "nueva-direccion-de-muestra"
    guide.save()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == guide.url_in("es")


def test_a_notice_without_spanish_shows_in_english_marked_as_english(client):
    from datetime import date, timedelta

    today = date.today()
    Notice.objects.create(
        message="Sample notice in English only", starts_on=today, ends_on=today + timedelta(1)
    )
    html = client.get("/es/").content.decode()
    assert '<span lang="en">Sample notice in English only</span>' in html


def test_the_admin_home_lists_pages_whose_spanish_is_out_of_date(practitioner, reviewer, committed):
    guide = reviewed_in_spanish(make_guide(title="Sample guide with Spanish"), reviewer)
    assert "Spanish needs attention" not in practitioner.get("/admin/").content.decode()
    with committed():
        condition = guide.condition
        condition.refresh_from_db()
        condition.summary = "A changed sample summary."
        condition.save()
    html = practitioner.get("/admin/").content.decode()
    assert "Spanish needs attention" in html
    assert "Sample guide with Spanish" in html
    assert "Spanish out of date" in html


def test_the_guide_screen_names_each_record_still_without_spanish(practitioner):
    guide = make_guide(title_es="Guía de muestra")
    list_on(guide.condition, make_record(Symptom, "Sample symptom without Spanish"))
    html = practitioner.get(f"/admin/articles/guide/{guide.pk}/change/").content.decode()
    assert "Still in English only" in html
    assert "Symptom “Sample symptom without Spanish”: name in Spanish" in html
    symptom = Symptom.objects.get(name="Sample symptom without Spanish")
    assert f"/admin/conditions/symptom/{symptom.pk}/change/" in html


def test_ticking_the_review_box_on_the_guide_screen_publishes_the_spanish(practitioner, client):
    from tests.admin_forms import form_data

    guide = translate_page(make_guide())
    url = f"/admin/articles/guide/{guide.pk}/change/"
    data = form_data(practitioner, url) | {"mark_spanish_reviewed": "on"}
    response = practitioner.post(url, data)
    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.spanish_state == SpanishState.REVIEWED
    assert guide.spanish_reviewed_by.username == "practitioner"


def test_a_letter_or_page_number_is_not_carried_to_the_other_languages_list(client):
    html = client.get("/conditions/?letter=l&region=sample").content.decode()
    link = re.search(r'<a href="([^"]+)" hreflang="es"', html).group(1)
    assert "letter=" not in link
    assert "region=sample" in link


def test_a_page_read_in_spanish_still_knows_its_english_address():
    from editing.translation import in_language

    guide = make_guide(slug="sample-english-slug")
    spanish = in_language(guide, "es")  # no Spanish slug yet
    assert spanish.url_in("en") == guide.url_in("en")
    assert spanish.url_in("es") is None
    guide.slug_es = "direccion-de-muestra"
    spanish = in_language(guide, "es")
    assert spanish.url_in("en").endswith("/sample-english-slug/")
    assert spanish.url_in("es").endswith("/direccion-de-muestra/")
