from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Article, ArticleCallout, ArticleCitation, Callout, Practitioner


@admin.register(Practitioner)
class PractitionerAdmin(admin.ModelAdmin):
    list_display = ["name", "credentials", "user"]
    search_fields = ["name", "credentials"]
    autocomplete_fields = ["user"]

    def get_readonly_fields(self, request, obj=None):
        # Linking logins is account management, which practitioners do not have.
        return [] if request.user.has_perm("auth.change_user") else ["user"]


@admin.register(Callout)
class CalloutAdmin(admin.ModelAdmin):
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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "condition", "status", "published_at", "author", "last_reviewed"]
    list_filter = ["status", PageKindFilter, "author"]
    search_fields = ["title", "summary", "condition__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["condition", "author", "related_conditions"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "condition", "summary", "body"]}),
        (_("Image"), {"fields": ["hero_image", "hero_image_alt"]}),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "author", "last_reviewed"]},
        ),
        (_("Related"), {"fields": ["related_conditions"]}),
    ]
    inlines = [ArticleCalloutInline, ArticleCitationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("condition", "author")
