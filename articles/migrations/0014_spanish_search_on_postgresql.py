"""PostgreSQL only: Spanish documents read with Spanish stemming, accents ignored.

``clinic_spanish`` is PostgreSQL's ``spanish`` configuration with ``unaccent`` before the
Spanish stemmer, so "pantorrilla", "toracica" and "torácica" match alike. ``unaccent()``
as a function is not IMMUTABLE and cannot appear in a generated column; a text search
configuration can, because ``to_tsvector(regconfig, text)`` is. The stored vector is
generated in the document's own language: ``clinic_spanish`` for Spanish documents,
``english`` (as in migration 0010) for the rest.

No-ops on SQLite, which searches in Python (articles/search.py) with the same rules.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

CONFIGURATION = """
CREATE TEXT SEARCH CONFIGURATION clinic_spanish (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION clinic_spanish
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
"""
DROP_CONFIGURATION = "DROP TEXT SEARCH CONFIGURATION clinic_spanish;"


def weighted_vector(config):
    """Weights: A title and names, B summary and record names, C everything the page shows.
    Angle brackets are read as spaces: the parser takes "<...>" for markup (migration 0010)."""

    def vector(columns):
        return f"to_tsvector('{config}'::regconfig, translate({columns}, '<>', '  '))"

    title_and_names = vector("title || ' ' || names")
    summary_and_records = vector("summary || ' ' || records")
    return (
        f"setweight({title_and_names}, 'A') || setweight({summary_and_records}, 'B')"
        f" || setweight({vector('text')}, 'C')"
    )


def replace_vector(expression):
    return f"""
ALTER TABLE articles_searchdocument DROP COLUMN search_vector;
ALTER TABLE articles_searchdocument ADD COLUMN search_vector tsvector
GENERATED ALWAYS AS ({expression}) STORED;
CREATE INDEX articles_searchdocument_vector ON articles_searchdocument USING gin (search_vector);
"""


IN_EACH_LANGUAGE = replace_vector(
    f"CASE language WHEN 'es' THEN {weighted_vector('clinic_spanish')} "
    f"ELSE {weighted_vector('english')} END"
)
IN_ENGLISH = replace_vector(weighted_vector("english"))


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CONFIGURATION)
        schema_editor.execute(IN_EACH_LANGUAGE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(IN_ENGLISH)
        schema_editor.execute(DROP_CONFIGURATION)


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_search_per_language")]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(forwards, backwards),
    ]
