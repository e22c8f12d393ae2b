import pytest

from clinic_site.views import server_error

pytestmark = pytest.mark.django_db


def test_health_check_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


def test_server_error_page_renders_without_touching_the_database(rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert 'class="site-footer"' in response.content.decode()


def test_pages_need_no_javascript_and_have_no_inline_scripts_or_styles(client, demo):
    for url in [
        "/",
        "/conditions/",
        "/articles/",
        "/contact/",
        "/conditions/leg-spasms-and-cramping/",
    ]:
        html = client.get(url).content.decode()
        # Only JSON-LD data blocks, which browsers never run.
        assert html.count("<script") == html.count('<script type="application/ld+json">'), url
        assert html.count("<script") >= 1, url
        assert "style=" not in html, url
