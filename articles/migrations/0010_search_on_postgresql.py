"""PostgreSQL only: trigram matching (pg_trgm) and a stored, weighted full-text vector.

Both are no-ops on SQLite, which searches in Python (articles/search.py). The vector is a
generated column, so the database keeps it equal to the text columns on every write; the
model does not declare it, and the search reads it by name (``search.VECTOR_COLUMN``).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

# Weights: A title and names, B summary and record names, C everything the page shows.
# The columns hold plain text, but PostgreSQL's parser reads "<...>" as markup and skips
# whatever follows a "<script>", so angle brackets are read as spaces.
ADD_VECTOR = """
ALTER TABLE articles_searchdocument ADD COLUMN search_vector tsvector
GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, translate(title || ' ' || names, '<>', '  ')), 'A')
    || setweight(
        to_tsvector('english'::regconfig, translate(summary || ' ' || records, '<>', '  ')), 'B'
    )
    || setweight(to_tsvector('english'::regconfig, translate(text, '<>', '  ')), 'C')
) STORED;
CREATE INDEX articles_searchdocument_vector ON articles_searchdocument USING gin (search_vector);
"""
DROP_VECTOR = "ALTER TABLE articles_searchdocument DROP COLUMN search_vector;"


def add_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD_VECTOR)


def drop_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_VECTOR)


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_search_documents")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(add_vector, drop_vector),
    ]
