from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Article


class PublishedPagesSitemap(Sitemap):
    """Only what the public may read: drafts, scheduled and unpublished pages never appear,
    nor a Spanish address before the page is public in Spanish. Each page lists its
    other-language address as an alternate (``hreflang``)."""

    i18n = True
    alternates = True

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "slug_es", "condition", "last_changed", "spanish_state")
            .order_by("pk")
        )

    def get_languages_for_item(self, article):
        return [language for language in self._languages() if article.is_public_in(language)]

    def lastmod(self, article):
        # Moves when the page or any record it shows changes (articles/changes.py).
        return article.last_changed


class ListingPagesSitemap(Sitemap):
    """Pages made of other pages (the home page, the A to Z, the articles list), plus fixed
    pages such as contact.

    `pages` maps a URL name to a function giving the pages it lists; its ``lastmod`` is
    the latest change among them, or none for a page that lists no pages.
    """

    i18n = True
    alternates = True

    def __init__(self, pages):
        self.pages = pages

    def items(self):
        return list(self.pages)

    def location(self, url_name):
        return reverse(url_name)

    def lastmod(self, url_name):
        listed = self.pages[url_name]
        if listed is None:
            return None
        return listed().aggregate(latest=Max("last_changed"))["latest"]


def published_guides():
    return Article.objects.published().guides()


def published_articles():
    return Article.objects.published().stories()


def published_pages():
    return Article.objects.published()
