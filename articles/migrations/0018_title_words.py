"""The words of titles and names, per document (``SearchDocument.title_words``) and per
language (``TitleWord``), filled from the search documents there are. On PostgreSQL a
trigram index on them finds a misspelt word's close matches; the trigram indexes on whole
titles and names (0016) are dropped, as search no longer compares whole titles."""

from django.db import migrations, models

TRIGRAM_INDEX = (
    "CREATE INDEX articles_titleword_trgm ON articles_titleword USING gin (word gin_trgm_ops)"
)
WHOLE_TITLE_INDEXES = """
CREATE INDEX articles_searchdocument_title_trgm
    ON articles_searchdocument USING gin (title gin_trgm_ops);
CREATE INDEX articles_searchdocument_names_trgm
    ON articles_searchdocument USING gin (names gin_trgm_ops);
"""


def index_words(apps, schema_editor):
    # The words are search's own reading of a title (articles/search.py), derived data
    # that refresh_search_index writes again at any time.
    from articles.search import spaced, title_words

    SearchDocument = apps.get_model("articles", "SearchDocument")
    TitleWord = apps.get_model("articles", "TitleWord")
    found = set()
    documents = list(SearchDocument.objects.only("language", "title", "names"))
    for document in documents:
        words = title_words(document.language, document.title, document.names)
        document.title_words = spaced(words)
        found.update((document.language, word) for word in words)
    SearchDocument.objects.bulk_update(documents, ["title_words"], batch_size=500)
    TitleWord.objects.bulk_create(
        [TitleWord(language=language, word=word) for language, word in found], batch_size=1000
    )
    if schema_editor.connection.vendor == "postgresql":
        # Made once the words are in: a GIN index filled row by row keeps them in its
        # pending list, read one by one, until a vacuum merges them.
        schema_editor.execute(TRIGRAM_INDEX)
        schema_editor.execute("DROP INDEX articles_searchdocument_title_trgm")
        schema_editor.execute("DROP INDEX articles_searchdocument_names_trgm")


def unindex_words(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX articles_titleword_trgm")
        schema_editor.execute(WHOLE_TITLE_INDEXES)


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_search_reads_indexes_only")]

    operations = [
        migrations.CreateModel(
            name="TitleWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[("en", "English"), ("es", "Español")], default="en", max_length=8
                    ),
                ),
                ("word", models.CharField(max_length=100)),
            ],
            options={
                "verbose_name": "title word",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("language", "word"), name="one_title_word_per_language"
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="title_words",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(index_words, unindex_words),
    ]
