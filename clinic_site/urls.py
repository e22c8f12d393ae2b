from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from django.views.static import serve

from articles.feeds import LatestArticlesFeed
from articles.sitemaps import SECTIONS as SITEMAP_SECTIONS
from articles.urls import article_patterns, guide_patterns
from editing.admin import view_on_site

from . import views

# Patients' pages: English without a prefix, as always; Spanish under /es/ with Spanish
# words (/es/afecciones/…), from the translations in locale/es. A page's own slug is the
# record's, in each language (Article.slug, Article.slug_es).
urlpatterns = i18n_patterns(
    path("", views.home, name="home"),
    path(pgettext_lazy("address", "conditions/"), include(guide_patterns)),
    path(pgettext_lazy("address", "articles/"), include(article_patterns)),
    path(pgettext_lazy("address", "contact/"), views.contact, name="contact"),
    path(pgettext_lazy("address", "search/"), views.search, name="search"),
    prefix_default_language=False,
)

urlpatterns += [
    path("healthz", views.healthz, name="healthz"),
    path("feeds/articles/", LatestArticlesFeed(), name="feed"),
    # An index of sections (site, guides, articles), each in pages of at most 250 addresses.
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAP_SECTIONS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemaps.sitemap,
        {"sitemaps": SITEMAP_SECTIONS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    # Before the admin's own "view on site" shortcut, which checks no permission; reversing
    # "admin:view_on_site" still gives this address.
    path(
        "admin/r/<path:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
    ),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

handler403 = "clinic_site.views.permission_denied"
handler404 = "clinic_site.views.page_not_found"
handler500 = "clinic_site.views.server_error"
