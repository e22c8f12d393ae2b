import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from editing.admin import HistoryAdmin

from .importing import import_references, preview_import
from .models import Citation, CitationAuthor
from .parsing import PASTE_LIMIT_CHARACTERS, PASTE_LIMIT_LINES, PasteTooLarge, check_paste_size
from .parsing.identifiers import normalise_doi
from .usage import records_citing_in_text

# The rich-text "Cite" dialog shows this many matches; "more" tells the person to narrow.
CITATION_SEARCH_LIMIT = 20
SEARCH_TERM_MAX_LENGTH = 200


class PasteReferencesForm(forms.Form):
    text = forms.CharField(
        label=_("References"),
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
        help_text=_(
            "Paste one or many: AMA, Vancouver, APA, MLA or Chicago lists, PubMed's “Cite” "
            "text, DOIs or DOI links, PubMed links, BibTeX or RIS. One reference a line is "
            "fine; blank lines or numbers between them are too. At most %(characters)s "
            "characters and %(lines)s lines at a time."
        )
        % {
            "characters": f"{PASTE_LIMIT_CHARACTERS:,}",
            "lines": f"{PASTE_LIMIT_LINES:,}",
        },
    )

    def clean_text(self):
        # Refused here, in words naming the limit, rather than cut short by the browser.
        text = self.cleaned_data["text"]
        try:
            check_paste_size(text)
        except PasteTooLarge as error:
            raise forms.ValidationError(str(error), code="too_large") from None
        return text


class CitationAuthorInline(admin.TabularInline):
    model = CitationAuthor
    extra = 1
    verbose_name = _("author")
    verbose_name_plural = _("authors, in order")


class CitedFilter(admin.SimpleListFilter):
    title = _("cited")
    parameter_name = "cited"

    def lookups(self, request, model_admin):
        return [("no", _("Cited nowhere"))]

    def queryset(self, request, queryset):
        return queryset.uncited() if self.value() == "no" else queryset


@admin.register(Citation)
class CitationAdmin(HistoryAdmin):
    list_display = ["__str__", "container_title", "year", "doi", "in_text_marker"]
    list_filter = [CitedFilter, "needs_checking", "kind", "year"]
    search_fields = [
        "title",
        "authors__family_name",
        "authors__group_name",
        "container_title",
        "doi",
        "pmid",
        "year__exact",  # terms that are not a year are skipped for this field
    ]
    readonly_fields = ["ama_preview", "in_text_marker", "where_used"]
    inlines = [CitationAuthorInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "authors_incomplete"]}),
        (
            _("Where it was published"),
            {
                "fields": [
                    "container_title",
                    "publisher",
                    ("year", "month", "day"),
                    ("volume", "issue", "pages"),
                ]
            },
        ),
        (_("Identifiers and links"), {"fields": ["doi", "pmid", "pmcid", "url", "accessed"]}),
        (
            _("As patients will see it"),
            {"fields": ["ama_preview", "in_text_marker", "where_used"]},
        ),
        (_("Import"), {"fields": ["needs_checking", "original_text"], "classes": ["collapse"]}),
    ]

    change_list_template = "admin/references/citation/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).with_authors()

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="references_citation_import",
            ),
            path(
                "search/",
                self.admin_site.admin_view(self.search_view),
                name="references_citation_search",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Paste references, review what was read, then save: nothing is saved unseen."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = PasteReferencesForm(request.POST or None)
        preview = None
        if request.method == "POST" and form.is_valid():
            text = form.cleaned_data["text"]
            if "_save" in request.POST:
                with reversion.create_revision():
                    reversion.set_user(request.user)
                    reversion.set_comment(_("Imported by pasting"))
                    result = import_references(text)
                self._report_import(request, result)
                return redirect("admin:references_citation_changelist")
            if "_edit" not in request.POST:
                preview = preview_import(text)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import references"),
            "form": form,
            "preview": preview,
        }
        return TemplateResponse(request, "admin/references/citation/import.html", context)

    def search_view(self, request):
        """JSON for the rich-text "Cite" dialog: the references matching ``?q=``.

        Matches like the list's search box (author, title, journal, DOI, PMID, year; every
        word must match); a pasted DOI link is read as its DOI.
        """
        if not self.has_view_permission(request):
            raise PermissionDenied
        # Every word of a search becomes its own set of conditions: keep a search short.
        term = normalise_doi(request.GET.get("q", "")[:SEARCH_TERM_MAX_LENGTH])
        queryset, may_have_duplicates = self.get_search_results(
            request, self.get_queryset(request), term
        )
        if may_have_duplicates:
            queryset = queryset.distinct()
        found = list(queryset[: CITATION_SEARCH_LIMIT + 1])
        return JsonResponse(
            {
                "results": [
                    {
                        "id": citation.pk,
                        "marker": citation.in_text_marker,
                        "label": search_label(citation),
                    }
                    for citation in found[:CITATION_SEARCH_LIMIT]
                ],
                "more": len(found) > CITATION_SEARCH_LIMIT,
            }
        )

    def _report_import(self, request, result):
        self.message_user(
            request,
            _("Created %(created)d references and reused %(reused)d already here.")
            % {"created": len(result.created), "reused": len(result.reused)},
            messages.SUCCESS,
        )
        for item in result.reused:
            self.message_user(
                request,
                _("Already here, reused: %(citation)s") % {"citation": item.citation},
                messages.INFO,
            )
        if result.incomplete:
            self.message_user(
                request,
                _(
                    "%(count)d could be read only in part. They are saved with their original "
                    "text and marked “needs checking”: filter the list by it to finish them."
                )
                % {"count": len(result.incomplete)},
                messages.WARNING,
            )

    @admin.display(description=_("AMA style"))
    def ama_preview(self, citation):
        return citation.as_ama() if citation.pk else _("Shown after the first save.")

    @admin.display(description=_("to cite in text, type"))
    def in_text_marker(self, citation):
        return citation.in_text_marker if citation.pk else "—"

    @admin.display(description=_("cited by"))
    def where_used(self, citation):
        if citation.pk is None:
            return "—"
        places = where_cited(citation)
        if not places:
            return _("Nothing cites this reference yet.")
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((place,) for place in places))
        )


def search_label(citation):
    """“Garrison SR et al · 2012 · Magnesium for skeletal muscle cramps · Cochrane …”."""
    names = citation.author_names
    first_author = ""
    if names:
        more = len(names) > 1 or citation.authors_incomplete
        first_author = f"{names[0]} et al" if more else names[0]
    parts = (first_author, citation.year, citation.title, citation.container_title)
    return " · ".join(str(part) for part in parts if part)


def where_cited(citation):
    """Every page and record that cites this source, as plain descriptions."""
    places = [
        _("Page: %(title)s") % {"title": link.article}
        for link in citation.article_links.select_related("article")
    ]
    places += [
        _("Condition: %(name)s") % {"name": link.condition}
        for link in citation.condition_links.select_related("condition")
    ]
    places += [
        _("Cause “%(record)s” in %(condition)s")
        % {"record": link.cause, "condition": link.condition}
        for link in citation.cited_by_causes.select_related("cause", "condition")
    ]
    places += [
        _("Treatment “%(record)s” in %(condition)s")
        % {"record": link.treatment, "condition": link.condition}
        for link in citation.cited_by_treatments.select_related("treatment", "condition")
    ]
    places += [
        _("In the text of %(kind)s “%(record)s”")
        % {"kind": record._meta.verbose_name, "record": record}
        for record in records_citing_in_text(citation.pk)
    ]
    return places
