"""The clinic's pages in Spanish: interface words, weekday names, dates and times as Spanish
speakers in the US read them, the 404 and error pages. Record text stays as stored (the
demo's is English); only the interface is checked here.
"""

import html
from datetime import date, time

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from clinic_site import selectors, views
from clinic_site.models import Notice, OpeningHours, SpecialHours
from clinic_site.selectors import clinic_details
from tests.clinic_site.test_spanish_catalogue import spanish_catalogue

pytestmark = pytest.mark.django_db

THANKSGIVING = date(2026, 11, 26)  # a Thursday


@pytest.fixture
def on_thanksgiving_eve(monkeypatch):
    monkeypatch.setattr(selectors, "today", lambda: date(2026, 11, 25))


def text(response):
    return html.unescape(response.content.decode())


def interface_phrases():
    """The English of every catalogue entry of three words or more with no placeholder:
    interface sentences no record text shares by chance."""
    return {
        message.id
        for message in spanish_catalogue()
        if isinstance(message.id, str) and len(message.id.split()) >= 3 and "%(" not in message.id
    }


def public_addresses():
    guide = Article.objects.guides().get(slug="leg-spasms-and-cramping")
    article = Article.objects.stories().first()
    return [
        reverse("home"),
        reverse("guides:index"),
        guide.get_absolute_url(),
        reverse("articles:index"),
        article.get_absolute_url(),
        reverse("contact"),
        reverse("search") + "?q=cramps",
        reverse("search") + "?q=zzzzqqq",
        "/no-such-page/",
    ]


def test_no_interface_sentence_stays_english_on_any_kind_of_public_page(
    client, demo, language_set_by_test
):
    phrases = interface_phrases()
    for address in public_addresses():
        with translation.override("en"):
            english = text(client.get(address))
        shown = {phrase for phrase in phrases if phrase in english}
        with translation.override("es"):
            spanish = text(client.get(address))
        assert shown, address  # the page does show interface sentences
        assert {phrase for phrase in shown if phrase in spanish} == set(), address


def test_home_page_is_spanish_from_its_lang_to_its_footer(client, demo, in_spanish):
    page = text(client.get(reverse("home")))

    assert '<html lang="es">' in page
    for words in ("Ir al contenido", "Afecciones de la A a la Z", "Contacto y horario"):
        assert words in page
    assert "Horario de hoy:" in page
    assert "Skip to content" not in page and "Open today" not in page


def test_contact_page_names_weekdays_and_times_in_spanish(client, demo, in_spanish):
    page = text(client.get(reverse("contact")))

    assert "<h1>Contacto y horario</h1>" in page
    assert '<th scope="row">Lunes</th><td>de 8:00 a. m. a 6:00 p. m.</td>' in page
    assert '<th scope="row">Domingo</th><td>Cerrado</td>' in page
    assert ">Monday<" not in page and " AM" not in page


def test_special_hours_are_dated_and_timed_in_spanish(client, demo, in_spanish, monkeypatch):
    monkeypatch.setattr(selectors, "today", lambda: date(2026, 11, 20))
    SpecialHours.objects.create(
        date=THANKSGIVING, closed=True, note="Thanksgiving", note_es="Acción de Gracias"
    )
    SpecialHours.objects.create(date=date(2026, 12, 24), opens=time(9), closes=time(13, 30))

    page = text(client.get(reverse("contact")))

    assert '<time datetime="2026-11-26">Jueves 26 de noviembre</time>' in page
    assert "Cerrado (Acción de Gracias)" in page
    assert "de 9:00 a. m. a 1:30 p. m." in page


def test_footer_gives_todays_hours_in_spanish(client, demo, in_spanish, on_thanksgiving_eve):
    footer = text(client.get(reverse("home"))).split('class="site-footer"')[1]

    assert "Horario de hoy:\n            de 8:00 a. m. a 6:00 p. m." in footer


def test_notices_name_their_dates_in_spanish(client, demo, in_spanish, on_thanksgiving_eve):
    Notice.objects.create(
        message="Closed for Thanksgiving",
        message_es="Cerrado por Acción de Gracias",
        starts_on=THANKSGIVING,
        ends_on=THANKSGIVING,
        show_from=date(2026, 11, 20),
    )
    Notice.objects.create(
        message="Closed for Christmas",
        message_es="Cerrado por Navidad",
        starts_on=date(2026, 12, 24),
        ends_on=date(2026, 12, 25),
        show_from=date(2026, 11, 20),
    )
    Notice.objects.create(
        message="Year-end hours",
        message_es="Horario de fin de año",
        starts_on=date(2026, 12, 31),
        ends_on=date(2027, 1, 1),
        show_from=date(2026, 11, 20),
    )

    page = text(client.get(reverse("home")))

    assert "Cerrado por Acción de Gracias: jueves 26 de noviembre" in page
    assert "Cerrado por Navidad: del jueves 24 al viernes 25 de diciembre" in page
    assert "Horario de fin de año: del jueves 31 de diciembre al viernes 1 de enero" in page


def test_notice_dates_stay_english_in_english(demo):
    notice = Notice(starts_on=date(2026, 12, 24), ends_on=date(2026, 12, 25))
    assert notice.dates_label == "Thursday 24 – Friday 25 December"


def test_the_week_is_named_by_django_in_the_active_language(demo):
    week = clinic_details().week()
    with translation.override("es"):
        assert [str(day) for day, _hours in week][:2] == ["lunes", "martes"]
    assert [str(day) for day, _hours in week][:2] == ["Monday", "Tuesday"]
    monday_hours = week[0][1]
    assert monday_hours == list(OpeningHours.objects.filter(weekday=OpeningHours.Weekday.MONDAY))


def test_page_not_found_is_in_spanish(client, demo, in_spanish):
    response = client.get("/no-such-page/")
    page = text(response)

    assert response.status_code == 404
    assert "<title>Página no encontrada · " in page
    assert "<h1>No encontramos esa página</h1>" in page
    assert "Puede que la dirección esté mal escrita o que la página haya cambiado de lugar." in page
    assert "We could not find that page" not in page


def test_error_page_is_in_spanish_and_still_gives_the_phone(client, demo, in_spanish):
    client.get(reverse("home"))  # the clinic's details are now in the cache
    page = text(views.server_error(RequestFactory().get("/")))

    assert "<h1>Algo salió mal de nuestra parte</h1>" in page
    assert "Llame a la clínica: <span" in page


def test_search_counts_its_results_in_spanish(client, demo, in_spanish):
    found = text(client.get(reverse("search"), {"q": "scoliosis"}))
    nothing = text(client.get(reverse("search"), {"q": "zzzzqqq"}))

    assert "Resultados de la búsqueda de “scoliosis”" in found
    assert "Se encontró 1 página." in found or "Se encontraron " in found
    assert "Ninguna página coincide con esas palabras." in nothing
    assert "Vea las afecciones de la A a la Z" in nothing
