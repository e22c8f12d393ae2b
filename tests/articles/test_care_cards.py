"""When to get care: each level of care said in words on its own card, red-flag signs under
"Call 911 if", before the causes; records with no text are list items, never bare
headings; an "On this page" list; the handout's address back to the page.

All advice and signs here are sample text, not clinical content.
"""

import pytest
from django.test.html import Element, parse_html

from articles.models import Article
from articles.pages import build_page
from clinic_site.models import ClinicProfile
from conditions.models import CareAdvice, Cause, Condition, ConditionCause, RedFlag
from tests.factories import make_condition, make_guide

pytestmark = pytest.mark.django_db

CLINIC_PHONE = "+1-555-010-0000"


@pytest.fixture(autouse=True)
def clinic():
    ClinicProfile(name="Sample clinic", phone=CLINIC_PHONE).save()


def guide_with_care(urgency="routine", *, advice=(), red_flags=(), when="<p>Sample text.</p>"):
    guide = make_guide(make_condition(care_urgency=urgency, when_to_get_care=when))
    for order, text in enumerate(advice):
        CareAdvice.objects.create(condition=guide.condition, text=text, order=order)
    for order, text in enumerate(red_flags):
        RedFlag.objects.create(condition=guide.condition, text=text, order=order)
    return guide


def elements(node, test):
    """Every element under `node` (parsed HTML) for which `test(element)` holds, in order."""
    found = []
    for child in node.children:
        if isinstance(child, Element):
            if test(child):
                found.append(child)
            found += elements(child, test)
    return found


def with_class(name):
    return lambda element: name in dict(element.attributes).get("class", "").split()


def text_of(node):
    return " ".join(
        " ".join(text_of(child).split()) if isinstance(child, Element) else " ".join(child.split())
        for child in node.children
    ).strip()


def cards_on(client, guide):
    html = parse_html(client.get(guide.get_absolute_url()).content.decode())
    return elements(html, with_class("care-card"))


def links_in(node):
    return [dict(link.attributes)["href"] for link in elements(node, lambda e: e.name == "a")]


@pytest.mark.parametrize(
    ("urgency", "words"),
    [
        ("routine", "Routine: book an appointment"),
        ("soon", "Soon: see someone within a few days"),
        ("urgent", "Urgent: get care today"),
        ("emergency", "Emergency: call 911"),
    ],
)
def test_each_level_of_care_is_its_own_card_headed_in_words(client, urgency, words):
    [card] = cards_on(client, guide_with_care(urgency))

    assert f"care-card--{urgency}" in dict(card.attributes)["class"]
    [heading] = elements(card, lambda element: element.name == "h3")
    assert text_of(heading) == words
    assert words == Condition.Urgency(urgency).label  # what the practitioner chose


def test_a_routine_card_lists_the_advice_in_order_and_offers_the_clinics_number(client):
    guide = guide_with_care(advice=["Sample first advice.", "Sample second advice."])

    [card] = cards_on(client, guide)

    items = [text_of(item) for item in elements(card, lambda element: element.name == "li")]
    assert items == ["Sample first advice.", "Sample second advice."]
    assert links_in(card) == ["tel:+15550100000"]
    assert "tel:911" not in str(card)


def test_red_flags_get_an_emergency_card_with_911_above_the_clinics_number(client):
    guide = guide_with_care(advice=["Sample advice."], red_flags=["sample sign one", "two"])

    routine, emergency = cards_on(client, guide)

    assert "care-card--routine" in dict(routine.attributes)["class"]
    assert "care-card--emergency" in dict(emergency.attributes)["class"]
    assert "Call 911 if:" in text_of(emergency)
    items = [text_of(item) for item in elements(emergency, lambda element: element.name == "li")]
    assert items == ["sample sign one", "two"]
    assert links_in(emergency) == ["tel:911", "tel:+15550100000"]


def test_an_emergency_condition_says_call_911_once_with_its_red_flags_on_the_same_card(client):
    guide = guide_with_care("emergency", advice=["Sample advice."], red_flags=["sample sign"])

    [card] = cards_on(client, guide)

    assert text_of(card).count("Call 911 if:") == 1
    assert links_in(card) == ["tel:911", "tel:+15550100000"]


def test_red_flags_alone_make_the_when_to_get_care_section(client):
    guide = guide_with_care(red_flags=["sample sign"], when="")

    [card] = cards_on(client, guide)

    assert "care-card--emergency" in dict(card.attributes)["class"]


def test_the_care_card_comes_before_the_causes(client):
    guide = guide_with_care(red_flags=["sample sign"])
    cause = Cause.objects.create(name="Sample cause", slug="sample-cause", description="Text.")
    ConditionCause.objects.create(condition=guide.condition, cause=cause)

    html = client.get(guide.get_absolute_url()).content.decode()

    assert html.index('class="care-card') < html.index('id="causes"')


def test_advice_and_red_flags_are_read_by_readability_and_checks(client):
    guide = guide_with_care(advice=["Sample advice words."], red_flags=["sample sign words"])

    page = build_page(Article.objects.for_page().get(pk=guide.pk), related=[])

    assert "Sample advice words." in page.source_html
    assert "sample sign words" in page.source_html
    [care] = [section for section in page.sections if section.key == "get-care"]
    assert [card.level for card in care.cards] == ["routine", "emergency"]


def test_a_record_with_no_text_is_a_list_item_not_a_bare_heading(client):
    guide = make_guide()
    silent = Cause.objects.create(name="Sample cause with no text", slug="sample-silent")
    told = Cause.objects.create(name="Sample cause with text", slug="sample-told", description="x")
    ConditionCause.objects.create(condition=guide.condition, cause=told, order=0)
    ConditionCause.objects.create(condition=guide.condition, cause=silent, order=1)

    html = parse_html(client.get(guide.get_absolute_url()).content.decode())

    headings = [text_of(h) for h in elements(html, lambda element: element.name == "h3")]
    assert "Sample cause with text" in headings
    assert "Sample cause with no text" not in headings
    [listed] = elements(html, with_class("record-list"))
    assert text_of(listed) == "Sample cause with no text"


def test_on_this_page_links_to_every_section_of_the_guide(client):
    guide = guide_with_care(red_flags=["sample sign"])
    cause = Cause.objects.create(name="Sample cause", slug="sample-cause", description="Text.")
    ConditionCause.objects.create(condition=guide.condition, cause=cause)

    html = parse_html(client.get(guide.get_absolute_url()).content.decode())

    [contents] = elements(html, with_class("on-this-page"))
    assert links_in(contents) == ["#get-care", "#causes"]
    for anchor in ("get-care", "causes"):
        assert elements(html, lambda element, a=anchor: dict(element.attributes).get("id") == a)


def test_the_handout_prints_the_pages_own_address(client):
    guide = make_guide()

    html = client.get(guide.get_absolute_url()).content.decode()

    assert f"This page online: http://testserver/conditions/{guide.slug}/" in html
