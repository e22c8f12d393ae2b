"""The sitemap: an index (``/sitemap.xml``) of sections, each a page of at most
``PAGES_PER_SITEMAP`` addresses, so no response grows with the site."""

from collections.abc import Sequence
from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Article

# A section's page is built per request: a thousand addresses keep it well under 100 ms
# (search engines accept 50,000).
PAGES_PER_SITEMAP = 1000
# What an address, its alternates and its lastmod need.
LISTED_COLUMNS = (
    *("slug", "slug_es", "condition", "last_changed"),
    *("status", "published_at", "spanish_state"),  # is_public_in(language)
)


class PagesInLanguages(Sequence):
    """(page, language) pairs, every page in the first language, then every page public in
    the next, and so on; counted and sliced in the database, as a paginator asks."""

    def __init__(self, by_language):
        self.by_language = by_language  # [(language, pages)], each an ordered queryset

    @cached_property
    def counts(self):
        return [pages.count() for _language, pages in self.by_language]

    def __len__(self):
        return sum(self.counts)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        pairs = []
        for (language, pages), count in zip(self.by_language, self.counts, strict=True):
            if start < count and stop > 0:
                pairs += [(page, language) for page in pages[max(start, 0) : min(stop, count)]]
            start, stop = start - count, stop - count
        return pairs


class PublishedPagesSitemap(Sitemap):
    """Only what the public may read: drafts, scheduled and unpublished pages never appear,
    nor a Spanish address before the page is public in Spanish. Each page lists its
    other-language address as an alternate (``hreflang``).

    `pages` gives the pages of this section (published guides, or published articles).
    """

    i18n = True
    alternates = True
    limit = PAGES_PER_SITEMAP

    def __init__(self, pages):
        self.pages = pages

    def items(self):
        return self.pages().only(*LISTED_COLUMNS).order_by("pk")

    def _items(self):
        # Django's i18n sitemap lists (page, language) pairs made from every page of the
        # section, for each of its pages; these are read a slice at a time instead, so a
        # sitemap page costs the same however large the site (its test counts queries).
        return PagesInLanguages(
            [(language, self.items().in_language(language)) for language in self._languages()]
        )

    def get_languages_for_item(self, article):
        return [language for language in self._languages() if article.is_public_in(language)]

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
