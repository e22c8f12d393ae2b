from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles and guides"

    def ready(self):
        from references.usage import register_marker_fields

        from . import changes, search, translation_status
        from .models import Article, Callout

        register_marker_fields(Article, "body")
        register_marker_fields(Callout, "body")
        changes.connect()
        # Receivers of pages_changed run in the order connected: the Spanish state first,
        # so the search index writes a page's Spanish document by the state just stored.
        translation_status.connect()
        search.connect()
