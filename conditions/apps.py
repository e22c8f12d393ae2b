from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    name = "conditions"
    verbose_name = "Conditions"

    def ready(self):
        from references.usage import register_marker_fields

        from .models import Cause, Condition, ConditionCause, ConditionTreatment, Symptom, Treatment

        register_marker_fields(
            Condition, "symptoms_intro", "when_to_get_care", "causes_intro", "treatments_intro"
        )
        for record in (Symptom, Cause, Treatment):
            register_marker_fields(record, "details")
        for link in (ConditionCause, ConditionTreatment):
            register_marker_fields(link, "note")
