import logging

from django.contrib import admin
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.cache import never_cache

from articles import search as page_search
from articles.models import Article
from articles.selectors import pages_in_language
from editing.translation import column, current_language, languages

from .context_processors import clinic_context
from .selectors import last_known_clinic_details

logger = logging.getLogger(__name__)


def home(request):
    language = current_language()
    published = Article.objects.published().in_language(language).for_listing()
    guides = published.guides().order_by(column("condition__name", language))[:12]
    return render(
        request,
        "clinic_site/home.html",
        {
            "guides": pages_in_language(guides, language),
            "latest_articles": pages_in_language(published.stories()[:5], language),
        },
    )


def search(request):
    """Search results in the address's language; never indexed by search engines (a
    results page is not content)."""
    language = current_language()
    query = page_search.Query.parse(request.GET.get("q", ""), language)
    results = page_search.search(query.text, language=language, page_number=request.GET.get("page"))
    response = render(request, "clinic_site/search.html", {"query": query, "results": results})
    response["X-Robots-Tag"] = "noindex"
    if not getattr(results, "index_current", True):
        add_never_cache_headers(response)  # built from an index still catching up
    return response


def contact(request):
    return render(request, "clinic_site/contact.html")


def robots_txt(request):
    previews = []
    for language in languages():
        with override(language):  # staff previews, in each language's words
            previews.append(reverse("articles:preview", args=[0]).removesuffix("0/"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: {path}" for path in previews),
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@never_cache
def healthz(request):
    """Load balancers ask this: 200 when the database and the cache answer, else 503."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:
        logger.exception("Health check: database unreachable")
        checks["database"] = "unreachable"
    try:
        cache.set("healthz", "ok", 10)
        checks["cache"] = "ok" if cache.get("healthz") == "ok" else "unreachable"
    except Exception:
        logger.exception("Health check: cache unreachable")
        checks["cache"] = "unreachable"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)


def permission_denied(request, exception):
    """Staff who open a page outside their role see, inside the admin's layout, what their
    role may open instead; anyone else gets the site's plain refusal."""
    user = getattr(request, "user", None)
    if user is not None and admin.site.has_permission(request):
        context = {
            **admin.site.each_context(request),
            "title": _("This page is not part of your role"),
            "allowed": admin.site.get_app_list(request),
        }
        return render(request, "admin/403.html", context, status=403)
    return render(request, "403.html", status=403)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """Rendered from the cache alone, without context processors: the database may be why
    we are here, and patients should still see the clinic's phone number."""
    details = last_known_clinic_details()
    context = {}
    if details is not None:
        context = clinic_context(details.in_language(current_language()))
    return HttpResponseServerError(loader.get_template("500.html").render(context))
