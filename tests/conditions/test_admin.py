"""The admin screens for conditions and their shared records, as a practitioner uses them."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Guide
from conditions.models import Cause, Condition, ConditionSymptom, Symptom, Treatment
from tests.conditions.test_models import DUPLICATE_MESSAGES
from tests.factories import list_on, make_citation, make_condition, make_linkable, make_record

pytestmark = pytest.mark.django_db

RECORD_KINDS = [Symptom, Cause, Treatment]
CONDITION_ADD_URL = "/admin/conditions/condition/add/"
INLINES = [
    "alternative_names",
    "symptom_links",
    "care_advice",
    "red_flags",
    "cause_links",
    "treatment_links",
    "citation_links",
]


def list_url(model):
    return f"/admin/conditions/{model._meta.model_name}/"


def delete_url(record):
    return f"{list_url(type(record))}{record.pk}/delete/"


def used_by_column(html, name):
    """The "Used by" cell of the list row whose record is called `name`."""
    row = re.search(rf">{re.escape(name)}</a></th>.*?<td class=\"field-used_by\">(.*?)</td>", html)
    assert row, f"no row for {name}"
    return unescape(row.group(1))


def listed_names(html):
    return re.findall(r'<th class="field-name"><a href="[^"]+">([^<]+)</a></th>', html)


def condition_form(**changes):
    """A new condition with no records, as the add screen posts it (sample text)."""
    data = {
        "name": "Sample plantar heel pain",
        "slug": "sample-plantar-heel-pain",
        "body_region": "",
        "summary": "Sample opening paragraph, not clinical content.",
        "symptoms_intro": "",
        "care_urgency": "routine",
        "when_to_get_care": "",
        "causes_intro": "",
        "treatments_intro": "",
    }
    for prefix in INLINES:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | changes


def rows(prefix, field, *records, initial=0):
    """Inline rows naming `records` in the order given, each with its position as order."""
    data = {f"{prefix}-TOTAL_FORMS": str(len(records)), f"{prefix}-INITIAL_FORMS": str(initial)}
    for index, record in enumerate(records):
        data |= {f"{prefix}-{index}-{field}": record.pk, f"{prefix}-{index}-order": str(index)}
    return data


def errors(html):
    """Every error message the form shows."""
    lists = re.findall(r'<ul class="errorlist[^"]*">(.*?)</ul>', html, re.S)
    return [unescape(error) for found in lists for error in re.findall(r"<li>(.*?)</li>", found)]


# Lists of symptoms, causes and treatments


@pytest.mark.parametrize("model", RECORD_KINDS)
def test_record_list_shows_the_conditions_that_use_each_record(practitioner, model):
    used, unused = make_record(model, "Sample used record"), make_record(model, "Sample idle")
    for condition_name in ["Sample cramps", "Sample sprain"]:
        list_on(make_condition(condition_name), used)
    html = practitioner.get(list_url(model)).content.decode()
    assert "Used by" in html
    assert sorted(used_by_column(html, "Sample used record").split(", ")) == [
        "Sample cramps",
        "Sample sprain",
    ]
    assert used_by_column(html, unused.name) == "—"


def test_record_list_takes_as_many_queries_for_many_records_as_for_one(practitioner):
    list_on(make_condition(), make_record(Symptom))

    def queries_for_the_list():
        with CaptureQueriesContext(connection) as queries:
            assert practitioner.get(list_url(Symptom)).status_code == 200
        return len(queries)

    queries_for_the_list()  # the first request also reads the clinic's cached details
    few = queries_for_the_list()
    for _ in range(7):
        list_on(make_condition(), make_record(Symptom))
    assert queries_for_the_list() == few


@pytest.mark.parametrize("model", RECORD_KINDS)
def test_a_record_used_widely_names_three_conditions_and_links_to_all(practitioner, model):
    record = make_record(model, "Sample shared record")
    for letter in "EDCBA":
        list_on(make_condition(f"Sample {letter} condition"), record)
    html = practitioner.get(list_url(model)).content.decode()
    cell = used_by_column(html, "Sample shared record")
    assert cell.startswith("Sample A condition, Sample B condition, Sample C condition, <a ")
    assert ">and 2 more</a>" in cell
    (address,) = re.findall(r'href="([^"]+)"', cell)
    conditions = practitioner.get(address).content.decode()
    assert sorted(re.findall(r">(Sample [A-E] condition)</a></th>", conditions)) == [
        f"Sample {letter} condition" for letter in "ABCDE"
    ]


def test_record_list_takes_as_many_queries_for_records_on_many_conditions(practitioner):
    records = [make_record(Symptom) for _ in range(3)]

    def queries_for_the_list():
        with CaptureQueriesContext(connection) as queries:
            assert practitioner.get(list_url(Symptom)).status_code == 200
        return len(queries)

    for record in records:
        list_on(make_condition(), record)
    queries_for_the_list()  # the first request also reads the clinic's cached details
    few = queries_for_the_list()
    for record in records:
        for _ in range(10):
            list_on(make_condition(), record)
    assert queries_for_the_list() == few


@pytest.mark.parametrize("model", RECORD_KINDS)
def test_records_are_found_by_name_or_by_description(practitioner, model):
    make_record(model, "Sample numb toes", description="Sample text: pins and needles.")
    make_record(model, "Sample stiff neck", description="Sample text: hard to turn the head.")
    by_name = practitioner.get(list_url(model), {"q": "numb"}).content.decode()
    assert listed_names(by_name) == ["Sample numb toes"]
    by_description = practitioner.get(list_url(model), {"q": "turn the head"}).content.decode()
    assert listed_names(by_description) == ["Sample stiff neck"]


# Deleting a record


@pytest.mark.parametrize("model", RECORD_KINDS)
def test_a_record_a_condition_uses_shows_where_on_its_delete_page_and_is_kept(practitioner, model):
    record = make_record(model, "Sample shared record")
    list_on(make_condition("Sample cramps"), record)
    html = unescape(practitioner.get(delete_url(record)).content.decode())
    assert f"Cannot delete {model._meta.verbose_name}" in html
    assert "Sample cramps → Sample shared record" in html
    practitioner.post(delete_url(record), {"post": "yes"})
    assert model.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("model", RECORD_KINDS)
def test_a_record_no_condition_uses_is_deleted(practitioner, model):
    record = make_record(model)
    response = practitioner.post(delete_url(record), {"post": "yes"})
    assert response.status_code == 302
    assert not model.objects.filter(pk=record.pk).exists()


# Who may open these screens


def test_a_receptionist_is_refused_every_conditions_screen(client, demo):
    assert client.login(username="receptionist", password="receptionist-demo")
    condition = Condition.objects.get(slug="leg-spasms-and-cramping")
    pain = Symptom.objects.get(name="Pain")
    urls = [
        *(list_url(model) for model in [Condition, *RECORD_KINDS]),
        CONDITION_ADD_URL,
        f"/admin/conditions/condition/{condition.pk}/change/",
        f"/admin/conditions/symptom/{pain.pk}/change/",
        delete_url(pain),
        "/admin/conditions/bodyregion/",
    ]
    for url in urls:
        assert client.get(url).status_code == 403, url
    assert client.post(CONDITION_ADD_URL, condition_form()).status_code == 403
    assert not Condition.objects.filter(slug="sample-plantar-heel-pain").exists()


# A condition's screen


def test_condition_screen_shows_its_records_inlines_and_the_guide_it_has(practitioner):
    condition = Condition.objects.get(slug="leg-spasms-and-cramping")
    guide = Guide.objects.get(condition=condition)
    html = practitioner.get(f"/admin/conditions/condition/{condition.pk}/change/").content.decode()
    for prefix in INLINES:
        assert f'id="{prefix}-group"' in html, prefix
    assert f'name="symptom_links-TOTAL_FORMS" value="{condition.symptom_links.count()}"' in html
    assert f'<a href="/admin/articles/guide/{guide.pk}/change/">View guide</a>' in html
    assert "Write its guide" not in html


def test_condition_screen_without_a_guide_links_to_writing_one(practitioner):
    condition = make_condition()
    html = practitioner.get(f"/admin/conditions/condition/{condition.pk}/change/").content.decode()
    add_guide = f"/admin/articles/guide/add/?condition={condition.pk}"
    assert f'<a href="{add_guide}">Write its guide</a>' in html
    assert "View guide" not in html
    assert practitioner.get(add_guide).status_code == 200


def test_adding_a_condition_with_rows_saves_them_in_the_order_given(practitioner):
    symptoms = [make_record(Symptom, name) for name in ["Sample twitch", "Sample ache"]]
    causes = [make_record(Cause, name) for name in ["Sample strain", "Sample fall"]]
    treatments = [make_record(Treatment, name) for name in ["Sample rest", "Sample ice"]]
    citations = [make_citation(title=title) for title in ["Sample B", "Sample A"]]
    evidence = citations[0]
    data = condition_form(
        **rows("symptom_links", "symptom", *symptoms),
        **rows("cause_links", "cause", *causes),
        **rows("treatment_links", "treatment", *treatments),
        **rows("citation_links", "citation", *citations),
        **{"symptom_links-0-note": "Sample note.", "cause_links-1-citations": [evidence.pk]},
    )
    response = practitioner.post(CONDITION_ADD_URL, data)
    assert response.status_code == 302, errors(response.content.decode())
    condition = Condition.objects.get(slug="sample-plantar-heel-pain")
    assert [link.record for link in condition.symptom_links.all()] == symptoms
    assert [link.record for link in condition.cause_links.all()] == causes
    assert [link.record for link in condition.treatment_links.all()] == treatments
    assert [link.record for link in condition.citation_links.all()] == citations
    assert condition.symptom_links.first().note == "Sample note."
    assert list(condition.cause_links.get(cause=causes[1]).citations.all()) == [evidence]


def test_the_order_field_not_the_row_position_decides_the_order(practitioner):
    first, second = make_record(Symptom, "Sample twitch"), make_record(Symptom, "Sample ache")
    data = condition_form(**rows("symptom_links", "symptom", second, first)) | {
        "symptom_links-0-order": "2",
        "symptom_links-1-order": "1",
    }
    assert practitioner.post(CONDITION_ADD_URL, data).status_code == 302
    condition = Condition.objects.get(slug="sample-plantar-heel-pain")
    assert [link.record for link in condition.symptom_links.all()] == [first, second]


@pytest.mark.parametrize(("link_model", "message"), DUPLICATE_MESSAGES.items())
def test_a_record_in_two_rows_is_refused_in_plain_words_and_nothing_is_saved(
    practitioner, link_model, message
):
    record, links_before = make_linkable(link_model), link_model.objects.count()
    prefix = link_model._meta.get_field("condition").remote_field.related_name
    data = condition_form(**rows(prefix, link_model.linked_field, record, record))
    response = practitioner.post(CONDITION_ADD_URL, data)
    assert response.status_code == 200
    assert message in errors(response.content.decode())
    assert not Condition.objects.filter(slug="sample-plantar-heel-pain").exists()
    assert link_model.objects.count() == links_before


def test_a_row_repeating_a_saved_symptom_is_refused_in_plain_words(practitioner):
    condition, pain = make_condition(), make_record(Symptom, "Sample pain")
    saved = ConditionSymptom.objects.create(condition=condition, symptom=pain)
    data = condition_form(
        name=condition.name,
        slug=condition.slug,
        summary=condition.summary,
        **rows("symptom_links", "symptom", pain, pain, initial=1),
        **{"symptom_links-0-id": saved.pk, "symptom_links-0-condition": condition.pk},
    )
    url = f"/admin/conditions/condition/{condition.pk}/change/"
    response = practitioner.post(url, data)
    assert response.status_code == 200
    assert "This symptom is already listed for the condition." in errors(response.content.decode())
    assert list(condition.symptom_links.all()) == [saved]
