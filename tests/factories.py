"""Small builders for test records; each returns a saved, valid row."""

from datetime import date
from itertools import count

from django.utils import timezone

from articles.models import Article, Practitioner
from conditions.models import (
    CareAdvice,
    Cause,
    Condition,
    ConditionCause,
    ConditionCitation,
    ConditionSymptom,
    ConditionTreatment,
    RedFlag,
    Symptom,
    Treatment,
)
from references.models import Citation, CitationAuthor

_numbers = count(1)


def make_condition(name=None, **fields):
    name = name or f"Sample condition {next(_numbers)}"
    return Condition.objects.create(
        name=name,
        slug=fields.pop("slug", name.lower().replace(" ", "-")),
        summary=fields.pop("summary", "Sample text for tests, not clinical content."),
        **fields,
    )


def make_record(model, name=None, **fields):
    """A saved Symptom, Cause or Treatment (`model`), e.g. make_record(Symptom, "Sample ache")."""
    name = name or f"Sample {model._meta.verbose_name} {next(_numbers)}"
    return model.objects.create(
        name=name, slug=fields.pop("slug", name.lower().replace(" ", "-")), **fields
    )


LINK_MODEL_FOR = {
    Symptom: ConditionSymptom,
    Cause: ConditionCause,
    Treatment: ConditionTreatment,
    Citation: ConditionCitation,
}


def make_linkable(link_model):
    """A saved record of the kind `link_model` links a condition to (a symptom, cause,
    treatment or citation)."""
    if link_model is ConditionCitation:
        return make_citation()
    return make_record(link_model._meta.get_field(link_model.linked_field).related_model)


def list_on(condition, record, **fields):
    """Link `record` (a symptom, cause, treatment or citation) to `condition`."""
    link_model = LINK_MODEL_FOR[type(record)]
    return link_model.objects.create(
        condition=condition, **{link_model.linked_field: record}, **fields
    )


def make_guide(condition=None, *, published=True, **fields):
    condition = condition or make_condition()
    return Article.objects.create(
        title=fields.pop("title", condition.name),
        slug=fields.pop("slug", condition.slug),
        condition=condition,
        status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        published_at=fields.pop("published_at", timezone.now() if published else None),
        **fields,
    )


def make_article(*, published=True, **fields):
    number = next(_numbers)
    return Article.objects.create(
        title=fields.pop("title", f"Sample article {number}"),
        slug=fields.pop("slug", f"sample-article-{number}"),
        summary=fields.pop("summary", "Sample summary for tests."),
        status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        published_at=fields.pop("published_at", timezone.now() if published else None),
        **fields,
    )


def make_citation(*, authors=None, **fields):
    """A saved citation; `authors` in AMA form, e.g. ["Garrison SR", "Cochrane Group"]."""
    number = next(_numbers)
    citation = Citation.objects.create(
        **(
            {
                "title": f"Sample reference {number}",
                "container_title": "Sample J",
                "year": 2020,
                "doi": f"10.5555/sample.{number}",
            }
            | fields
        )
    )
    for order, name in enumerate(authors if authors is not None else [f"Sample A{number}"]):
        CitationAuthor.from_ama(name, citation=citation, order=order).save()
    return citation


# A real web page as a reference: its site, address and the day it was read, no DOI.
NHS_LEG_CRAMPS = {
    "kind": "web-page",
    "authors": ["NHS"],
    "title": "Leg cramps",
    "container_title": "NHS website",
    "year": None,
    "doi": "",
    "url": "https://www.nhs.uk/conditions/leg-cramps/",
    "accessed": date(2026, 3, 3),
}


def add_records(condition, how_many):
    """Give a condition `how_many` symptoms, causes (each with evidence), treatments,
    references, lines of care advice and red-flag signs."""
    for order in range(how_many):
        number = next(_numbers)
        ConditionSymptom.objects.create(
            condition=condition,
            symptom=Symptom.objects.create(name=f"Symptom {number}", slug=f"symptom-{number}"),
            order=order,
            note="Sample note.",
        )
        cause_link = ConditionCause.objects.create(
            condition=condition,
            cause=Cause.objects.create(name=f"Cause {number}", slug=f"cause-{number}"),
            order=order,
            note="<p>Sample note.</p>",
        )
        cause_link.citations.add(make_citation())
        ConditionTreatment.objects.create(
            condition=condition,
            treatment=Treatment.objects.create(
                name=f"Treatment {number}", slug=f"treatment-{number}"
            ),
            order=order,
            note="<p>Sample note.</p>",
        )
        ConditionCitation.objects.create(condition=condition, citation=make_citation(), order=order)
        CareAdvice.objects.create(condition=condition, text=f"Sample advice {number}.", order=order)
        RedFlag.objects.create(condition=condition, text=f"sample sign {number}", order=order)


def make_practitioner(**fields):
    return Practitioner.objects.create(**({"name": "Dr. Sample", "credentials": "DC"} | fields))


def translate_page(article, language="es"):
    """Give `article` and every record it shows a sample translation: each text that
    lacks one gets its English marked “(sample translation)”, slugs get “-<language>”."""
    from articles.pages import build_page
    from editing.translation import column

    article = Article.objects.for_page().get(pk=article.pk)
    for record, name in build_page(article, related=[], language=language).untranslated:
        english = getattr(record, name)
        text = f"{english}-{language}" if name == "slug" else f"{english} (sample translation)"
        # Saved as the admin would, so the change signal sees it.
        saved = type(record).objects.get(pk=record.pk)
        setattr(saved, column(name, language), text)
        saved.save()
    return Article.objects.for_page().get(pk=article.pk)
