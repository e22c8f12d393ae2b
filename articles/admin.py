import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from conditions.admin import (
    AlternativeNameInline,
    CareAdviceInline,
    CauseInline,
    CitationInline,
    ConditionAdmin,
    OrderedInline,
    RedFlagInline,
    SymptomInline,
    TreatmentInline,
)
from conditions.models import Condition
from editing.admin import HistoryAdmin

from . import services, translation_status
from .forms import CONDITION_FIELDS, GuideForm, PageForm
from .models import (
    Article,
    ArticleCallout,
    ArticleCitation,
    Callout,
    Guide,
    Practitioner,
    SpanishState,
    review_due_after,
)
from .pages import build_page
from .publish_checks import check_for_publishing
from .readability import TARGET_GRADE, readability, visible_text
from .readability_by_language import readability_in
from .readability_es import TARGET_SCORE, SpanishReadability

# A page's history holds its inlines and, for a guide, its condition with the condition's
# records (registered with theirs by the condition's admin), so comparing or restoring a
# version covers the whole guide screen.
reversion.register(ArticleCallout)
reversion.register(ArticleCitation)
reversion.register(Article, follow=["callout_links", "citation_links", "condition"])


@admin.register(Practitioner)
class PractitionerAdmin(HistoryAdmin):
    list_display = ["name", "credentials", "user"]
    search_fields = ["name", "credentials"]
    autocomplete_fields = ["user"]

    def get_readonly_fields(self, request, obj=None):
        # Linking logins is account management, which practitioners do not have.
        return [] if request.user.has_perm("auth.change_user") else ["user"]


@admin.register(Callout)
class CalloutAdmin(HistoryAdmin):
    list_display = ["title", "label"]
    list_filter = ["label"]
    search_fields = ["title", "label", "body"]


class ArticleCitationInline(admin.TabularInline):
    model = ArticleCitation
    autocomplete_fields = ["citation"]
    extra = 0
    verbose_name = _("reference")
    verbose_name_plural = _("references on this page (after the condition's own)")


class ArticleCalloutInline(admin.TabularInline):
    model = ArticleCallout
    autocomplete_fields = ["callout"]
    extra = 0
    verbose_name = _("callout")
    verbose_name_plural = _("callouts: boxed notes after the text")


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Article.State.choices

    def queryset(self, request, queryset):
        match self.value():
            case Article.State.SCHEDULED:
                return queryset.scheduled()
            case Article.State.PUBLISHED:
                return queryset.published()
            case Article.State.DRAFT | Article.State.UNPUBLISHED:
                return queryset.filter(status=self.value())
        return queryset


