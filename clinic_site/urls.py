from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.static import serve

from articles.feeds import LatestArticlesFeed
from articles.sitemaps import (
    ListingPagesSitemap,
    PublishedPagesSitemap,
    published_articles,
    published_guides,
    published_pages,
)
from articles.urls import article_patterns, guide_patterns
from editing.admin import view_on_site

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("conditions/", include(guide_patterns)),
    path("articles/", include(article_patterns)),
    path("contact/", views.contact, name="contact"),
    path("search/", views.search, name="search"),
    path("healthz", views.healthz, name="healthz"),
    path("feeds/articles/", LatestArticlesFeed(), name="feed"),
    path(
        "sitemap.xml",
        sitemap,
        {
            "sitemaps": {
                "site": ListingPagesSitemap(
                    {
                        "home": published_pages,
                        "guides:index": published_guides,
                        "articles:index": published_articles,
                        "contact": None,
                    }
                ),
                "pages": PublishedPagesSitemap,
            }
        },
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
