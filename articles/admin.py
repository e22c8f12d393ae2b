from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from editing.admin import HistoryAdmin

from . import services
from .models import (
    Article,
    ArticleCallout,
    ArticleCitation,
    Callout,
    Practitioner,
    review_due_after,
)
from .publish_checks import check_for_publishing
from .readability import TARGET_GRADE, readability, visible_text


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


class PageKindFilter(admin.SimpleListFilter):
    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [("guide", _("Condition guides")), ("article", _("Articles"))]

    def queryset(self, request, queryset):
        if self.value() == "guide":
            return queryset.guides()
        if self.value() == "article":
            return queryset.stories()
        return queryset


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


@admin.register(Article)
class ArticleAdmin(HistoryAdmin):
    change_form_template = "admin/articles/article/change_form.html"
    list_display = ["title", "kind", "state", "reading_grade", "next_review_due", "reviewer"]
    list_filter = [StateFilter, PageKindFilter, ReviewFilter, "author", "reviewer"]
    search_fields = ["title", "summary", "condition__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["condition", "author", "reviewer", "related_conditions"]
    readonly_fields = ["state", "publish_checks", "readability_scores"]
    actions = ["mark_reviewed_today"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "condition", "summary", "body"]}),
        (_("Image"), {"fields": ["hero_image", "hero_image_alt"]}),
        (_("Publishing"), {"fields": ["state", "published_at", "author", "publish_checks"]}),
        (
            _("Medical review"),
            {"fields": ["reviewer", "last_reviewed", "next_review_due", "readability_scores"]},
        ),
        (_("Related"), {"fields": ["related_conditions"]}),
    ]
    inlines = [ArticleCalloutInline, ArticleCitationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).for_page()

    @admin.display(description=_("kind"))
    def kind(self, article):
        return _("Guide") if article.is_guide else _("Article")

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

    @admin.display(description=_("reading grade"))
    def reading_grade(self, article):
        scores = readability(visible_text(article.page_html()))
        if scores is None:
            return "—"
        mark = "✓" if scores.meets_target else "▲"
        return f"{scores.grade} {mark}"

    @admin.display(description=_("readability"))
    def readability_scores(self, article):
        if article.pk is None:
            return _("Shown after the first save.")
        scores = readability(visible_text(article.page_html()))
        if scores is None:
            return _("No text yet.")
        return format_html(
            "Flesch-Kincaid grade <strong>{}</strong> (target: {} or lower) · Flesch reading "
            "ease {} (higher is easier) · {} words in {} sentences",
            scores.grade,
            TARGET_GRADE,
            scores.reading_ease,
            scores.words,
            scores.sentences,
        )

    @admin.display(description=_("publish checks"))
    def publish_checks(self, article):
        if article.pk is None:
            return _("Shown after the first save.")
        checks = check_for_publishing(article)
        if not (checks.errors or checks.warnings):
            return _("Ready to publish.")
        return format_html(
            "{}{}",
            _problem_list(_("Must fix before publishing:"), checks.errors),
            _problem_list(_("Worth a look:"), checks.warnings),
        )

    @admin.action(description=_("Mark as medically reviewed today"), permissions=["change"])
    def mark_reviewed_today(self, request, queryset):
        for article in queryset:
            services.mark_reviewed(article, by=request.user)
        self.message_user(
            request, _("Marked %(count)d pages as reviewed today.") % {"count": len(queryset)}
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
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", kwargs={"object_id": article.pk})
        )


def _problem_list(title, problems):
    if not problems:
        return ""
    return format_html(
        "<p>{}</p><ul>{}</ul>", title, format_html_join("", "<li>{}</li>", ((p,) for p in problems))
    )
