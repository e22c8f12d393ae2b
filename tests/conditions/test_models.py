"""The clinical records and the ordered links that tie them to conditions."""

import importlib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from conditions.models import (
    SLUG_TAKEN,
    BodyRegion,
    Cause,
    Condition,
    ConditionCause,
    ConditionCitation,
    ConditionSymptom,
    ConditionTreatment,
    Symptom,
    Treatment,
)
from references.models import Citation
from tests.factories import (
    add_records,
    list_on,
    make_citation,
    make_condition,
    make_linkable,
    make_record,
)

names_from_also_called = importlib.import_module(
    "conditions.migrations.0005_alternative_names_from_also_called"
)

pytestmark = pytest.mark.django_db

RECORD_KINDS = [Symptom, Cause, Treatment]

# What listing a record twice for one condition says, for each kind of link.
DUPLICATE_MESSAGES = {
    ConditionSymptom: "This symptom is already listed for the condition.",
    ConditionCause: "This cause is already listed for the condition.",
    ConditionTreatment: "This treatment is already listed for the condition.",
    ConditionCitation: "This reference is already listed for the condition.",
}
LINK_MODELS = list(DUPLICATE_MESSAGES)


def validation_messages(instance):
    with pytest.raises(ValidationError) as refused:
        instance.full_clean()
    return refused.value.message_dict


# Records: names and web addresses


@pytest.mark.parametrize("model", RECORD_KINDS)
def test_a_record_name_already_used_by_the_same_kind_is_refused(model):
    make_record(model, "Sample ache")
    again = model(name="Sample ache", slug="sample-ache-again")
    name = model._meta.verbose_name.capitalize()
    assert validation_messages(again) == {"name": [f"{name} with this Name already exists."]}


@pytest.mark.parametrize("model", RECORD_KINDS)
def test_a_record_slug_already_used_by_the_same_kind_is_refused_in_plain_words(model):
    make_record(model, "Sample ache", slug="sample-ache")
    again = model(name="Sample other ache", slug="sample-ache")
    assert validation_messages(again) == {"slug": [str(SLUG_TAKEN)]}


def test_a_condition_slug_already_used_is_refused_in_plain_words():
    make_condition("Sample cramps", slug="sample-cramps")
    again = Condition(name="Sample night cramps", slug="sample-cramps", summary="Sample text.")
    assert validation_messages(again) == {"slug": [str(SLUG_TAKEN)]}


def test_a_body_region_slug_already_used_is_refused_in_plain_words():
    BodyRegion.objects.create(name="Sample feet", slug="sample-feet")
    again = BodyRegion(name="Sample toes", slug="sample-feet")
    assert validation_messages(again) == {"slug": [str(SLUG_TAKEN)]}


def test_a_symptom_cause_and_treatment_may_share_a_name_and_slug():
    """Uniqueness is per kind: "Pain" may be a symptom and, elsewhere, a treatment's target."""
    make_record(Symptom, "Sample strain", slug="sample-strain")
    for model in (Cause, Treatment):
        model(name="Sample strain", slug="sample-strain").full_clean()


@pytest.mark.parametrize("model", RECORD_KINDS)
def test_records_are_listed_by_name(model):
    for name in ["Sample c", "Sample a", "Sample b"]:
        make_record(model, name)
    assert list(model.objects.values_list("name", flat=True)) == [
        "Sample a",
        "Sample b",
        "Sample c",
    ]


# Conditions: other names


@pytest.mark.parametrize(
    ("also_called", "names"),
    [
        ("", []),
        ("Leg cramps", ["Leg cramps"]),
        ("Upper back pain, Middle back pain", ["Upper back pain", "Middle back pain"]),
        ("  Upper back pain ,Middle back pain  ", ["Upper back pain", "Middle back pain"]),
        ("Charley horse,, , Night cramps,", ["Charley horse", "Night cramps"]),
        (" , ,", []),
        ("Leg cramps, leg cramps", ["Leg cramps"]),
    ],
)
def test_the_old_comma_separated_names_become_one_name_each(also_called, names):
    # The data migration that turned Condition.also_called into AlternativeName rows.
    assert names_from_also_called.names_from_also_called(also_called) == names


# Links from a condition to its records


