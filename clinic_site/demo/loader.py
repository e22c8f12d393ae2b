"""Build the demo content from ``content.py``: validated, in one transaction, idempotent.

Running it again finds every row as it left it and saves nothing, so it is safe to run on
every ``make run``. It overwrites demo rows that someone has edited, so it is not meant
for a clinic's live database (README.md, "Demo content").
"""

from dataclasses import dataclass, field
from datetime import datetime

import reversion
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, ArticleCallout, Callout, Practitioner, review_due_after
from conditions.models import (
    AlternativeName,
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
from editing.richtext import RichTextField
from references.models import Citation, CitationAuthor

from ..models import ClinicProfile, OpeningHours
from . import content


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.updated)


def _comparable(model, name, value):
    """The value as it will be stored, so unchanged rich text compares equal."""
    model_field = model._meta.get_field(name)
    if isinstance(model_field, RichTextField):
        return model_field.sanitize(value)
    return value


def upsert(report, model, lookup, values=None):
    """Create or update one row; validate it fully and save only when something differs."""
    values = values or {}
    instance = model.objects.filter(**lookup).first()
    is_new = instance is None
    if is_new:
        instance = model(**lookup)
    changed_fields = []
    for name, value in values.items():
        value = _comparable(model, name, value)
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed_fields.append(name)
    if is_new or changed_fields:
        instance.full_clean()
        instance.save()
        label = f"{model._meta.verbose_name}: {instance}"
        (report.created if is_new else report.updated).append(label)
    return instance


def _author_fields(name):
    author = CitationAuthor.from_ama(name)
    return {
        "family_name": author.family_name,
        "initials": author.initials,
        "group_name": author.group_name,
    }


def sync_links(report, model, owner_field, owner, target_field, rows):
    """Make an owner's ordered links exactly ``rows`` of (target, extra fields).

    Without a ``target_field`` the rows are matched by their position (ordered authors).
    """
    keep = []
    for order, (target, extra) in enumerate(rows):
        lookup = (
            {owner_field: owner, target_field: target}
            if target_field
            else {
                owner_field: owner,
                "order": order,
            }
        )
        link = upsert(report, model, lookup, {"order": order, **extra})
        keep.append(link.pk)
    stale = model.objects.filter(**{owner_field: owner}).exclude(pk__in=keep)
    for link in stale:
        report.updated.append(f"removed {model._meta.verbose_name}: {link}")
    stale.delete()


def _records(report, model, names_and_descriptions):
    return {
        name: upsert(report, model, {"slug": slugify(name)}, {"name": name, "description": text})
        for name, text in names_and_descriptions.items()
    }


@transaction.atomic
def load_demo(*, with_logins=False):
    # Rows saved here start their version history, so they can be compared and restored.
    with reversion.create_revision():
        reversion.set_comment("Demo content loaded")
        return _load(with_logins)


def _load(with_logins):
    report = LoadReport()
    published_at = timezone.make_aware(datetime.combine(content.REVIEWED_ON, datetime.min.time()))

    upsert(report, ClinicProfile, {"pk": ClinicProfile.SINGLETON_PK}, content.CLINIC)
    for weekday, opens, closes in content.SAMPLE_OPENING_HOURS:
        upsert(report, OpeningHours, {"weekday": weekday, "opens": opens}, {"closes": closes})

    citations = {}
    for key, fields in content.CITATIONS.items():
        fields = dict(fields)
        authors = fields.pop("authors").splitlines()
        citation = upsert(report, Citation, {"title": fields["title"]}, fields)
        sync_links(
            report,
            CitationAuthor,
            "citation",
            citation,
            None,
            [(None, _author_fields(name)) for name in authors],
        )
        citations[key] = citation
    regions = {
        slug: upsert(report, BodyRegion, {"slug": slug}, {"name": name})
        for slug, name in content.BODY_REGIONS.items()
    }
    symptoms = _records(report, Symptom, content.SYMPTOMS)
    causes = _records(report, Cause, content.CAUSES)
    treatments = _records(report, Treatment, content.TREATMENTS)

    conditions = {}
    for spec in content.CONDITIONS:
        spec = dict(spec)
        links = {
            name: spec.pop(name)
            for name in ("also_called", "symptoms", "causes", "treatments", "citations")
        }
        spec["body_region"] = regions[spec.pop("body_region")]
        condition = upsert(report, Condition, {"slug": spec.pop("slug")}, spec)
        conditions[condition.slug] = condition
        sync_links(
            report,
            AlternativeName,
            "condition",
            condition,
            "name",
            [(name, {}) for name in links["also_called"]],
        )
        sync_links(
            report,
            ConditionSymptom,
            "condition",
            condition,
            "symptom",
            [(symptoms[name], {"note": note}) for name, note in links["symptoms"]],
        )
        sync_links(
            report,
            ConditionCause,
            "condition",
            condition,
            "cause",
            [(causes[name], {"note": note}) for name, note in links["causes"]],
        )
        sync_links(
            report,
            ConditionTreatment,
            "condition",
            condition,
            "treatment",
            [(treatments[name], {"note": note}) for name, note in links["treatments"]],
        )
        sync_links(
            report,
            ConditionCitation,
            "condition",
            condition,
            "citation",
            [(citations[key], {}) for key in links["citations"]],
        )

    author = upsert(
        report, Practitioner, {"name": content.PRACTITIONER["name"]}, content.PRACTITIONER
    )
    callouts = {
        key: upsert(report, Callout, {"title": fields["title"]}, fields)
        for key, fields in content.CALLOUTS.items()
    }
    publishing = {
        "status": Article.Status.PUBLISHED,
        "published_at": published_at,
        "author": author,
        "reviewer": author,
        "last_reviewed": content.REVIEWED_ON,
        "next_review_due": review_due_after(content.REVIEWED_ON),
    }
    for spec in content.GUIDES:
        spec = dict(spec)
        callout_keys = spec.pop("callouts")
        spec["condition"] = conditions[spec.pop("condition")]
        guide = upsert(report, Article, {"slug": spec.pop("slug")}, {**spec, **publishing})
        sync_links(
            report,
            ArticleCallout,
            "article",
            guide,
            "callout",
            [(callouts[key], {}) for key in callout_keys],
        )
    for spec in content.ARTICLES:
        spec = dict(spec)
        upsert(report, Article, {"slug": spec.pop("slug")}, {**spec, **publishing})

    if with_logins:
        report.logins = _demo_logins(report, author)
    return report


def _demo_logins(report, practitioner):
    User = get_user_model()
    logins = []
    for username, password, group_name, is_superuser in content.DEMO_LOGINS:
        user = User.objects.filter(username=username).first()
        if user is None:
            # Only a new account gets the demo password; a changed one is left alone.
            user = User.objects.create_user(
                username, password=password, is_staff=True, is_superuser=is_superuser
            )
            report.created.append(f"login: {username}")
        if group_name and not user.groups.filter(name=group_name).exists():
            user.groups.add(Group.objects.get(name=group_name))
            report.updated.append(f"login {username} joined {group_name}")
        logins.append((username, password))
    if practitioner.user is None:
        practitioner.user = User.objects.get(username="practitioner")
        practitioner.save(update_fields=["user"])
        report.updated.append(f"{practitioner} linked to login practitioner")
    return logins
