"""The sitemap: an index (``/sitemap.xml``) of sections, each a page of at most
``PAGES_PER_SITEMAP`` addresses, so no response grows with the site."""

from collections.abc import Sequence
from functools import cached_property, partial

from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max, Q
from django.urls import reverse

from .models import Article, readable_in

# A section's page is built per request (then kept by the page cache): 250 addresses and
# their alternates keep it well under 100 ms on a small server, where 500 came close
# (search engines accept 50,000, and read an index of sections as readily).
PAGES_PER_SITEMAP = 250
# What an address, its alternates and its lastmod need.
LISTED_COLUMNS = (
    *("slug", "slug_es", "condition", "last_changed"),
    *("status", "published_at", "spanish_state"),  # is_public_in(language)
)


class PagesInLanguages(Sequence):
    """(page, language) pairs, every page in the first language, then every page public in
    the next, and so on; counted and sliced in the database, as a paginator asks."""

    def __init__(self, by_language, counts):
        self.by_language = by_language  # [(language, pages)], each an ordered queryset
        self.counts = counts  # how many pages each holds

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
            [(language, self.items().in_language(language)) for language in self._languages()],
            counts=[self.totals[language] for language in self._languages()],
        )

    @cached_property
    def totals(self):
        """The section's pages readable in each language, and its latest change, in one
        query; an instance serves one request (SECTIONS)."""
        return self.pages().aggregate(
            latest=Max("last_changed"),
            **{
                language: Count("pk", filter=readable_in(language))
                for language in self._languages()
            },
        )

    def get_languages_for_item(self, article):
        return [language for language in self._languages() if article.is_public_in(language)]

    def lastmod(self, article):
        # Moves when the page or any record it shows changes (articles/changes.py).
        return article.last_changed

    def get_latest_lastmod(self):
        # For the index: an aggregate, not every page of the section read.
        return self.totals["latest"]


class ListingPagesSitemap(Sitemap):
    """Pages made of other pages (the home page, the A to Z, the articles list), plus fixed
    pages such as contact.

    `pages` maps a URL name to a filter (a ``Q``) of the published pages it lists; its
    ``lastmod`` is the latest change among them, or none for a page that lists no pages.
    """

    i18n = True
    alternates = True

    def __init__(self, pages):
        self.pages = pages

    def items(self):
        return list(self.pages)

    def location(self, url_name):
        return reverse(url_name)

    @cached_property
    def latest_changes(self):
        # One query for every list (each is asked once per language); an instance serves
        # one request (SECTIONS), so this is as fresh as the request.
        return Article.objects.published().aggregate(
            **{
                url_name: Max("last_changed", filter=listed)
                for url_name, listed in self.pages.items()
                if listed is not None
            }
        )

    def lastmod(self, url_name):
        return self.latest_changes.get(url_name)

    def get_latest_lastmod(self):
        # A page that lists no pages (contact) has no lastmod; the others decide.
        return max(filter(None, self.latest_changes.values()), default=None)


def published_guides():
    return Article.objects.published().guides()


def published_articles():
    return Article.objects.published().stories()


# Each section is made anew for each request (Django's sitemap views call it), so what it
# works out once (ListingPagesSitemap.latest_changes) is never older than the request.
SECTIONS = {
    "site": partial(
        ListingPagesSitemap,
        {
            "home": Q(),
            "guides:index": Q(condition__isnull=False),
            "articles:index": Q(condition__isnull=True),
            "contact": None,
        },
    ),
    "guides": partial(PublishedPagesSitemap, published_guides),
    "articles": partial(PublishedPagesSitemap, published_articles),
}
