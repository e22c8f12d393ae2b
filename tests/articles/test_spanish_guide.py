"""A condition guide in Spanish: its section headings, the care card's level of care and
"Llame al 911 si:", the review dates and the reference list's words. The records' own text
here is sample text in English: translating records is not this interface's job.
"""

import html
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test.html import parse_html

from articles import translation_status
from clinic_site.models import ClinicProfile
from conditions.models import (
    CareAdvice,
    Cause,
    ConditionCause,
    ConditionSymptom,
    ConditionTreatment,
    RedFlag,
    Symptom,
    Treatment,
)
from tests.articles.test_care_cards import elements, text_of, with_class
from tests.factories import (
    NHS_LEG_CRAMPS,
    list_on,
    make_citation,
    make_condition,
    make_guide,
    make_practitioner,
    make_record,
    translate_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clinic():
    ClinicProfile(name="Sample clinic", phone="+1-555-010-0000").save()


@pytest.fixture
def guide():
    condition = make_condition(
        care_urgency="urgent", when_to_get_care="<p>Sample text.</p>", symptoms_intro=""
    )
    ConditionSymptom.objects.create(condition=condition, symptom=make_record(Symptom), order=0)
    ConditionCause.objects.create(
        condition=condition, cause=make_record(Cause, details="<p>Sample.</p>"), order=0
    )
    ConditionTreatment.objects.create(
        condition=condition, treatment=make_record(Treatment, details="<p>Sample.</p>"), order=0
    )
    CareAdvice.objects.create(condition=condition, text="Sample advice.", order=0)
    RedFlag.objects.create(condition=condition, text="sample sign", order=0)
    list_on(condition, make_citation(**NHS_LEG_CRAMPS))
    reviewer = make_practitioner(name="Dr. Sample Reviewer")
    guide = make_guide(
        condition,
        author=make_practitioner(),
        reviewer=reviewer,
        last_reviewed=date(2026, 11, 26),
        next_review_due=date(2027, 11, 26),
    )
    # Public under /es/ only once all of it is in Spanish and reviewed.
    translate_page(guide)
    translation_status.mark_reviewed(guide, User.objects.create_user("sample-reviewer"))
    guide.refresh_from_db()
    return guide


def spanish_page(client, guide):
    guide.refresh_from_db()
    response = client.get(guide.url_in("es"))
    assert response.status_code == 200
    return response.content.decode()


def headings(page, level):
    return [text_of(element) for element in elements(parse_html(page), lambda e: e.name == level)]


def test_guide_sections_are_headed_in_spanish(client, guide, in_spanish):
    page = spanish_page(client, guide)

    assert headings(page, "h2") == [
        "En esta página",
        "Síntomas",
        "Cuándo buscar atención médica",
        "Causas",
        "Tratamiento",
        "Referencias",
    ]
    on_this_page = elements(parse_html(page), with_class("on-this-page"))[0]
    assert text_of(on_this_page).startswith(
        "En esta página Síntomas Cuándo buscar atención médica Causas Tratamiento"
    )


def test_care_cards_say_the_level_of_care_and_when_to_call_911_in_spanish(
    client, guide, in_spanish
):
    cards = elements(parse_html(spanish_page(client, guide)), with_class("care-card"))

    assert [text_of(card) for card in cards] == [
        "Urgente: busque atención médica hoy mismo Sample text. (sample translation) "
        "Sample advice. (sample translation) Llame a la clínica: +1-555-010-0000",
        "Emergencia: llame al 911 Llame al 911 si: sample sign (sample translation) Llame al 911 "
        "¿No es una emergencia? Llame a la clínica: +1-555-010-0000",
    ]


@pytest.mark.parametrize(
    ("urgency", "heading"),
    [
        ("routine", "De rutina: haga una cita"),
        ("soon", "Pronto: consulte a un profesional de la salud en los próximos días"),
        ("emergency", "Emergencia: llame al 911"),
    ],
)
def test_every_level_of_care_has_its_spanish_heading(client, in_spanish, urgency, heading):
    guide = make_guide(make_condition(care_urgency=urgency, when_to_get_care="<p>Sample.</p>"))
    translate_page(guide)
    translation_status.mark_reviewed(guide, None)
    page = parse_html(spanish_page(client, guide))

    assert [text_of(h) for h in elements(page, with_class("care-card__heading"))] == [heading]


def test_review_dates_and_byline_are_in_spanish(client, guide, in_spanish):
    page = html.unescape(spanish_page(client, guide))

    assert "Por Dr. Sample, DC" in page
    assert (
        'Última revisión de esta página: <time datetime="2026-11-26">26 de noviembre de 2026'
        "</time> · Próxima revisión: "
        '<time datetime="2027-11-26">26 de noviembre de 2027</time><br>'
        "Revisada por Dr. Sample Reviewer, DC"
    ) in page


def test_reference_list_words_are_spanish_and_the_source_is_as_published(client, guide, in_spanish):
    references = elements(parse_html(spanish_page(client, guide)), with_class("references"))[0]

    assert text_of(references).startswith(
        "Referencias NHS. Leg cramps. NHS website. Consultado el 3 de marzo de 2026. "
        "https://www.nhs.uk/conditions/leg-cramps/"
    )
    assert "Descargar estas referencias: RIS · BibTeX" in text_of(references)


def test_the_guide_in_english_keeps_its_english_words(client, guide):
    page = html.unescape(client.get(guide.get_absolute_url()).content.decode())

    assert headings(page, "h2")[:3] == ["On this page", "Symptoms", "When to get care"]
    assert 'Page last reviewed: <time datetime="2026-11-26">26 November 2026</time>' in page
    assert "Accessed March 3, 2026." in page
