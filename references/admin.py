from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editing.admin import HistoryAdmin

from .models import Citation


@admin.register(Citation)
class CitationAdmin(HistoryAdmin):
    list_display = ["__str__", "container_title", "year", "doi"]
    list_filter = ["kind", "year"]
    search_fields = ["title", "authors", "container_title", "doi", "pmid"]
    readonly_fields = ["ama_preview"]
    fieldsets = [
        (None, {"fields": ["kind", "authors", "authors_incomplete", "title"]}),
        (
            _("Where it was published"),
            {"fields": ["container_title", "year", "volume", "issue", "pages"]},
        ),
        (_("Identifiers and links"), {"fields": ["doi", "pmid", "url"]}),
        (_("As patients will see it"), {"fields": ["ama_preview"]}),
    ]

    @admin.display(description=_("AMA style"))
    def ama_preview(self, citation):
        return citation.as_ama() if citation.pk else _("Shown after the first save.")
