"""PostgreSQL only: trigram indexes on the search documents' title and names, so a typo's
match (pg_trgm word similarity, articles/search.py) is found by index, not by comparing
every page. A no-op on SQLite, which searches in Python."""

from django.db import migrations

ADD = """
CREATE INDEX articles_searchdocument_title_trgm
    ON articles_searchdocument USING gin (title gin_trgm_ops);
CREATE INDEX articles_searchdocument_names_trgm
    ON articles_searchdocument USING gin (names gin_trgm_ops);
"""
DROP = """
DROP INDEX articles_searchdocument_title_trgm;
DROP INDEX articles_searchdocument_names_trgm;
"""


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("articles", "0015_review_due_index")]

    operations = [migrations.RunPython(add, drop)]
