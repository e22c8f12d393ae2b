"""Admin forms for pages: keep what was typed, and write a whole guide on one screen."""

from django import forms
from django.utils.translation import gettext_lazy as _

from conditions.models import Condition

CHOOSE_IMAGE_AGAIN = _(
    "Choose the image again: a browser cannot keep a chosen file when the form has to be "
    "corrected. Nothing else you typed was lost."
)


class PageForm(forms.ModelForm):
    """The edit form of a guide or an article."""

    mark_spanish_reviewed = forms.BooleanField(
        label=_("I have checked the Spanish against the English"),
        required=False,
        help_text=_(
            "Tick and save to publish the Spanish page (once every text it shows is in "
            "Spanish). Its review is recorded with your name; when the English of the page "
            "or of a record it shows changes later, the page is listed as “Spanish out of "
            "date”."
        ),
    )

    def full_clean(self):
        super().full_clean()
        if self._errors and "hero_image" in self.files and "hero_image" not in self._errors:
            # Say so plainly rather than let the file vanish without a word.
            self.add_error("hero_image", CHOOSE_IMAGE_AGAIN)


class ConditionFieldsForm(forms.ModelForm):
    """The condition's own fields, as part of its guide's screen (prefix ``condition``)."""

    class Meta:
        model = Condition
        fields = [
            "name",
            "name_es",
            "slug",
            "body_region",
            "summary",
            "summary_es",
            "symptoms_intro",
            "symptoms_intro_es",
            "care_urgency",
            "when_to_get_care",
            "when_to_get_care_es",
            "causes_intro",
            "causes_intro_es",
            "treatments_intro",
            "treatments_intro_es",
        ]
        labels = {
            "name": _("Condition's name"),
            "slug": _("Condition's web address (slug)"),
            "summary": _("What it is (the opening paragraph)"),
            "symptoms_intro": _("Introduction to the symptoms"),
            "when_to_get_care": _("When to get care"),
            "causes_intro": _("Introduction to the causes"),
            "treatments_intro": _("Introduction to the treatments"),
            "name_es": _("Condition's name in Spanish"),
            "summary_es": _("What it is, in Spanish"),
            "symptoms_intro_es": _("Introduction to the symptoms, in Spanish"),
            "when_to_get_care_es": _("When to get care, in Spanish"),
            "causes_intro_es": _("Introduction to the causes, in Spanish"),
            "treatments_intro_es": _("Introduction to the treatments, in Spanish"),
        }
        help_texts = {
            "name": _("Leave empty to use the guide's title."),
            "slug": _("Leave empty to use the guide's web address."),
        }

    def __init__(self, *args, guide_title="", guide_slug="", **kwargs):
        super().__init__(*args, **kwargs)
        self.guide_title, self.guide_slug = guide_title, guide_slug
        self.fields["name"].required = False
        self.fields["slug"].required = False

    def clean(self):
        cleaned = super().clean()
        # A new guide's condition is usually named as the guide is.
        for field, fallback in (("name", self.guide_title), ("slug", self.guide_slug)):
            if not cleaned.get(field) and field not in self.errors:
                cleaned[field] = fallback
                setattr(self.instance, field, fallback)
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        for field in ("name", "slug"):
            if not getattr(self.instance, field):
                self.add_error(field, _("Give the guide a title and web address first."))


CONDITION_PREFIX = "condition"
CONDITION_FIELDS = [f"{CONDITION_PREFIX}-{name}" for name in ConditionFieldsForm._meta.fields]


class GuideForm(PageForm):
    """A guide and its condition in one form: the condition's fields are a sub-form whose
    fields the admin's fieldsets name ``condition-<field>``; both validate and save together."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        condition = self.instance.condition if self.instance.condition_id else None
        if condition is None:
            # "Write its guide" from a condition passes the condition along.
            chosen = self.data.get("condition") if self.is_bound else self.initial.get("condition")
            chosen = str(chosen or "")
            condition = Condition.objects.filter(pk=chosen).first() if chosen.isdigit() else None
        if "condition" in self.fields:
            self.fields["condition"].widget = forms.HiddenInput()
            self.fields["condition"].disabled = self.instance.condition_id is not None
        self.condition_form = ConditionFieldsForm(
            self.data if self.is_bound else None,
            instance=condition or Condition(),
            prefix=CONDITION_PREFIX,
            guide_title=self.data.get("title", "") if self.is_bound else "",
            guide_slug=self.data.get("slug", "") if self.is_bound else "",
        )
        if "body" in self.fields:
            self.fields["body"].label = _("Your own text (shown after the opening paragraph)")
        # The record inlines of the screen attach to this same object (admin.py).
        self.instance.condition_being_edited = self.condition_form.instance

    def __getitem__(self, name):
        if name.startswith(f"{CONDITION_PREFIX}-"):
            return self.condition_form[name.removeprefix(f"{CONDITION_PREFIX}-")]
        return super().__getitem__(name)

    def full_clean(self):
        super().full_clean()
        if self.is_bound and not self.condition_form.is_valid():
            # Counted with the page's own errors, so the admin says the form needs fixing;
            # each message shows beside its field through the sub-form.
            for name, errors in self.condition_form.errors.items():
                self._errors[f"{CONDITION_PREFIX}-{name}"] = errors

    @property
    def changed_data(self):
        own = super().changed_data
        if not self.is_bound:
            return own
        return own + [f"{CONDITION_PREFIX}-{name}" for name in self.condition_form.changed_data]

    @property
    def media(self):
        return super().media + self.condition_form.media

    def concurrent_subforms(self):
        """Merged like the page's own fields when a save is refused (editing/concurrency)."""
        return [self.condition_form]

    def save_condition(self):
        condition = self.condition_form.save()
        self.instance.condition = condition
        return condition