class ReviewFilter(admin.SimpleListFilter):
    title = _("medical review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        days = settings.CLINIC_REVIEW_WARNING_DAYS
        return [
            ("overdue", _("Overdue")),
            ("soon", _("Due within %(days)d days") % {"days": days}),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.review_overdue(today)
        if self.value() == "soon":
            return queryset.review_due_within(settings.CLINIC_REVIEW_WARNING_DAYS, today)
        return queryset


class PageAdmin(HistoryAdmin):
    """What guides and articles share: publishing, checks, review, history."""

    change_form_template = "admin/articles/article/change_form.html"
    form = PageForm
    list_display = ["title", "state", "grade", "spanish_state", "next_review_due", "reviewer"]
    list_filter = [StateFilter, ReviewFilter, "spanish_state", "author", "reviewer"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author", "reviewer", "related_conditions"]
    readonly_fields = ["state", "publish_checks", "readability_scores", "spanish"]
    actions = ["mark_reviewed_today"]
    publishing_fieldsets = [
        (_("Image"), {"fields": ["hero_image", ("hero_image_alt", "hero_image_alt_es")]}),
        (_("Spanish"), {"fields": ["spanish", "spanish_note", "mark_spanish_reviewed"]}),
        (_("Publishing"), {"fields": ["state", "published_at", "author", "publish_checks"]}),
        (
            _("Medical review"),
            {"fields": ["reviewer", "last_reviewed", "next_review_due", "readability_scores"]},
        ),
        (_("Related"), {"fields": ["related_conditions"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("reviewer")

    @admin.display(description=_("state"))
    def state(self, article):
        if article.pk is None:
            return _("Draft (not saved yet)")
        state = article.state.label
        if article.state == Article.State.SCHEDULED:
            return format_html(
                "{} ({})",
                state,
                timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M"),
            )
        return state

    @admin.display(description=_("reading grade"), ordering="reading_grade")
    def grade(self, article):
        # The stored grade: working it out here would build every listed page at once.
        # A page changed since shows "—" until its edit screen is next opened.
        grade = article.reading_grade
        if grade is None:
            return "—"
        return f"{grade} {'✓' if grade <= TARGET_GRADE else '▲'}"

    @admin.display(description=_("readability"))
    def readability_scores(self, article):
        if article.pk is None:
            return _("Shown after the first save.")
        page = self._page(article)
        scores = readability(visible_text(page.source_html))
        if scores is not None:
            services.reading_grade(article, page)  # stored for the list
        return readability_summary(scores)

    @admin.display(description=_("publish checks"))
    def publish_checks(self, article):
        if article.pk is None:
            return _("Shown after the first save.")
        checks = check_for_publishing(
            article, self._page(article), spanish_page=self._spanish_page(article)
        )
        if not (checks.errors or checks.warnings):
            return _("Ready to publish.")
        return format_html(
            "{}{}",
            _problem_list(_("Must fix before publishing:"), checks.errors),
            _problem_list(_("Worth a look:"), checks.warnings),
        )

    @admin.display(description=_("Spanish"))
    def spanish(self, article):
        """Where the page's Spanish stands and, while any is missing, each text that still
        lacks it, linked to the screen that holds it."""
        if article.pk is None:
            return _("Shown after the first save.")
        saved = Article.objects.for_page().get(pk=article.pk)
        state, spanish_page = translation_status.state_of(
            saved, english_page=self._page(article), spanish_page=self._spanish_page(article, saved)
        )
        missing = translation_status.missing_with_screens(saved, spanish_page)
        lines = format_html_join(
            "", "<li>{}</li>", ((_linked(text, url),) for text, url in missing)
        )
        reviewed = ""
        if saved.spanish_reviewed_at:
            reviewed = format_html(
                " · {} {} ({})",
                _("last reviewed"),
                timezone.localtime(saved.spanish_reviewed_at).strftime("%Y-%m-%d"),
                saved.spanish_reviewed_by or "—",
            )
        public = saved.url_in("es") if saved.is_public_in("es") else None
        scores = ""
        if state != SpanishState.NONE:
            spanish_text = visible_text(spanish_page.source_html)
            scores = format_html(
                "<p>{}</p>", readability_summary(readability_in(spanish_text, "es"))
            )
        return format_html(
            "<strong>{}</strong>{}{}{}{}",
            state.label,
            reviewed,
            format_html(' · <a href="{}">{}</a>', public, _("Spanish page")) if public else "",
            scores,
            format_html("<p>{}</p><ul>{}</ul>", _("Still in English only:"), lines)
            if missing
            else "",
        )

    def _page(self, article):
        """The saved page, built once per edit screen for both the checks and the scores."""
        if not hasattr(article, "_saved_page"):
            saved = Article.objects.for_page().get(pk=article.pk)
            article._saved_page = build_page(saved, related=[])
        return article._saved_page

    def _spanish_page(self, article, saved=None):
        """The saved page in Spanish, built once per edit screen for its state, its
        readability and the checks (from `saved`, the page's row, if already fetched)."""
        if not hasattr(article, "_saved_spanish_page"):
            saved = saved or Article.objects.for_page().get(pk=article.pk)
            article._saved_spanish_page = build_page(saved, related=[], language="es")
        return article._saved_spanish_page

    @admin.action(description=_("Mark as medically reviewed today"), permissions=["change"])
    def mark_reviewed_today(self, request, queryset):
        for article in queryset:
            services.mark_reviewed(article, by=request.user)
        self.message_user(
            request, _("Marked %(count)d pages as reviewed today.") % {"count": len(queryset)}
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.cleaned_data.get("mark_spanish_reviewed"):
            # After the inlines: the review covers the whole screen as saved.
            try:
                translation_status.mark_reviewed(form.instance, request.user)
            except ValidationError as refused:
                self.message_user(request, " ".join(refused.messages), messages.ERROR)
            else:
                self.message_user(
                    request, _("The Spanish is marked reviewed and is public."), messages.SUCCESS
                )

    def save_model(self, request, obj, form, change):
        if "last_reviewed" in form.changed_data and "next_review_due" not in form.changed_data:
            # A new review date moves the next one, unless the editor set that too.
            obj.next_review_due = review_due_after(obj.last_reviewed) if obj.last_reviewed else None
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["preview_url"] = (
            reverse("articles:preview", kwargs={"pk": obj.pk}) if obj and obj.pk else None
        )
        context["article_state"] = obj.state if obj and obj.pk else None
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        return self._publishing_response(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._publishing_response(request, obj) or super().response_change(request, obj)

    def _publishing_response(self, request, article):
        """After a save: publish or unpublish when that button was pressed."""
        if "_publish" in request.POST:
            try:
                warnings = services.publish(article, by=request.user, at=article.published_at)
            except services.PublishRefused as refused:
                self.message_user(
                    request,
                    _problem_list(_("Saved, but not published:"), refused.problems),
                    messages.ERROR,
                )
            else:
                done = (
                    _("Scheduled: it goes live at the time set.")
                    if article.state == Article.State.SCHEDULED
                    else _("Published: patients can read it now.")
                )
                self.message_user(request, done, messages.SUCCESS)
                if warnings:
                    self.message_user(
                        request, _problem_list(_("Worth a look:"), warnings), messages.WARNING
                    )
        elif "_unpublish" in request.POST:
            services.unpublish(article, by=request.user)
            self.message_user(request, _("Unpublished: the page is no longer public."))
        else:
            return None
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[article.pk])
        )


@admin.register(Article)
class ArticleAdmin(PageAdmin):
    """Articles: pages not tied to one condition (guides have their own screen)."""

    search_fields = ["title", "summary"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("title", "title_es"),
                    ("slug", "slug_es"),
                    ("summary", "summary_es"),
                    "body",
                    "body_es",
                ]
            },
        ),
        *PageAdmin.publishing_fieldsets,
    ]
    inlines = [ArticleCalloutInline, ArticleCitationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).stories()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self._to_guide_screen(object_id, "change") or super().change_view(
            request, object_id, form_url, extra_context
        )

    def history_view(self, request, object_id, extra_context=None):
        return self._to_guide_screen(object_id, "history") or super().history_view(
            request, object_id, extra_context
        )

    def _to_guide_screen(self, object_id, view):
        """Old links and bookmarks to a guide under "articles" land on the guide's own."""
        if str(object_id).isdigit() and Guide.objects.filter(pk=object_id).exists():
            return HttpResponseRedirect(reverse(f"admin:articles_guide_{view}", args=[object_id]))
        return None


class ConditionRecordsInline(OrderedInline):
    """An inline of the condition's records on its guide's screen: it edits the rows of
    the condition being written (``GuideForm``), not rows of the page itself."""

    def __init__(self, parent_model, admin_site):
        super().__init__(Condition, admin_site)


class GuideAlternativeNameInline(ConditionRecordsInline, AlternativeNameInline):
    verbose_name = _("other name patients use")
    verbose_name_plural = _("also called: other names patients use, one a row")


class GuideSymptomInline(ConditionRecordsInline, SymptomInline):
    verbose_name = _("symptom")
    verbose_name_plural = _("symptoms, in the order shown")


class GuideCareAdviceInline(ConditionRecordsInline, CareAdviceInline):
    verbose_name_plural = _("care advice, at the level of care chosen above")


class GuideRedFlagInline(ConditionRecordsInline, RedFlagInline):
    verbose_name_plural = _("red-flag signs: each completes “Call 911 if …”")


class GuideCauseInline(ConditionRecordsInline, CauseInline):
    verbose_name = _("cause")
    verbose_name_plural = _("causes, each with what is particular to this condition")


class GuideTreatmentInline(ConditionRecordsInline, TreatmentInline):
    verbose_name = _("treatment")
    verbose_name_plural = _("treatments, each with what is particular to this condition")


class GuideReferenceInline(ConditionRecordsInline, CitationInline):
    verbose_name_plural = _("references: the guide's evidence")


@admin.register(Guide)
class GuideAdmin(PageAdmin):
    """A whole guide on one screen: the page, its condition and the condition's records."""

    form = GuideForm
    list_display = [
        "title",
        "condition",
        "state",
        "grade",
        "spanish_state",
        "next_review_due",
        "reviewer",
    ]
    search_fields = ["title", "summary", "condition__name", "condition__alternative_names__name"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("title", "title_es"),
                    ("slug", "slug_es"),
                    "condition",
                    ("condition-summary", "condition-summary_es"),
                    "body",
                    "body_es",
                ]
            },
        ),
        (
            _("The condition"),
            {
                "fields": [
                    ("condition-name", "condition-name_es"),
                    "condition-slug",
                    "condition-body_region",
                    ("summary", "summary_es"),
                    "condition_screen",
                ],
                "description": _(
                    "The condition's records are shared with every page about it. The "
                    "summary here is the short text for lists and search results; leave it "
                    "empty to use the opening paragraph."
                ),
            },
        ),
        (
            _("Symptoms"),
            {"fields": ["condition-symptoms_intro", "condition-symptoms_intro_es"]},
        ),
        (
            _("When to get care"),
            {
                "fields": [
                    "condition-care_urgency",
                    "condition-when_to_get_care",
                    "condition-when_to_get_care_es",
                ]
            },
        ),
        (_("Causes"), {"fields": ["condition-causes_intro", "condition-causes_intro_es"]}),
        (
            _("Treatments"),
            {"fields": ["condition-treatments_intro", "condition-treatments_intro_es"]},
        ),
        *PageAdmin.publishing_fieldsets,
    ]
    inlines = [
        GuideAlternativeNameInline,
        GuideSymptomInline,
        GuideCareAdviceInline,
        GuideRedFlagInline,
        GuideCauseInline,
        GuideTreatmentInline,
        GuideReferenceInline,
        ArticleCalloutInline,
    ]
    # Each list of records follows the fieldset it belongs to, in the page's own order.
    inlines_after = {
        _("The condition"): [GuideAlternativeNameInline],
        _("Symptoms"): [GuideSymptomInline],
        _("When to get care"): [GuideCareAdviceInline, GuideRedFlagInline],
        _("Causes"): [GuideCauseInline],
        _("Treatments"): [GuideTreatmentInline, GuideReferenceInline, ArticleCalloutInline],
    }

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("condition")

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "condition_screen"]

    # The guide's screen writes its condition too: it takes the condition's rights as well.
    def has_add_permission(self, request):
        return super().has_add_permission(request) and request.user.has_perm(
            "conditions.add_condition"
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and request.user.has_perm(
            "conditions.change_condition"
        )

    def edited_records(self, obj):
        # One save writes the page and its condition (with the condition's records).
        return [obj, obj.condition] if obj.condition_id else [obj]

    def get_inlines(self, request, obj):
        # Older guides may list references of the page's own besides the condition's.
        if obj is not None and obj.citation_links.exists():
            return [*self.inlines, ArticleCitationInline]
        return self.inlines

    @admin.display(description=_("condition's own screen"))
    def condition_screen(self, guide):
        if not guide.condition_id:
            return _("The condition is created when you first save.")
        url = reverse("admin:conditions_condition_change", args=[guide.condition_id])
        return format_html(
            '<a href="{}">{}</a>', url, _("Open the condition (its history and other pages)")
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read only: the condition's fields belong to its own screen (linked).
        return [
            (name, {**options, "fields": _without_condition_fields(options["fields"])})
            for name, options in fieldsets
        ]

    def get_exclude(self, request, obj=None):
        # The condition's fields belong to GuideForm's sub-form, not to the page's model.
        return CONDITION_FIELDS

    def formset_parent(self, obj, inline):
        if isinstance(inline, ConditionRecordsInline):
            return obj.condition_being_edited
        return obj

    def save_model(self, request, obj, form, change):
        form.save_condition()
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        remaining = list(context["inline_admin_formsets"])
        screen = []
        for fieldset in context["adminform"]:
            after = tuple(self.inlines_after.get(fieldset.name, ()))
            here = [formset for formset in remaining if isinstance(formset.opts, after)]
            remaining = [formset for formset in remaining if formset not in here]
            screen.append((fieldset, here))
        context.update(screen=screen, inlines_after_screen=remaining)
        return super().render_change_form(request, context, add, change, form_url, obj)


class ConditionWithGuideAdmin(ConditionAdmin):
    """A condition's screen, with the way to its guide ("View guide" or "Write its guide")."""

    def get_fieldsets(self, request, obj=None):
        (name, options), *rest = super().get_fieldsets(request, obj)
        return [(name, {**options, "fields": ["guide_screen", *options["fields"]]}), *rest]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "guide_screen"]

    @admin.display(description=_("guide"))
    def guide_screen(self, condition):
        guide = (
            Guide.objects.filter(condition=condition).only("pk").first() if condition.pk else None
        )
        if guide is not None:
            url, text = reverse("admin:articles_guide_change", args=[guide.pk]), _("View guide")
        elif condition.pk:
            url = reverse("admin:articles_guide_add") + f"?condition={condition.pk}"
            text = _("Write its guide")
        else:
            return _("Save the condition first, or write it as part of a new guide.")
        return format_html('<a href="{}">{}</a>', url, text)


admin.site.unregister(Condition)
admin.site.register(Condition, ConditionWithGuideAdmin)


def readability_summary(scores):
    """The edit screen's line for a readability result in either language
    (``articles.readability_by_language.readability_in``), or None for text with no words."""
    if scores is None:
        return _("No text yet.")
    if isinstance(scores, SpanishReadability):
        return format_html(
            "Szigriszt-Pazos reading ease <strong>{}</strong>, INFLESZ “{}” ({}) (target: {} "
            "or higher, “normal”) · {} words in {} sentences",
            scores.score,
            scores.band.spanish,
            scores.band.english,
            TARGET_SCORE,
            scores.words,
            scores.sentences,
        )
    return format_html(
        "Flesch-Kincaid grade <strong>{}</strong> (target: {} or lower) · Flesch reading "
        "ease {} (higher is easier) · {} words in {} sentences",
        scores.grade,
        TARGET_GRADE,
        scores.reading_ease,
        scores.words,
        scores.sentences,
    )


def _without_condition_fields(fields):
    """`fields` of a fieldset without the condition's (a row of two is a tuple)."""
    kept = []
    for field in fields:
        if isinstance(field, tuple):
            row = tuple(name for name in field if name not in CONDITION_FIELDS)
            if row:
                kept.append(row if len(row) > 1 else row[0])
        elif field not in CONDITION_FIELDS:
            kept.append(field)
    return kept


def _linked(text, url):
    return format_html('<a href="{}">{}</a>', url, text) if url else text


def _problem_list(title, problems):
    if not problems:
        return ""
    items = format_html_join(
        "",
        "<li>{}</li>",
        (
            (
                format_html('<a href="{}">{}</a>', problem.fix_at, problem)
                if problem.fix_at
                else problem,
            )
            for problem in problems
        ),
    )
    return format_html("<p>{}</p><ul>{}</ul>", title, items)
