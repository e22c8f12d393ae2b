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
        search.connect()
        translation_status.connect()
