"""Admin shortcuts ("View on site", autocomplete) answer only people who may see the record."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def shortcut_url(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("admin:view_on_site", args=[content_type.pk, obj.pk])


@pytest.fixture
def draft(demo):
    return make_article(published=False, slug="sample-secret-draft")


def test_receptionist_cannot_learn_a_draft_slug_from_the_shortcut(client, draft):
    assert client.login(username="receptionist", password="receptionist-demo")
    response = client.get(shortcut_url(draft))
    assert response.status_code == 403
    assert "sample-secret-draft" not in response.headers.get("Location", "")
    assert b"sample-secret-draft" not in response.content


def test_receptionist_is_refused_alike_for_records_that_do_not_exist(client, demo):
    assert client.login(username="receptionist", password="receptionist-demo")
    article_type = ContentType.objects.get_for_model(Article)
    missing = reverse("admin:view_on_site", args=[article_type.pk, 999999])
    assert client.get(missing).status_code == 403


def test_practitioner_is_sent_to_the_page(client, draft):
    assert client.login(username="practitioner", password="practitioner-demo")
    response = client.get(shortcut_url(draft))
    assert response.status_code == 302
    assert response["Location"].endswith("/articles/sample-secret-draft/")


def test_anonymous_visitors_are_sent_to_sign_in(client, draft):
    response = client.get(shortcut_url(draft))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert "sample-secret-draft" not in response["Location"].split("next=")[0]


def test_unknown_content_type_is_not_found(client, demo):
    assert client.login(username="admin", password="admin-demo")
    assert client.get("/admin/r/999999/1/").status_code == 404


def test_receptionist_cannot_search_content_through_admin_autocomplete(client, draft):
    assert client.login(username="receptionist", password="receptionist-demo")
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "article", "field_name": "condition", "term": "a"},
    )
    assert response.status_code == 403
