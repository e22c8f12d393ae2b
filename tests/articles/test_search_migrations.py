"""Migrations articles 0013 and 0014 on the database the suite runs on: the documents
written before a document per language are kept, as English ones, and both languages are
read with their own configuration on PostgreSQL."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("articles", "0012_spanish_note")]


def back_at(target):
    """The database migrated back to `target` for the test, then forward again."""
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(target)
    yield executor
    executor = MigrationExecutor(connection)  # the graph as it is now
    executor.migrate(latest)


@pytest.fixture
def migrated_back():
    yield from back_at(BEFORE)


@pytest.mark.django_db(transaction=True)
def test_documents_written_before_are_kept_as_english_ones(migrated_back):
    old = migrated_back.loader.project_state(BEFORE).apps
    article = old.get_model("articles", "Article").objects.create(
        title="Sample kept page", slug="sample-kept-page"
    )
    old.get_model("articles", "SearchDocument").objects.create(
        article_id=article.pk, built_from=timezone.now(), title="Sample kept page"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from articles.models import SearchDocument

    document = SearchDocument.objects.get()
    assert (document.article_id, document.language, document.title) == (
        article.pk,
        "en",
        "Sample kept page",
    )


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own configuration")
def test_spanish_documents_are_read_with_spanish_stems_and_no_accents():
    from articles.models import SearchDocument
    from tests.factories import make_guide

    guide = make_guide()
    fields = {"built_from": timezone.now(), "title": "Muestra", "text": "Dolor torácico leve"}
    SearchDocument.objects.create(article=guide, language="en", **fields)
    SearchDocument.objects.create(article=guide, language="es", **fields)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT language, search_vector::text FROM articles_searchdocument ORDER BY language"
        )
        vectors = dict(cursor.fetchall())
    assert "'torac':" in vectors["es"] and "'dolor':" in vectors["es"]
    assert "'torácico':" in vectors["en"]  # English keeps the accent and the ending


BEFORE_TITLE_WORDS = [("articles", "0017_search_reads_indexes_only")]


@pytest.fixture
def before_title_words():
    yield from back_at(BEFORE_TITLE_WORDS)


@pytest.mark.django_db(transaction=True)
def test_title_words_are_read_from_the_documents_there_are(before_title_words):
    """Migration 0018: a typo finds the pages indexed before it, with no command to run."""
    old = before_title_words.loader.project_state(BEFORE_TITLE_WORDS).apps
    article = old.get_model("articles", "Article").objects.create(
        title="Sample kept page", slug="sample-kept-page"
    )
    for language, title, names in [
        ("en", "Sample thoracic pain", "Thoracic pain\nUpper back pain"),
        ("es", "Muestra de dolor torácico", "Dolor torácico"),
    ]:
        old.get_model("articles", "SearchDocument").objects.create(
            article_id=article.pk,
            language=language,
            built_from=timezone.now(),
            title=title,
            names=names,
        )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from articles.models import SearchDocument, TitleWord

    kept = dict(SearchDocument.objects.values_list("language", "title_words"))
    assert kept["en"] == " back pain sample thoracic upper "
    assert kept["es"] == " dolor muestra toracico "
    words = set(TitleWord.objects.values_list("language", "word"))
    assert {("en", "thoracic"), ("en", "upper"), ("es", "toracico"), ("es", "muestra")} <= words
    assert ("es", "de") not in words  # a stop word is never a typo's match
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename IN"
                " ('articles_titleword', 'articles_searchdocument')"
            )
            indexes = {name for (name,) in cursor.fetchall()}
        assert "articles_titleword_trgm" in indexes
        assert "articles_searchdocument_title_trgm" not in indexes
