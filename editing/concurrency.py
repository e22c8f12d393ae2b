"""No lost edits, under any timing.

An edit screen carries a token: the latest saved version (django-reversion) of each record
it edits, e.g. a guide and its condition. A save first locks those rows inside the saving
transaction (``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite every transaction is
``BEGIN IMMEDIATE``, so writers queue on the database lock, see settings), then compares
the token with the versions now saved. Two saves at the same instant are thus put in
order: the second waits for the first to commit, sees its version and is refused.

A refused form is merged before it is shown again, so that "save again" can never undo
the other person's work: a field this person did not change takes the other person's
value; a field both changed keeps this person's value and is marked with theirs. The same
holds for the lists of inline rows (a list this person left alone is shown as now saved).
"""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils.formats import date_format
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from reversion.models import Version

from .compare import as_text

NO_VERSION = "none"


def latest_version(obj):
    return Version.objects.get_for_object(obj).select_related("revision__user").first()


def edit_token(objects):
    """The saved state an editor starts from: the latest version of each edited record."""
    parts = []
    for obj in objects:
        version = latest_version(obj) if obj is not None and obj.pk else None
        parts.append(str(version.pk) if version else NO_VERSION)
    return "-".join(parts)


def lock(objects):
    """Lock the rows being saved until the transaction ends (a no-op outside one)."""
    if not transaction.get_connection().in_atomic_block:
        return
    for obj in objects:
        if obj is not None and obj.pk:
            manager = type(obj)._base_manager
            list(manager.select_for_update().filter(pk=obj.pk).values_list("pk", flat=True))


@dataclass
class EditedRecord:
    obj: object
    started_from: Version | None  # None: the form was opened before any version existed
    latest: Version | None

    @property
    def changed_since(self):
        started = self.started_from.pk if self.started_from else None
        latest = self.latest.pk if self.latest else None
        return started != latest


@dataclass
class Conflict:
    records: list[EditedRecord]
    token: str  # the token to save again with
    both_changed: list[str] = field(default_factory=list)  # labels, for the message

    @property
    def by(self):
        latest = next(r.latest for r in self.records if r.changed_since and r.latest)
        who = latest.revision.user.get_username() if latest.revision.user else _("someone")
        when = date_format(template_localtime(latest.revision.date_created), "j M Y, H:i:s")
        return who, when

    def record_for(self, obj):
        return next(
            (r for r in self.records if type(r.obj) is type(obj) and r.obj.pk == obj.pk), None
        )


def find_conflict(objects, token):
    """The conflict between a form started from `token` and what is saved now, if any."""
    started = (token or NO_VERSION).split("-")
    if len(started) != len(objects):
        started = [NO_VERSION] * len(objects)
    records = []
    for obj, started_id in zip(objects, started, strict=True):
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        earlier = versions.filter(pk=started_id).first() if started_id.isdigit() else None
        records.append(EditedRecord(obj, earlier, versions.first()))
    # Saved since the form was opened: the record has a version now, and it is not the one
    # the form started from (a token naming no version of it, or another record's, counts).
    if not any(r.latest and r.started_from != r.latest for r in records):
        return None
    return Conflict(records, edit_token(objects))


# --------------------------------------------------------------------------- merging forms


def _inner(widget):
    # The admin wraps relation widgets (the ➕ and ✎ links); the real widget is inside.
    while hasattr(widget, "widget") and not isinstance(widget, forms.MultiWidget):
        widget = widget.widget
    return widget


def set_form_value(form, name, value):
    """Put `value` (a model value) into a bound form's data as the browser would send it."""
    form_field, key = form.fields[name], form.add_prefix(name)
    widget = _inner(form_field.widget)
    prepared = form_field.prepare_value(value)
    data = form.data
    if isinstance(widget, forms.MultiWidget):
        parts = widget.decompress(prepared)
        for suffix, subwidget, part in zip(
            widget.widgets_names, widget.widgets, parts, strict=False
        ):
            data[key + suffix] = "" if part is None else str(subwidget.format_value(part) or "")
    elif isinstance(widget, forms.CheckboxInput):
        if prepared:
            data[key] = "on"
        else:
            data.pop(key, None)
    elif getattr(widget, "allow_multiple_selected", False):
        data.setlist(key, [str(item) for item in prepared or []])
    elif isinstance(widget, forms.Select):
        data[key] = "" if prepared is None else str(prepared)
    else:
        data[key] = "" if prepared is None else str(widget.format_value(prepared) or "")


