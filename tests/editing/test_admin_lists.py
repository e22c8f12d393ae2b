"""List pages of the admin: what each row costs."""

import pytest
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Guide
from tests.factories import make_article, make_guide

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Article, Guide])
def test_the_row_checkbox_is_the_one_django_renders(model):
    page = make_guide(title="Sample <b>guide</b> & co") if model is Guide else make_article()
    model_admin = admin.site._registry[model]
    assert model_admin.action_checkbox(page) == ModelAdmin.action_checkbox(model_admin, page)


@pytest.mark.parametrize(
    ("url", "unread"),
    [
        ("/admin/articles/article/", ['"body"', '"body_es"']),
        ("/admin/articles/guide/", ['"body"', '"symptoms_intro"', '"treatments_intro_es"']),
        ("/admin/conditions/condition/", ['"summary"', '"causes_intro"']),
    ],
)
def test_list_pages_leave_long_texts_unread(admin_client, url, unread):
    make_article()
    make_guide()
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get(url).status_code == 200
    sql = "\n".join(query["sql"] for query in queries.captured_queries)
    for column in unread:
        assert f".{column}" not in sql, column
