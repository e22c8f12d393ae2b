from django.contrib import admin
from django.db.models import UniqueConstraint
from django.forms.models import BaseInlineFormSet

from editing.admin import HistoryAdmin

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


class ClinicalRecordAdmin(HistoryAdmin):
    list_display = ["name", "description", "used_by"]
    search_fields = ["name", "name_es", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("condition_links__condition")

    @admin.display(description="Used by")
    def used_by(self, record):
        return ", ".join(str(link.condition) for link in record.condition_links.all()) or "—"


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


@admin.register(Condition)
class ConditionAdmin(HistoryAdmin):
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
