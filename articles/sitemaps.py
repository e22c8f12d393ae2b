"""The sitemap: an index (``/sitemap.xml``) of sections, each a page of at most
``PAGES_PER_SITEMAP`` addresses, so no response grows with the site."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Article

# A section's page is built per request: a thousand addresses keep it well under 100 ms
# (search engines accept 50,000).
PAGES_PER_SITEMAP = 1000


class PublishedPagesSitemap(Sitemap):
    """Only what the public may read: drafts, scheduled and unpublished pages never appear.

    `pages` gives the pages of this section (published guides, or published articles).
    """

    limit = PAGES_PER_SITEMAP

    def __init__(self, pages):
        self.pages = pages

    def items(self):
        return self.pages().only("slug", "condition", "last_changed").order_by("pk")

    def lastmod(self, article):
        # Moves when the page or any record it shows changes (articles/changes.py).
        return article.last_changed

    def get_latest_lastmod(self):
        # For the index: one aggregate, not every page of the section read.
        return self.pages().aggregate(latest=Max("last_changed"))["latest"]


class ListingPagesSitemap(Sitemap):
    """Pages made of other pages (the home page, the A to Z, the articles list), plus fixed
    pages such as contact.

    `pages` maps a URL name to a function giving the pages it lists; its ``lastmod`` is
    the latest change among them, or none for a page that lists no pages.
    """

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

    def get_latest_lastmod(self):
        # A page that lists no pages (contact) has no lastmod; the others decide.
        return max(filter(None, map(self.lastmod, self.items())), default=None)


def published_guides():
    return Article.objects.published().guides()


def published_articles():
    return Article.objects.published().stories()


def published_pages():
    return Article.objects.published()


SECTIONS = {
    "site": ListingPagesSitemap(
        {
            "home": published_pages,
            "guides:index": published_guides,
            "articles:index": published_articles,
            "contact": None,
        }
    ),
    "guides": PublishedPagesSitemap(published_guides),
    "articles": PublishedPagesSitemap(published_articles),
}