@pytest.mark.parametrize("link_model", LINK_MODELS)
def test_a_link_names_its_condition_and_record(link_model):
    condition, record = make_condition("Sample cramps"), make_linkable(link_model)
    saved = list_on(condition, record)
    assert saved.record == record
    assert str(saved) == f"Sample cramps → {record}"


@pytest.mark.parametrize(("link_model", "message"), DUPLICATE_MESSAGES.items())
def test_listing_a_record_twice_for_one_condition_is_refused_in_plain_words(link_model, message):
    condition, record = make_condition(), make_linkable(link_model)
    list_on(condition, record)
    again = link_model(condition=condition, order=1, **{link_model.linked_field: record})
    assert validation_messages(again) == {"__all__": [message]}
    with pytest.raises(ValidationError) as refused:
        again.validate_constraints()
    assert refused.value.messages == [message]


@pytest.mark.parametrize("link_model", LINK_MODELS)
def test_the_database_refuses_a_record_listed_twice_for_one_condition(link_model):
    condition, record = make_condition(), make_linkable(link_model)
    list_on(condition, record)
    with pytest.raises(IntegrityError), transaction.atomic():
        list_on(condition, record, order=1)


@pytest.mark.parametrize("link_model", LINK_MODELS)
def test_one_record_may_be_listed_by_several_conditions(link_model):
    record = make_linkable(link_model)
    list_on(make_condition(), record)
    other = link_model(condition=make_condition(), **{link_model.linked_field: record})
    other.full_clean()
    other.save()
    assert link_model.objects.filter(**{link_model.linked_field: record}).count() == 2


@pytest.mark.parametrize("link_model", LINK_MODELS)
def test_links_are_listed_by_their_order_then_by_id(link_model):
    condition = make_condition()

    def add(order, pk):
        return list_on(condition, make_linkable(link_model), order=order, pk=pk)

    # Added in an order that matches neither the order field nor the ids.
    third = add(order=2, pk=9003)
    second = add(order=0, pk=9002)
    fourth = add(order=5, pk=9000)
    first = add(order=0, pk=9001)
    assert list(link_model.objects.filter(condition=condition)) == [first, second, third, fourth]


# Deleting


@pytest.mark.parametrize("link_model", LINK_MODELS)
def test_a_record_a_condition_lists_cannot_be_deleted(link_model):
    record = make_linkable(link_model)
    list_on(make_condition(), record)
    with pytest.raises(ProtectedError), transaction.atomic():
        record.delete()
    assert type(record).objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("link_model", LINK_MODELS)
def test_a_record_no_condition_lists_can_be_deleted(link_model):
    record = make_linkable(link_model)
    record.delete()
    assert not type(record).objects.filter(pk=record.pk).exists()


def test_a_body_region_a_condition_uses_cannot_be_deleted():
    region = BodyRegion.objects.create(name="Sample feet", slug="sample-feet")
    make_condition(body_region=region)
    with pytest.raises(ProtectedError), transaction.atomic():
        region.delete()
    assert BodyRegion.objects.filter(pk=region.pk).exists()


@pytest.mark.parametrize("link_model", [ConditionCause, ConditionTreatment])
def test_a_reference_used_only_as_evidence_on_a_link_can_be_deleted_and_leaves_the_link(
    link_model,
):
    evidence = make_citation()
    kept = list_on(make_condition(), make_linkable(link_model))
    kept.citations.add(evidence)
    evidence.delete()
    kept.refresh_from_db()
    assert list(kept.citations.all()) == []


def test_deleting_a_condition_removes_its_links_but_not_the_shared_records():
    condition, neighbour = make_condition(), make_condition()
    add_records(condition, 2)
    shared_symptom = condition.symptom_links.first().symptom
    list_on(neighbour, shared_symptom)
    records = [
        *condition.symptoms.all(),
        *condition.causes.all(),
        *condition.treatments.all(),
        *condition.citations.all(),
    ]
    evidence = list(Citation.objects.filter(cited_by_causes__condition=condition))
    assert len(records) == 8 and len(evidence) == 2

    condition.delete()

    for link_model in LINK_MODELS:
        assert not link_model.objects.filter(condition_id=condition.pk).exists()
    for record in records + evidence:
        assert type(record).objects.filter(pk=record.pk).exists(), record
    assert list(neighbour.symptoms.all()) == [shared_symptom]
