from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from editing.richtext import RichTextField
from editing.translation import DEFAULT_LANGUAGE, translation_of
from references.models import Citation

SLUG_TAKEN = _("Another record already uses this web address (slug). Choose a different one.")
NAME_TAKEN_IN_SPANISH = _("Another record already has this Spanish name.")


def unique_spanish_name(model_label):
    """Names are unique in each language; a record still waiting for its Spanish name
    (an empty one) is not a clash."""
    return models.UniqueConstraint(
        fields=["name_es"],
        condition=~models.Q(name_es=""),
        name=f"unique_{model_label}_name_es",
        violation_error_message=NAME_TAKEN_IN_SPANISH,
    )


class BodyRegion(models.Model):
    name = models.CharField(max_length=100, unique=True)
    name_es = translation_of(name, _("name in Spanish"))
    slug = models.SlugField(unique=True, error_messages={"unique": SLUG_TAKEN})

    translated_fields = ("name",)

    class Meta:
        ordering = ["name"]
        constraints = [unique_spanish_name("bodyregion")]

    def __str__(self):
        return self.name


class ClinicalRecord(models.Model):
    """A symptom, cause or treatment: written once, linked from every condition it fits."""

    name = models.CharField(max_length=200, unique=True)
    name_es = translation_of(name, _("name in Spanish"))
    slug = models.SlugField(max_length=200, unique=True, error_messages={"unique": SLUG_TAKEN})
    description = models.CharField(
        max_length=300, blank=True, help_text=_("One plain sentence a patient understands.")
    )
    description_es = translation_of(description, _("description in Spanish"))
    details = RichTextField(blank=True)
    details_es = translation_of(details, _("details in Spanish"))

    translated_fields = ("name", "description", "details")

    class Meta:
        abstract = True
        ordering = ["name"]
        constraints = [unique_spanish_name("%(class)s")]

    def __str__(self):
        return self.name


class Symptom(ClinicalRecord):
    pass


class Cause(ClinicalRecord):
    pass


class Treatment(ClinicalRecord):
    pass


class Condition(models.Model):
    class Urgency(models.TextChoices):
        ROUTINE = "routine", _("Routine: book an appointment")
        SOON = "soon", _("Soon: see someone within a few days")
        URGENT = "urgent", _("Urgent: get care today")
        EMERGENCY = "emergency", _("Emergency: call 911")

    name = models.CharField(max_length=200, unique=True)
    name_es = translation_of(name, _("name in Spanish"))
    slug = models.SlugField(max_length=200, unique=True, error_messages={"unique": SLUG_TAKEN})
    summary = models.TextField(help_text=_("The opening paragraph: what this condition is."))
    summary_es = translation_of(summary, _("summary in Spanish"))
    body_region = models.ForeignKey(
        BodyRegion, on_delete=models.PROTECT, null=True, blank=True, related_name="conditions"
    )
    symptoms_intro = RichTextField(blank=True)
    symptoms_intro_es = translation_of(symptoms_intro, _("symptoms introduction in Spanish"))
    when_to_get_care = RichTextField(blank=True)
    when_to_get_care_es = translation_of(when_to_get_care, _("when to get care in Spanish"))
    care_urgency = models.CharField(max_length=10, choices=Urgency, default=Urgency.ROUTINE)
    causes_intro = RichTextField(blank=True)
    causes_intro_es = translation_of(causes_intro, _("causes introduction in Spanish"))
    treatments_intro = RichTextField(blank=True)
    treatments_intro_es = translation_of(treatments_intro, _("treatments introduction in Spanish"))
    symptoms = models.ManyToManyField(Symptom, through="ConditionSymptom", blank=True)
    causes = models.ManyToManyField(Cause, through="ConditionCause", blank=True)
    treatments = models.ManyToManyField(Treatment, through="ConditionTreatment", blank=True)
    citations = models.ManyToManyField(Citation, through="ConditionCitation", blank=True)

    translated_fields = (
        "name",
        "summary",
        "symptoms_intro",
        "when_to_get_care",
        "causes_intro",
        "treatments_intro",
    )

    class Meta:
        ordering = ["name"]
        constraints = [unique_spanish_name("condition")]

    def __str__(self):
        return self.name


