"""Admin behaviour shared by every content model: history, compare, restore, no lost edits.

Built on django-reversion: every admin save, restore and delete stores a revision (who,
when, what), including the record's inlines, so any version can be compared with any other
and restored, and a deleted record can be recovered from the "Recover deleted" list.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from reversion import add_to_revision, create_revision, set_comment, set_user
from reversion.admin import VersionAdmin
from reversion.models import Version

from .compare import compare
from .concurrency import NO_VERSION, edit_token, find_conflict, lock, merge_form, merge_inline_data

EDIT_TOKEN = "edit_token"
CONFLICT = "_edit_conflict"  # where a save's conflict waits on its request


def conflict_message(conflict):
    who, when = conflict.by
    intro = format_html(
        "{} saved this record at {} while you were editing it, so your save was stopped. "
        "The form below now holds their changes wherever you had changed nothing, and "
        "your own changes everywhere else; check the fields marked, then save again.",
        who,
        when,
    )
    changes = [
        change
        for record in conflict.records
        if record.changed_since and record.started_from and record.latest
        for change in compare(record.started_from, record.latest)
    ]
    if not changes:
        return intro
    listed = format_html_join(
        "",
        "<li><strong>{}</strong>: “{}” → “{}”</li>",
        (
            (change.label, change.before or _("(empty)"), change.after or _("(empty)"))
            for change in changes
        ),
    )
    both = ""
    if conflict.both_changed:
        both = format_html("<p>{} {}</p>", _("You both changed:"), ", ".join(conflict.both_changed))
    return format_html("{}<br>{}<ul>{}</ul>{}", intro, _("They changed:"), listed, both)


def _saving_the_change_form(request):
    match = request.resolver_match
    return request.method == "POST" and bool(match) and match.url_name.endswith("_change")


class ListPage(ChangeList):
    """A list page whose rows its admin shapes for it (``HistoryAdmin.for_list``)."""

    def get_queryset(self, request, exclude_parameters=None):
        return self.model_admin.for_list(super().get_queryset(request, exclude_parameters))


class HistoryAdmin(VersionAdmin):
    object_history_template = "admin/editing/object_history.html"
    history_latest_first = True
    list_defer = ()  # columns the list page leaves unread (see for_list)
    # Rows per list page: a screenful or two to scan, with search and filters for the
    # rest. Django's 100 spent most of an admin list's time rendering rows (each row's
    # link alone resolves its address again): 110 ms for the overdue articles of a clinic
    # group on PostgreSQL, on this machine.
    list_per_page = 50

    def get_changelist(self, request, **kwargs):
        return ListPage

    def action_checkbox(self, obj):
        # Django renders this box through the form template engine, once per row: a fifth
        # of a list page. The same <input>, written directly (a test compares them).
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(_("Select this object for an action - {}"), str(obj)),
        )

    def for_list(self, queryset):
        """The rows of the list page: without ``list_defer``, long texts no column shows
        (rich text is cleaned on every read), so a page of rows stays cheap. Admins
        add what their columns need (a count, a few names) here, not per row."""
        return queryset.defer(*self.list_defer)

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{opts.app_label}_{opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    # No lost edits: refuse, at write time, a save made from a form older than what is
    # saved now (editing/concurrency.py), and merge the refused form.

    def edited_records(self, obj):
        """The records one save of this screen writes, in lock order; a screen that also
        edits a related record (a guide, its condition) adds it."""
        return [obj]

    def get_object(self, request, object_id, from_field=None):
        saving = _saving_the_change_form(request)
        if saving:
            # Lock before reading, so the form starts from the row as the last save left it.
            try:
                pk = self.model._meta.pk.to_python(unquote(object_id))
            except ValidationError:
                pk = None  # not an id: super() answers "does not exist"
            lock([self.model._base_manager.filter(pk=pk).first() if pk is not None else None])
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and saving:
            records = self.edited_records(obj)
            lock(records[1:])
            # A save without a token (a hand-made request) counts as made from no version.
            token = request.POST.get(EDIT_TOKEN) or NO_VERSION
            setattr(request, CONFLICT, find_conflict(records, token))
        return obj

    def formset_parent(self, obj, inline):
        """The record an inline's rows belong to: `obj`, unless a screen says otherwise."""
        return obj

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        kwargs["instance"] = parent = self.formset_parent(obj, inline)
        conflict = getattr(request, CONFLICT, None)
        if conflict is not None and "data" in kwargs:
            formset_class = inline.get_formset(request, obj)
            kwargs["data"], both = merge_inline_data(
                kwargs["data"], prefix, formset_class, parent, conflict.record_for(parent)
            )
            if both:
                conflict.both_changed.append(str(inline.verbose_name_plural))
        return kwargs

    def get_form(self, request, obj=None, change=False, **kwargs):
        if kwargs.get("fields"):
            # The token is a field of the form below, not of the model.
            kwargs["fields"] = [name for name in kwargs["fields"] if name != EDIT_TOKEN]
        form_class = super().get_form(request, obj, change, **kwargs)
        if obj is None:
            return form_class
        admin = self

        class ConcurrentEditForm(form_class):
            edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

            def __init__(self, *args, **form_kwargs):
                super().__init__(*args, **form_kwargs)
                self.fields[EDIT_TOKEN].initial = edit_token(admin.edited_records(obj))

            def clean(self):
                cleaned = super().clean()
                conflict = getattr(request, CONFLICT, None)
                if conflict is None:
                    return cleaned
                # Shown again with the other person's work in every untouched field, and a
                # token that lets this person save over what they have now seen.
                self.data = self.data.copy()
                self.data[EDIT_TOKEN] = conflict.token
                forms_and_records = [(self, conflict.record_for(obj))]
                for subform in getattr(self, "concurrent_subforms", list)():
                    subform.data = self.data
                    forms_and_records.append((subform, conflict.record_for(subform.instance)))
                for form, record in forms_and_records:
                    conflict.both_changed += merge_form(form, record, conflict)
                raise ValidationError(conflict_message(conflict), code="conflict")

        return ConcurrentEditForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or any(EDIT_TOKEN in options["fields"] for _name, options in fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], EDIT_TOKEN]}), *rest]

    # Deleting keeps a last version, so the record can be recovered.

    def delete_model(self, request, obj):
        with create_revision():
            set_user(request.user)
            set_comment(_("Deleted"))
            add_to_revision(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with create_revision():
            set_user(request.user)
            set_comment(_("Deleted"))
            for obj in queryset:
                add_to_revision(obj)
        super().delete_queryset(request, queryset)

    # History with version ids, so the page can offer any two for comparison.

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        opts = self.model._meta
        versions = self._reversion_order_version_queryset(
            request, Version.objects.get_for_object(obj).select_related("revision__user")
        )
        action_list = [
            {
                "version_id": version.pk,
                "revision": version.revision,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(version.object_id), version.pk),
                ),
            }
            for version in versions
        ]
        context = {"action_list": action_list, **(extra_context or {})}
        # Skip VersionAdmin's own history_view, which this one replaces.
        return super(VersionAdmin, self).history_view(request, object_id, context)

    # Compare any two versions.

    def compare_view(self, request, object_id):
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj)
        older = get_object_or_404(versions, pk=request.GET.get("from"))
        newer = get_object_or_404(versions, pk=request.GET.get("to"))
        if older.pk > newer.pk:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "title": _("Compare versions of %(name)s") % {"name": obj},
            "older": older,
            "newer": newer,
            "changes": compare(older, newer),
        }
        return TemplateResponse(request, "admin/editing/compare.html", context)


def view_on_site(request, content_type_id, object_id):
    """The admin's "View on site" shortcut, for people who may view the record in the admin.

    Django's own shortcut sends any staff member to any record's public address, so a
    receptionist could learn a draft page's slug from it. This one answers 403 to anyone
    without view permission on the record's admin, before looking the record up.
    """
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ContentType.DoesNotExist, ValueError):
        raise Http404(_("No such kind of record.")) from None
    try:
        model_admin = admin.site.get_model_admin(model)
    except NotRegistered:
        raise PermissionDenied from None
    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    return shortcut(request, content_type_id, object_id)
