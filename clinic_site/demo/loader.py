"""Build the demo content from ``content.py`` and its Spanish from ``spanish.py``:
validated, in one transaction, idempotent.

Running it again finds every row as it left it and saves nothing (once the sample closure's
Labor Day has passed, it moves the closure to the next one), so it is safe to run on every
``make run``. It overwrites demo rows that someone has edited, so it is not meant
for a clinic's live database (README.md, "Demo content").
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import reversion
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles import translation_status
from articles.models import (
    Article,
    ArticleCallout,
    Callout,
    Practitioner,
    SpanishState,
    review_due_after,
)
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

from ..models import ClinicProfile, Notice, OpeningHours, SpecialHours
from . import content, spanish


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


def sync_links(report, model, owner_field, owner, target_field, rows, scope=None):
    """Make an owner's ordered links exactly ``rows`` of (target, extra fields).

    Without a ``target_field`` the rows are matched by their position (ordered authors).
    ``scope`` narrows the owner's links to one list of several (one language's other names).
    """
    owned = {owner_field: owner, **(scope or {})}
    keep = []
    for order, (target, extra) in enumerate(rows):
        lookup = {**owned, target_field: target} if target_field else {**owned, "order": order}
        link = upsert(report, model, lookup, {"order": order, **extra})
        keep.append(link.pk)
    stale = model.objects.filter(**owned).exclude(pk__in=keep)
    for link in stale:
        report.updated.append(f"removed {model._meta.verbose_name}: {link}")
    stale.delete()


def _records(report, model, names_and_descriptions, in_spanish):
    records = {}
    for name, text in names_and_descriptions.items():
        name_es, text_es = in_spanish[name]
        records[name] = upsert(
            report,
            model,
            {"slug": slugify(name)},
            {"name": name, "description": text, "name_es": name_es, "description_es": text_es},
        )
    return records


def _noted(records, rows, spanish_notes):
    """(record, its note in both languages) for each (English name, English note); a note
    with English must have its Spanish (a KeyError names the one missing)."""
    return [
        (records[name], {"note": note, "note_es": spanish_notes[name] if note else ""})
        for name, note in rows
    ]


def first_monday_of_september(year):
    first = date(year, 9, 1)
    return first + timedelta(days=-first.weekday() % 7)


def _sample_closure(report, today):
    """The sample holiday closure: special hours on the next Labor Day and a notice about
    it, shown from the day after the Labor Day before (``content.SAMPLE_CLOSURE``)."""
    closure = content.SAMPLE_CLOSURE
    day = first_monday_of_september(today.year)
    if day < today:
        day = first_monday_of_september(today.year + 1)
    shown_from = first_monday_of_september(day.year - 1) + timedelta(days=1)
    upsert(
        report,
        SpecialHours,
        {"note": closure["note"]},
        {"date": day, "closed": True, "opens": None, "closes": None, "note_es": closure["note_es"]},
    )
    upsert(
        report,
        Notice,
        {"message": closure["message"]},
        {
            "message_es": closure["message_es"],
            "starts_on": day,
            "ends_on": day,
            "show_from": shown_from,
        },
    )


def _spanish_reviewed(report, pages, reviewer):
    """Mark each page's Spanish reviewed by the demo practitioner's login (or by no one
    without the demo logins), unless that is how it stands already."""
    for page in pages:
        article = Article.objects.for_page().get(pk=page.pk)
        state, _spanish_page = translation_status.state_of(article)
        reviewer_id = reviewer.pk if reviewer else None
        if state == SpanishState.REVIEWED and article.spanish_reviewed_by_id == reviewer_id:
            continue
        translation_status.mark_reviewed(article, reviewer)
        report.updated.append(f"Spanish of {article} marked reviewed")


@transaction.atomic
def load_demo(*, with_logins=False, today=None):
    """`today` (the clinic's date unless given) dates the sample holiday closure."""
    # Rows saved here start their version history, so they can be compared and restored.
    with reversion.create_revision():
        reversion.set_comment("Demo content loaded")
        return _load(with_logins, today or timezone.localdate())


def _load(with_logins, today):
    report = LoadReport()
    published_at = timezone.make_aware(datetime.combine(content.REVIEWED_ON, datetime.min.time()))

    upsert(
        report,
        ClinicProfile,
        {"pk": ClinicProfile.SINGLETON_PK},
        {**content.CLINIC, "disclaimer_es": spanish.DISCLAIMER},
    )
    for weekday, opens, closes in content.SAMPLE_OPENING_HOURS:
        upsert(report, OpeningHours, {"weekday": weekday, "opens": opens}, {"closes": closes})
    _sample_closure(report, today)

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
        slug: upsert(
            report,
            BodyRegion,
            {"slug": slug},
            {"name": name, "name_es": spanish.BODY_REGIONS[slug]},
        )
        for slug, name in content.BODY_REGIONS.items()
    }
    symptoms = _records(report, Symptom, content.SYMPTOMS, spanish.SYMPTOMS)
    causes = _records(report, Cause, content.CAUSES, spanish.CAUSES)
    treatments = _records(report, Treatment, content.TREATMENTS, spanish.TREATMENTS)

    conditions = {}
    for spec in content.CONDITIONS:
        spec = dict(spec)
        links = {
            name: spec.pop(name)
            for name in ("also_called", "symptoms", "causes", "treatments", "citations")
        }
        spec["body_region"] = regions[spec.pop("body_region")]
        in_spanish = dict(spanish.CONDITIONS[spec["slug"]])
        notes_es = {group: in_spanish.pop(group) for group in ("symptoms", "causes", "treatments")}
        also_called_es = in_spanish.pop("also_called_es")
        condition = upsert(report, Condition, {"slug": spec.pop("slug")}, {**spec, **in_spanish})
        conditions[condition.slug] = condition
        # Each language keeps its own list of other names.
        for language, names in (("en", links["also_called"]), ("es", also_called_es)):
            sync_links(
                report,
                AlternativeName,
                "condition",
                condition,
                "name",
                [(name, {}) for name in names],
                scope={"language": language},
            )
        sync_links(
            report,
            ConditionSymptom,
            "condition",
            condition,
            "symptom",
            _noted(symptoms, links["symptoms"], notes_es["symptoms"]),
        )
        sync_links(
            report,
            ConditionCause,
            "condition",
            condition,
            "cause",
            _noted(causes, links["causes"], notes_es["causes"]),
        )
        sync_links(
            report,
            ConditionTreatment,
            "condition",
            condition,
            "treatment",
            _noted(treatments, links["treatments"], notes_es["treatments"]),
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
        report,
        Practitioner,
        {"name": content.PRACTITIONER["name"]},
        {**content.PRACTITIONER, "credentials_es": spanish.CREDENTIALS},
    )
    callouts = {
        key: upsert(
            report, Callout, {"title": fields["title"]}, {**fields, **spanish.CALLOUTS[key]}
        )
        for key, fields in content.CALLOUTS.items()
    }
    publishing = {
        "status": Article.Status.PUBLISHED,
        "published_at": published_at,
        "author": author,
        "reviewer": author,
        "last_reviewed": content.REVIEWED_ON,
        "next_review_due": review_due_after(content.REVIEWED_ON),
        "spanish_note": spanish.SAMPLE_TRANSLATION_NOTE,
    }
    pages = []
    for spec in content.GUIDES:
        spec = dict(spec)
        callout_keys = spec.pop("callouts")
        spec["condition"] = conditions[spec.pop("condition")]
        slug = spec.pop("slug")
        guide = upsert(
            report, Article, {"slug": slug}, {**spec, **spanish.PAGES[slug], **publishing}
        )
        pages.append(guide)
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
        slug = spec.pop("slug")
        pages.append(
            upsert(report, Article, {"slug": slug}, {**spec, **spanish.PAGES[slug], **publishing})
        )

    if with_logins:
        report.logins = _demo_logins(report, author)
    # Last, so the review covers every record the pages show as loaded.
    _spanish_reviewed(report, pages, author.user)
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
