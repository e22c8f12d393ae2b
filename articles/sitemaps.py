from django.contrib.sitemaps import Sitemap

from .models import Article


class PublishedPagesSitemap(Sitemap):
    """Only what the public may read: drafts, scheduled and unpublished pages never appear."""

    def items(self):
        return Article.objects.published().only("slug", "condition", "last_changed").order_by("pk")

    def lastmod(self, article):
        return article.last_changed