def merge_form(form, record, conflict):
    """Give `form` the other person's values for the fields its person left alone, and
    mark the fields both changed. Returns the labels of those."""
    if record is None or not record.changed_since or record.started_from is None:
        return []
    before, now = record.started_from.field_dict, record.latest.field_dict
    who, _when = conflict.by
    both = []
    for name, form_field in form.fields.items():
        try:
            model_field = form._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # a form-only field, such as the edit token
        key = model_field.attname
        if key not in before or key not in now or before[key] == now[key]:
            continue
        posted = form_field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
        if not form_field.has_changed(before[key], posted):
            set_form_value(form, name, now[key])
            continue
        both.append(str(form_field.label or name))
        theirs = display_value(model_field, now[key])
        form.add_error(
            name,
            _("%(who)s changed this too, to “%(theirs)s”. Yours is kept below; check it.")
            % {"who": who, "theirs": theirs},
        )
    return both


def display_value(model_field, value):
    if value is None or value == "":
        return _("(empty)")
    if model_field.is_relation and not model_field.many_to_many:
        related = model_field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related else str(value)
    return as_text(value)[:200]


# --------------------------------------------------------------------------- merging inlines


def _rows_in(version, model, fk_attname, parent_pk, fields):
    """The inline rows saved with `version` (its revision holds them, by reversion's follow)."""
    rows = {}
    for other in version.revision.version_set.all():
        if other._model is not model:
            continue
        values = other.field_dict
        if str(values.get(fk_attname)) != str(parent_pk):
            continue
        rows[str(other.object_id)] = {
            name: _normal(values.get(attname)) for name, attname in fields
        }
    return rows


def _normal(value):
    """Saved and posted values in one form: a sorted tuple of the non-empty strings."""
    values = value if isinstance(value, list | tuple | set) else [value]
    return tuple(sorted(str(item) for item in values if item is not None and str(item) != ""))


def _posted_rows(data, prefix, fields):
    rows = {}
    try:
        total = int(data.get(f"{prefix}-TOTAL_FORMS", 0))
    except ValueError:
        return None
    for index in range(total):
        key = f"{prefix}-{index}-"
        if data.get(key + "DELETE"):
            continue
        values = {name: _normal(data.getlist(key + name)) for name, _attname in fields}
        row_id = data.get(key + "id", "")
        if not row_id:
            if any(values.values()):
                return None  # a new row: this person changed the list
            continue
        rows[row_id] = values
    return rows


def merge_inline_data(data, prefix, formset_class, parent, record):
    """Data for one inline list after a conflict, and whether both people changed it.

    A list only the other person changed is replaced by the rows as now saved.
    """
    if record is None or record.started_from is None or not record.changed_since:
        return data, False
    model, fk = formset_class.model, formset_class.fk
    names = [
        name
        for name in formset_class.form.base_fields
        if name not in ("id", "DELETE", "ORDER", fk.name)
    ]
    fields = [(name, model._meta.get_field(name).attname) for name in names]
    before = _rows_in(record.started_from, model, fk.attname, parent.pk, fields)
    now = _rows_in(record.latest, model, fk.attname, parent.pk, fields)
    if before == now:
        return data, False  # the other person left this list alone: keep what was posted
    posted = _posted_rows(data, prefix, fields)
    if posted is not None and posted == before:
        return _current_rows_data(data, prefix, formset_class, parent, names), False
    return data, True


def _current_rows_data(data, prefix, formset_class, parent, names):
    data = data.copy()
    for key in [key for key in data if key.startswith(f"{prefix}-")]:
        del data[key]
    rows = list(formset_class.model._base_manager.filter(**{formset_class.fk.name: parent}))
    rows.sort(key=lambda row: (getattr(row, "order", 0), row.pk))
    data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
    data[f"{prefix}-INITIAL_FORMS"] = str(len(rows))
    data[f"{prefix}-MIN_NUM_FORMS"] = "0"
    data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    for index, row in enumerate(rows):
        key = f"{prefix}-{index}-"
        data[key + "id"] = str(row.pk)
        data[key + formset_class.fk.name] = str(parent.pk)
        for name in names:
            model_field = row._meta.get_field(name)
            if model_field.many_to_many:
                pks = getattr(row, name).values_list("pk", flat=True)
                data.setlist(key + name, [str(pk) for pk in pks])
            else:
                value = getattr(row, model_field.attname)
                data[key + name] = "" if value is None else str(value)
    return data
