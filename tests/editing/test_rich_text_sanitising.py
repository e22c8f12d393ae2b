"""Rich text can never carry script: cleaned on every ORM write, and again on every read.

Each test stores the whole XSS corpus through one write path and checks two things: what
the database holds (read with a raw cursor, past the field) and what a page shows.
"""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.models import Value
from django.test import Client
from reversion import create_revision
from reversion.models import Version

from clinic_site.models import ClinicProfile
from conditions.models import Symptom
from editing.richtext import RichTextField
from tests.editing.xss_vectors import (
    MARKUP_VECTORS,
    all_markup,
    dangers_in,
    without_the_layouts_search_box,
)
from tests.factories import make_article, make_condition, make_guide

pytestmark = pytest.mark.django_db

DIRTY = all_markup()
# For writes that skip the field: PostgreSQL refuses NUL characters in text outright.
UNCLEANED = DIRTY.replace("\0", "")
PAGE_TAGS = {"link", "meta"}  # the layout's own <head>: a stylesheet and meta tags


def stored(model, pk, column):
    """The column as the database holds it, read past the field's own cleaning."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def make_symptom(**fields):
    return Symptom.objects.create(name="Sample symptom", slug="sample-symptom", **fields)


def test_the_danger_check_finds_the_raw_vectors():
    """Else the tests below would prove nothing. The few it misses are parser tricks
    (CDATA, noscript, backticks) that Python's parser reads differently from a browser;
    the browser test covers those."""
    missed = [vector for vector in MARKUP_VECTORS if not dangers_in(vector)]
    assert len(missed) <= 4, missed


@pytest.mark.parametrize("vector", MARKUP_VECTORS)
def test_sanitiser_leaves_nothing_runnable_in_any_vector(vector):
    cleaned = RichTextField().clean_html(f"<p>Sample text.</p>{vector}")
    assert "Sample text." in cleaned
    assert dangers_in(cleaned) == []
    assert "<script" not in cleaned.lower()


def test_sanitiser_keeps_what_the_editor_makes():
    html = (
        "<h2>Sample heading</h2><p>Sample <strong>bold</strong>, <em>italic</em> and a "
        '<a href="https://example.org/">link</a> [cite:3].</p><ul><li>one</li></ul>'
        "<ol><li>two</li></ol><blockquote><p>quote</p></blockquote>"
    )
    cleaned = RichTextField().clean_html(html)
    for kept in ["<h2>", "<strong>", "<em>", 'href="https://example.org/"', "[cite:3]", "<ol>"]:
        assert kept in cleaned


def test_save_stores_clean_html_and_cleans_the_instance():
    symptom = make_symptom(details=DIRTY)
    assert dangers_in(stored(Symptom, symptom.pk, "details")) == []
    assert dangers_in(symptom.details) == []


def test_queryset_update_stores_clean_html():
    symptom = make_symptom()
    Symptom.objects.filter(pk=symptom.pk).update(details=DIRTY)
    assert "Sample text 0" in stored(Symptom, symptom.pk, "details")
    assert dangers_in(stored(Symptom, symptom.pk, "details")) == []


def test_bulk_update_stores_clean_html():
    symptom = make_symptom()
    symptom.details = DIRTY
    Symptom.objects.bulk_update([symptom], ["details"])
    assert "Sample text 0" in stored(Symptom, symptom.pk, "details")
    assert dangers_in(stored(Symptom, symptom.pk, "details")) == []


def test_bulk_create_stores_clean_html():
    [symptom] = Symptom.objects.bulk_create(
        [Symptom(name="Sample symptom", slug="sample-symptom", details=DIRTY)]
    )
    symptom = Symptom.objects.get(slug="sample-symptom")
    assert dangers_in(stored(Symptom, symptom.pk, "details")) == []


def test_loaddata_fixture_stores_clean_html(tmp_path):
    fixture = tmp_path / "dirty.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "conditions.symptom",
                    "pk": 900,
                    "fields": {"name": "Sample", "slug": "sample", "details": DIRTY},
                }
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    assert "Sample text 0" in stored(Symptom, 900, "details")
    assert dangers_in(stored(Symptom, 900, "details")) == []


def test_restoring_a_dirty_version_stores_clean_html():
    symptom = make_symptom(details="<p>Sample text.</p>")
    with create_revision():
        symptom.save()
    version = Version.objects.get_for_object(symptom).get()
    # A version written before sanitising existed, or edited in the database.
    data = json.loads(version.serialized_data)
    data[0]["fields"]["details"] = DIRTY
    Version.objects.filter(pk=version.pk).update(serialized_data=json.dumps(data))
    Version.objects.get(pk=version.pk).revert()
    assert "Sample text 0" in stored(Symptom, symptom.pk, "details")
    assert dangers_in(stored(Symptom, symptom.pk, "details")) == []


def test_admin_form_stores_clean_html(client, demo):
    assert client.login(username="practitioner", password="practitioner-demo")
    details = UNCLEANED  # forms refuse NUL characters outright, with a message
    response = client.post(
        "/admin/conditions/symptom/add/",
        {"name": "Sample symptom", "slug": "sample-symptom", "description": "", "details": details},
    )
    assert response.status_code == 302
    symptom = Symptom.objects.get(slug="sample-symptom")
    assert "Sample text 0" in stored(Symptom, symptom.pk, "details")
    assert dangers_in(stored(Symptom, symptom.pk, "details")) == []


# Writes the field never sees: the database holds the script, and reading cleans it.


def test_migration_historical_model_write_is_cleaned_when_read():
    historical = MigrationLoader(connection).project_state().apps.get_model("conditions.Symptom")
    row = historical.objects.create(name="Sample", slug="sample", details=UNCLEANED)
    assert dangers_in(stored(Symptom, row.pk, "details")), "a historical model skips the field"
    assert dangers_in(Symptom.objects.get(pk=row.pk).details) == []
    assert "Sample text 0" in Symptom.objects.get(pk=row.pk).details


def test_raw_sql_write_is_cleaned_when_read():
    symptom = make_symptom()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE conditions_symptom SET details = %s WHERE id = %s", [UNCLEANED, symptom.pk]
        )
    assert dangers_in(Symptom.objects.get(pk=symptom.pk).details) == []
    assert dangers_in(Symptom.objects.values_list("details", flat=True).get()) == []


def test_update_with_an_sql_expression_is_cleaned_when_read():
    symptom = make_symptom()
    Symptom.objects.filter(pk=symptom.pk).update(details=Value(UNCLEANED))
    assert dangers_in(stored(Symptom, symptom.pk, "details"))
    assert dangers_in(Symptom.objects.get(pk=symptom.pk).details) == []


def test_pages_show_no_runnable_markup_from_rich_text_written_past_the_orm(client, demo):
    """Every rich-text field a guide and an article show, filled by raw SQL."""
    condition = make_condition("Sample condition")
    guide = make_guide(condition)
    article = make_article()
    make_symptom()
    rows = [
        ("articles_article", "body", guide.pk),
        ("articles_article", "body", article.pk),
        ("conditions_condition", "symptoms_intro", condition.pk),
        ("conditions_condition", "when_to_get_care", condition.pk),
        ("clinic_site_clinicprofile", "disclaimer", ClinicProfile.SINGLETON_PK),
    ]
    with connection.cursor() as cursor:
        for table, column, pk in rows:
            cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [UNCLEANED, pk])
    for url in [guide.get_absolute_url(), article.get_absolute_url()]:
        html = Client().get(url).content.decode()
        assert "Sample text 0" in html
        assert dangers_in(without_the_layouts_search_box(html), allowed_tags=PAGE_TAGS) == [], url


def test_cleaning_on_read_is_memoised():
    field = RichTextField()
    field.clean_html(DIRTY)
    before = field.sanitize.cache_info()
    field.clean_html(DIRTY)
    after = field.sanitize.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)