class AlternativeName(models.Model):
    """Another name patients use for a condition ("Charley horse"): one row per name, so a
    practitioner adds, reorders or removes each one, and search and the A to Z find it."""

    condition = models.ForeignKey(
        Condition, on_delete=models.CASCADE, related_name="alternative_names"
    )
    name = models.CharField(max_length=200, help_text=_("A name patients use, e.g. “Leg cramps”."))
    # Not a translation of another row: the names patients use differ by language
    # ("Charley horse" has no Spanish twin), so each language keeps its own list.
    language = models.CharField(
        max_length=8,
        choices=settings.LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help_text=_("The language patients use this name in."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("other name")
        verbose_name_plural = _("also called")
        constraints = [
            models.UniqueConstraint(
                fields=["condition", "language", "name"],
                name="unique_condition_alternative_name",
                violation_error_message=_("This name is already listed for the condition."),
            )
        ]

    def __str__(self):
        return self.name


class ConditionLink(models.Model):
    """An ordered link from a condition to a shared record, with what is true of that pair."""

    order = models.PositiveSmallIntegerField(default=0)
    linked_field = ""  # the name of the shared record's field in each concrete link

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.condition} → {self.record}"

    @property
    def record(self):
        return getattr(self, self.linked_field)


class ConditionSymptom(ConditionLink):
    linked_field = "symptom"
    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="symptom_links")
    symptom = models.ForeignKey(Symptom, on_delete=models.PROTECT, related_name="condition_links")
    note = models.CharField(
        max_length=300, blank=True, help_text=_("What is particular to this condition.")
    )
    note_es = translation_of(note, _("note in Spanish"))

    translated_fields = ("note",)

    class Meta(ConditionLink.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["condition", "symptom"],
                name="unique_condition_symptom",
                violation_error_message=_("This symptom is already listed for the condition."),
            )
        ]


class ConditionCause(ConditionLink):
    linked_field = "cause"
    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="cause_links")
    cause = models.ForeignKey(Cause, on_delete=models.PROTECT, related_name="condition_links")
    note = RichTextField(blank=True, help_text=_("What is particular to this condition."))
    note_es = translation_of(note, _("note in Spanish"))

    translated_fields = ("note",)
    citations = models.ManyToManyField(
        Citation,
        blank=True,
        related_name="cited_by_causes",
        help_text=_("The evidence for this cause in this condition; shown wherever it appears."),
    )

    class Meta(ConditionLink.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["condition", "cause"],
                name="unique_condition_cause",
                violation_error_message=_("This cause is already listed for the condition."),
            )
        ]


class ConditionTreatment(ConditionLink):
    linked_field = "treatment"
    condition = models.ForeignKey(
        Condition, on_delete=models.CASCADE, related_name="treatment_links"
    )
    treatment = models.ForeignKey(
        Treatment, on_delete=models.PROTECT, related_name="condition_links"
    )
    note = RichTextField(blank=True, help_text=_("What is particular to this condition."))
    note_es = translation_of(note, _("note in Spanish"))

    translated_fields = ("note",)
    citations = models.ManyToManyField(
        Citation,
        blank=True,
        related_name="cited_by_treatments",
        help_text=_(
            "The evidence for this treatment in this condition; shown wherever it appears."
        ),
    )

    class Meta(ConditionLink.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["condition", "treatment"],
                name="unique_condition_treatment",
                violation_error_message=_("This treatment is already listed for the condition."),
            )
        ]


class ConditionCitation(ConditionLink):
    linked_field = "citation"
    condition = models.ForeignKey(
        Condition, on_delete=models.CASCADE, related_name="citation_links"
    )
    citation = models.ForeignKey(Citation, on_delete=models.PROTECT, related_name="condition_links")

    class Meta(ConditionLink.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["condition", "citation"],
                name="unique_condition_citation",
                violation_error_message=_("This reference is already listed for the condition."),
            )
        ]


class CareLine(models.Model):
    """One line of a condition's "When to get care" card, in the order a practitioner sets."""

    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(max_length=300)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text


class CareAdvice(CareLine):
    """What a patient can do, or when to book, at the condition's own care level."""

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="care_advice")
    text = models.CharField(
        max_length=300,
        help_text=_(
            "One plain sentence, e.g. “Book an appointment if the cramps keep coming back.”"
        ),
    )

    text_es = translation_of(text, _("in Spanish"))

    translated_fields = ("text",)

    class Meta(CareLine.Meta):
        verbose_name = _("care advice")
        verbose_name_plural = _("care advice")


class RedFlag(CareLine):
    """A sign that means an emergency: shown under “Call 911 if”, whatever the care level."""

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="red_flags")
    text = models.CharField(
        max_length=300,
        help_text=_("Completes “Call 911 if …”, e.g. “you have chest pain”."),
    )

    text_es = translation_of(text, _("in Spanish"))

    translated_fields = ("text",)

    class Meta(CareLine.Meta):
        verbose_name = _("red-flag sign")
        verbose_name_plural = _("red-flag signs")
