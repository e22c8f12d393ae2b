"""The rich-text toolbar's "Cite" control: on every rich-text field, for those who may cite."""

import json
import re
from html import unescape
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.staticfiles import finders

from articles.models import Article, Callout
from clinic_site.models import ClinicProfile
from conditions.models import Condition
from editing.richtext import RichTextField

pytestmark = pytest.mark.django_db

SEARCH_META = '<meta name="citation-search-url" content="/admin/references/citation/search/">'
CITE_MODULE = "/static/editing/cite.js"


def rich_text_fields():
    return [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, RichTextField)
    ]


def editor_config(field):
    return field.formfield().widget.get_config()


def test_the_project_has_rich_text_fields_in_each_content_app():
    labels = {field.model._meta.app_label for field in rich_text_fields()}
    assert {"articles", "conditions", "clinic_site"} <= labels


@pytest.mark.parametrize("field", rich_text_fields(), ids=str)
def test_every_rich_text_editor_loads_the_cite_control(field):
    config = editor_config(field)
    assert "Cite" in config["extensions"]
    assert CITE_MODULE in config["js_modules"]


def test_the_cite_control_is_a_local_static_file():
    for name in ("editing/cite.js", "editing/cite.css"):
        assert finders.find(name), name
    script = Path(finders.find("editing/cite.js")).read_text(encoding="utf-8")
    assert "https://" not in script  # nothing from a CDN
    assert 'from "django-prose-editor/editor"' in script


def test_the_sanitiser_keeps_the_markers_the_control_inserts():
    body = Article._meta.get_field("body")
    html = "<p>Sample text.[cite:12] More sample text.[cite:3,7]</p>"
    assert body.sanitize(html) == html


@pytest.mark.parametrize(
    "url",
    [
        lambda: f"/admin/articles/article/{Article.objects.stories().first().pk}/change/",
        lambda: f"/admin/articles/guide/{Article.objects.guides().first().pk}/change/",
        lambda: f"/admin/articles/callout/{Callout.objects.first().pk}/change/",
        lambda: f"/admin/conditions/condition/{Condition.objects.first().pk}/change/",
    ],
    ids=["article", "guide", "callout", "condition"],
)
def test_practitioners_edit_forms_carry_the_search_address_and_the_editor_module(client, demo, url):
    assert client.login(username="practitioner", password="practitioner-demo")
    html = client.get(url()).content.decode()
    assert SEARCH_META in html
    assert '<link rel="stylesheet" href="/static/editing/cite.css">' in html
    configs = [
        json.loads(unescape(raw))
        for raw in re.findall(r'data-django-prose-editor-configurable="([^"]*)"', html)
    ]
    assert configs
    assert all(CITE_MODULE in config["js_modules"] for config in configs)


def test_receptionist_gets_no_search_address_so_the_control_stays_hidden(client, demo):
    assert client.login(username="receptionist", password="receptionist-demo")
    profile = ClinicProfile.objects.get()
    response = client.get(f"/admin/clinic_site/clinicprofile/{profile.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-django-prose-editor-configurable" in html  # the disclaimer's editor
    assert "citation-search-url" not in html
    assert "editing/cite.css" not in html
