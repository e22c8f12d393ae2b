from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _

from .models import Article


class LatestArticlesFeed(Feed):
    title = _("Latest articles and condition guides")
    link = "/articles/"
    description = _("New and updated pages from the clinic.")

    def items(self):
        return Article.objects.published().for_listing().order_by("-published_at")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_changed
