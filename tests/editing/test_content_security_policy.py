"""Every response carries a Content-Security-Policy: no script at all on public pages, and
in the admin only our own files and tags carrying the request's nonce."""

import base64
import hashlib
import re
from pathlib import Path

import django_prose_editor
import pytest
from django.conf import settings
from django.test import Client
from django.urls import path

import clinic_site.urls
from editing.checks import ADMIN_CSP, DJANGO_CSP, check_admin_content_security_policy

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/",
    "/conditions/",
    "/conditions/leg-spasms-and-cramping/",
    "/articles/",
    "/contact/",
    "/sitemap.xml",
    "/robots.txt",
    "/feeds/articles/",
    "/healthz",
    "/conditions/no-such-guide/",
    "/static/css/site.css",
]
ADMIN_URLS = [
    "/admin/",
    "/admin/articles/article/",
    "/admin/articles/article/add/",
    "/admin/conditions/symptom/add/",
    "/admin/jsi18n/",
]


def directives(response):
    header = response.headers["Content-Security-Policy"]
    return dict(
        (name, values) for name, _, values in (d.strip().partition(" ") for d in header.split(";"))
    )


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_responses_allow_no_script_plugin_base_or_framing_and_forms_only_to_this_site(
    client, demo, url
):
    response = client.get(url)
    assert response.status_code == (404 if "no-such" in url else 200)
    policy = directives(response)
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'none'"
    assert policy["style-src"] == "'self'"  # no inline <style>, no style="" attributes
    assert policy["connect-src"] == "'self'"  # only tools reading robots.txt through a page
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["form-action"] == "'self'"  # the search box, to this site only
    assert policy["frame-ancestors"] == "'none'"


def fail(request):
    raise RuntimeError("Sample failure for the error page test.")


urlpatterns = [path("fail/", fail), *clinic_site.urls.urlpatterns]
handler500 = clinic_site.urls.handler500


@pytest.mark.urls(__name__)
def test_server_error_page_carries_the_policy_too(demo):
    response = Client(raise_request_exception=False).get("/fail/")
    assert response.status_code == 500
    assert directives(response)["script-src"] == "'none'"


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_admin_allows_only_own_scripts_and_this_requests_nonce(client, demo, url):
    assert client.login(username="admin", password="admin-demo")
    response = client.get(url)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == "'none'"
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    assert policy["script-src"].startswith("'self'")
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"


def test_admin_inline_tags_carry_the_nonce_in_the_header(client, demo):
    """The editor's import map is an inline script; it runs only with the header's nonce."""
    assert client.login(username="practitioner", password="practitioner-demo")
    response = client.get("/admin/conditions/symptom/add/")
    nonce = re.search(r"'nonce-([^']+)'", directives(response)["script-src"])[1]
    html = response.content.decode()
    assert f'<script type="importmap" nonce="{nonce}">' in html
    for tag in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html):
        assert f'nonce="{nonce}"' in tag or "application/json" in tag, tag
    other = client.get("/admin/conditions/symptom/add/")
    assert re.search(r"'nonce-([^']+)'", directives(other)["script-src"])[1] != nonce


def test_admin_style_hash_is_the_one_the_installed_editor_injects():
    """Tiptap adds a <style> with ProseMirror's base rules and no nonce; the admin policy
    allows exactly that text. Upgrading django-prose-editor may change it: this test then
    prints the new hash for settings.PROSE_EDITOR_STYLE_HASH."""
    editor_js = (
        Path(django_prose_editor.__file__).parent / "static/django_prose_editor/editor.js"
    ).read_text()
    start = editor_js.index("`.ProseMirror {\n  position: relative;") + 1
    css = editor_js[start : editor_js.index("`", start)]
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert f"'sha256-{digest}'" == settings.PROSE_EDITOR_STYLE_HASH
    assert settings.PROSE_EDITOR_STYLE_HASH in settings.CLINIC_ADMIN_CSP["style-src"]


def test_public_pages_need_no_nonce(client, demo):
    response = client.get("/conditions/leg-spasms-and-cramping/")
    assert "nonce" not in response.headers["Content-Security-Policy"]
    assert "nonce=" not in response.content.decode()


def test_admin_policy_middleware_out_of_order_is_a_system_check_error(settings):
    assert check_admin_content_security_policy(None) == []
    settings.MIDDLEWARE = [ADMIN_CSP, DJANGO_CSP]
    assert [error.id for error in check_admin_content_security_policy(None)] == ["editing.E001"]
    settings.MIDDLEWARE = [DJANGO_CSP, ADMIN_CSP]
    settings.CLINIC_ADMIN_CSP = {}
    assert [error.id for error in check_admin_content_security_policy(None)] == ["editing.E002"]
