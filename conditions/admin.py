from urllib.parse import urlencode

from django.contrib import admin
from django.db.models import Count, Prefetch, UniqueConstraint
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import ngettext

from editing.admin import HistoryAdmin
from editing.translation import column, languages

from .models import (
    AlternativeName,
    BodyRegion,
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


@admin.register(BodyRegion)
class BodyRegionAdmin(HistoryAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


# The conditions a record's row names; the rest are counted, linked to the full list.
USES_NAMED = 3


class ClinicalRecordAdmin(HistoryAdmin):
    list_display = ["name", "description", "used_by"]
    list_defer = [column(name, language) for name in ("details",) for language in languages()]
    search_fields = ["name", "name_es", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def for_list(self, queryset):
        # A symptom may be listed on hundreds of conditions: count them in the query and
        # read the names of the first few only, for the rows shown.
        link_model = self.model.condition_links.field.model
        first_uses = (
            link_model.objects.select_related("condition")
            .only(link_model.linked_field, "condition__name")
            .order_by("condition__name")[:USES_NAMED]
        )
        return (
            super()
            .for_list(queryset)
            .annotate(condition_count=Count("condition_links"))
            .prefetch_related(Prefetch("condition_links", first_uses, to_attr="first_uses"))
        )

    @admin.display(description="Used by", ordering="condition_count")
    def used_by(self, record):
        names = ", ".join(str(link.condition) for link in record.first_uses)
        more = record.condition_count - len(record.first_uses)
        if more <= 0:
            return names or "—"
        return format_html(
            '{}, <a href="{}">{}</a>',
            names,
            self.conditions_using_url(record),
            ngettext("and %(count)d more", "and %(count)d more", more) % {"count": more},
        )

    def conditions_using_url(self, record):
        """The conditions list, narrowed to those that list `record`."""
        field = next(f for f in Condition._meta.many_to_many if f.related_model is self.model)
        query = urlencode({f"{field.name}__id__exact": record.pk})
        return f"{reverse('admin:conditions_condition_changelist')}?{query}"


admin.site.register(Symptom, ClinicalRecordAdmin)
admin.site.register(Cause, ClinicalRecordAdmin)
admin.site.register(Treatment, ClinicalRecordAdmin)


class LinkFormSet(BaseInlineFormSet):
    """Rows of a condition's links. Two rows naming the same record are refused with the
    link's own plain message ("This symptom is already listed for the condition."), which
    Django's formset would replace with "Please correct the duplicate data for symptom"."""

    def get_unique_error_message(self, unique_check):
        for constraint in self.model._meta.constraints:
            if isinstance(constraint, UniqueConstraint) and set(constraint.fields) == set(
                unique_check
            ):
                return constraint.get_violation_error_message()
        return super().get_unique_error_message(unique_check)


class OrderedInline:
    formset = LinkFormSet
    extra = 0
    ordering = ["order"]


class AlternativeNameInline(OrderedInline, admin.TabularInline):
    model = AlternativeName
    fields = ["name", "language", "order"]


class SymptomInline(OrderedInline, admin.TabularInline):
    model = ConditionSymptom
    autocomplete_fields = ["symptom"]


class CauseInline(OrderedInline, admin.StackedInline):
    model = ConditionCause
    autocomplete_fields = ["cause", "citations"]


class TreatmentInline(OrderedInline, admin.StackedInline):
    model = ConditionTreatment
    autocomplete_fields = ["treatment", "citations"]


class CitationInline(OrderedInline, admin.TabularInline):
    model = ConditionCitation
    autocomplete_fields = ["citation"]
    verbose_name = "reference"
    verbose_name_plural = "references"


class CareAdviceInline(OrderedInline, admin.TabularInline):
    model = CareAdvice


class RedFlagInline(OrderedInline, admin.TabularInline):
    model = RedFlag


# A condition's texts its list never shows.
LONG_TEXTS = ("summary", "symptoms_intro", "when_to_get_care", "causes_intro", "treatments_intro")


@admin.register(Condition)
class ConditionAdmin(HistoryAdmin):
    list_defer = [column(name, language) for name in LONG_TEXTS for language in languages()]
    list_display = ["name", "body_region", "care_urgency"]
    list_filter = ["body_region", "care_urgency"]
    search_fields = ["name", "alternative_names__name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["body_region"]
    fieldsets = [
        (
            None,
            {"fields": [("name", "name_es"), "slug", "body_region", ("summary", "summary_es")]},
        ),
        ("Symptoms", {"fields": ["symptoms_intro", "symptoms_intro_es"]}),
        (
            "When to get care",
            {"fields": ["care_urgency", "when_to_get_care", "when_to_get_care_es"]},
        ),
        (
            "Causes and treatments",
            {
                "fields": [
                    "causes_intro",
                    "causes_intro_es",
                    "treatments_intro",
                    "treatments_intro_es",
                ]
            },
        ),
    ]
    inlines = [
        AlternativeNameInline,
        SymptomInline,
        CareAdviceInline,
        RedFlagInline,
        CauseInline,
        TreatmentInline,
        CitationInline,
    ]
