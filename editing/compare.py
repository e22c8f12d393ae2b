"""Field-by-field comparison of two saved versions of a record, for people to read."""

from dataclasses import dataclass
from html import unescape

from django.db import models
from django.utils.html import strip_tags
from reversion.models import Version

from .richtext import RichTextField


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


def as_text(value):
    """Rich text is compared as the words a reader sees, not as markup."""
    return " ".join(unescape(strip_tags(str(value))).split())


def _display(model_field, instance):
    if isinstance(model_field, models.ForeignKey):
        related_id = getattr(instance, model_field.attname)
        if related_id is None:
            return ""
        related = model_field.related_model._default_manager.filter(pk=related_id).first()
        return str(related) if related else f"#{related_id} (deleted)"
    value = getattr(instance, model_field.attname)
    if isinstance(model_field, RichTextField):
        return as_text(value or "")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return "" if value is None else str(value)


def _linked_records(version):
    """The record's own inlines saved in the same revision, e.g. a condition's symptoms.

    A revision can hold unrelated records too (a bulk import saves many at once), so only
    rows with a foreign key to this very record count.
    """
    record_model = version._model
    linked = {}
    others = version.revision.version_set.exclude(pk=version.pk).select_related("content_type")
    for other in others.order_by("pk"):
        model = other._model
        keys = [
            field.attname
            for field in model._meta.concrete_fields
            if field.many_to_one and issubclass(record_model, field.related_model)
        ]
        if not any(str(other.field_dict.get(key)) == version.object_id for key in keys):
            continue
        label = str(model._meta.verbose_name_plural).capitalize()
        linked.setdefault(label, []).append(other.object_repr)
    return linked


def compare(older: Version, newer: Version) -> list[FieldChange]:
    """What changed between two versions of one object, in form order."""
    before = older._object_version.object
    after = newer._object_version.object
    changes = []
    for model_field in type(after)._meta.concrete_fields:
        if model_field.primary_key or not model_field.editable:
            continue
        old, new = _display(model_field, before), _display(model_field, after)
        if old != new:
            changes.append(FieldChange(str(model_field.verbose_name).capitalize(), old, new))
    old_links, new_links = _linked_records(older), _linked_records(newer)
    for label in sorted(set(old_links) | set(new_links)):
        old, new = old_links.get(label, []), new_links.get(label, [])
        if old != new:
            changes.append(FieldChange(label, "; ".join(old), "; ".join(new)))
    return changes
