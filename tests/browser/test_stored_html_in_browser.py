"""Stored script never runs in a real browser, and the admin works under its CSP.

Every vector of the XSS corpus calls ``xss(N)``. An init script (run by the browser before
any of the page's own, and unaffected by the page's CSP) defines ``xss`` to record N and
records every CSP violation. Pages are read twice: as patients get them, and with CSP
switched off in the browser, so the sanitising alone is shown to hold too.
"""

import pytest
from django.db import connection
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, ArticleCallout, ArticleCitation, Callout
from clinic_site.models import ClinicProfile, Notice
from references.models import Citation
from tests.browser.helpers import log_in
from tests.editing.xss_vectors import MARKUP_VECTORS, TEXT_VECTORS

GUIDE_SLUG = "leg-spasms-and-cramping"
XSS_ARTICLE_SLUG = "sample-stored-html"
DESKTOP = {"width": 1280, "height": 1000}
RECORDER = """
window.__xss = [];
window.__violations = [];
window.xss = (n) => window.__xss.push(n);
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""
SAFE_PROTOCOLS = {"https:", "http:", "mailto:", "tel:"}

pytestmark = pytest.mark.usefixtures("demo_site")


def write_past_the_orm(table, column, pk, value):
    value = value.replace("\0", "")  # PostgreSQL refuses NUL characters in text
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, pk])


@pytest.fixture
def stored_vectors():
    """A published page with one callout per vector (half written by raw SQL, half by the
    ORM), plain fields full of text vectors, a notice and a reference with odd links."""
    today = timezone.localdate()
    article = Article.objects.create(
        title="Sample page for stored HTML",
        slug=XSS_ARTICLE_SLUG,
        summary="Sample summary.",
        body="<p>Sample body.</p>",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    for number, vector in enumerate(MARKUP_VECTORS):
        body = f"<p>Sample callout {number}.</p>{vector}"
        callout = Callout.objects.create(label="Sample", title=f"Sample {number}", body="<p></p>")
        if number % 2:
            Callout.objects.filter(pk=callout.pk).update(body=body)
        else:
            write_past_the_orm("articles_callout", "body", callout.pk, body)
        ArticleCallout.objects.create(article=article, callout=callout, order=number)
    write_past_the_orm("articles_article", "body", article.pk, "".join(MARKUP_VECTORS[:10]))
    Article.objects.filter(pk=article.pk).update(title=TEXT_VECTORS[0], summary=TEXT_VECTORS[1])
    ClinicProfile.objects.update(tagline=TEXT_VECTORS[3])
    write_past_the_orm(
        "clinic_site_clinicprofile", "disclaimer", ClinicProfile.SINGLETON_PK, MARKUP_VECTORS[10]
    )
    Notice.objects.create(
        message=TEXT_VECTORS[4],
        link='https://example.org/"><script>xss(301)</script>',
        starts_on=today,
        ends_on=today,
    )
    citation = Citation.objects.create(
        title=TEXT_VECTORS[2],
        kind="web-page",
        url="https://example.org/'><img src=x onerror=xss(302)>",
    )
    ArticleCitation.objects.create(article=article, citation=citation, order=0)
    return article


def public_urls(live_server):
    return [
        live_server.url + path
        for path in [
            "/",
            f"/articles/{XSS_ARTICLE_SLUG}/",
            f"/conditions/{GUIDE_SLUG}/",
            "/articles/",
            "/contact/",
        ]
    ]


def open_recording(new_page, **options):
    page = new_page(**options)
    page.add_init_script(RECORDER)
    responses = []
    page.on("response", lambda response: responses.append(response))
    return page, responses


def read_like_a_patient(page, url):
    """Open, hover, focus and tap everything that might carry a handler or a link."""
    page.goto(url)
    page.wait_for_load_state("load")
    protocols = page.eval_on_selector_all("a[href]", "links => links.map(link => link.protocol)")
    assert set(protocols) <= SAFE_PROTOCOLS, url
    for element in page.locator("main a, main img, main div, aside a").all()[:200]:
        element.hover(timeout=1000, trial=False, force=True)
    page.wait_for_timeout(300)  # meta refresh, autofocus and toggle handlers would fire by now


@pytest.mark.usefixtures("stored_vectors")
def test_no_stored_vector_runs_and_every_response_carries_a_policy(new_page, live_server):
    page, responses = open_recording(new_page)
    for url in public_urls(live_server):
        read_like_a_patient(page, url)
        assert page.evaluate("window.__xss") == [], url
        assert page.evaluate("window.__violations") == [], url
    # The live server serves /static/ itself, past the middleware; WhiteNoise, which
    # serves it in production, is covered by tests/editing/test_content_security_policy.py.
    pages = [r for r in responses if "/static/" not in r.url]
    assert len(pages) >= len(public_urls(live_server))
    for response in pages:
        assert "script-src 'none'" in response.headers.get("content-security-policy", ""), (
            response.url
        )


@pytest.mark.usefixtures("stored_vectors")
def test_no_stored_vector_runs_even_with_the_policy_switched_off(new_page, live_server):
    """The sanitising alone holds: the browser here ignores every CSP header."""
    page, _responses = open_recording(new_page, bypass_csp=True)
    for url in public_urls(live_server):
        read_like_a_patient(page, url)
        assert page.evaluate("window.__xss") == [], url
    page.goto(f"{live_server.url}/articles/{XSS_ARTICLE_SLUG}/")
    expect(page.get_by_text("Sample callout 45.")).to_be_visible()


def test_the_recorder_would_see_a_vector_run(new_page, live_server):
    """Proof that the two tests above can fail: a page that runs a vector is recorded."""
    page, _responses = open_recording(new_page)
    page.goto(live_server.url + "/robots.txt")
    page.evaluate("document.body.innerHTML = '<img src=x onerror=xss(1)>'")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__violations")  # robots.txt's policy blocked the handler
    bypassed, _responses = open_recording(new_page, bypass_csp=True)
    bypassed.goto(live_server.url + "/robots.txt")
    bypassed.evaluate("document.body.innerHTML = '<img src=x onerror=xss(1)>'")
    bypassed.wait_for_timeout(300)
    assert bypassed.evaluate("window.__xss") == [1]


def script_errors(console_errors):
    """Console errors but the browser's own favicon request, which the admin leaves to 404."""
    return [e for e in console_errors if not e.startswith("Failed to load resource")]


def admin_page(new_page, live_server, username):
    page, responses = open_recording(new_page)
    page.set_viewport_size(DESKTOP)
    console_errors = []
    page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    log_in(page, live_server, username, f"{username}-demo")
    return page, responses, console_errors


def test_admin_and_prose_editor_work_with_zero_policy_violations(
    new_page, live_server, stored_vectors
):
    guide = Article.objects.get(slug=GUIDE_SLUG)
    callout = stored_vectors.callout_links.first().callout
    page, responses, console_errors = admin_page(new_page, live_server, "practitioner")
    for path in [
        f"/admin/articles/article/{stored_vectors.pk}/change/",
        f"/admin/articles/callout/{callout.pk}/change/",
        "/admin/articles/callout/",
        "/admin/",
        "/admin/articles/article/",
        "/admin/references/citation/",
        "/admin/references/citation/import/",
        f"/admin/articles/article/{guide.pk}/history/",
        "/admin/conditions/symptom/add/",
    ]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__violations") == [], path
        assert page.evaluate("window.__xss") == [], path

    page.goto(f"{live_server.url}/admin/articles/article/{guide.pk}/change/")
    editor = page.locator(".prose-editor:has(#id_body) .tiptap.ProseMirror")
    expect(editor).to_be_visible()
    expect(editor).to_have_attribute("contenteditable", "true")
    expect(page.locator(".prose-editor:has(#id_body) .prose-menubar")).to_be_visible()
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Sample text typed in the browser test.")
    page.get_by_role("button", name="Save (updates the live page)").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert "Sample text typed in the browser test." in Article.objects.get(pk=guide.pk).body
    assert page.evaluate("window.__violations") == []
    assert script_errors(console_errors) == []
    admin_responses = [r for r in responses if "/admin/" in r.url and "/static/" not in r.url]
    assert admin_responses
    for response in admin_responses:
        policy = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy, response.url


def test_receptionist_edits_the_clinic_details_with_zero_policy_violations(new_page, live_server):
    page, _responses, console_errors = admin_page(new_page, live_server, "receptionist")
    page.goto(live_server.url + "/admin/clinic_site/clinicprofile/")
    editor = page.locator(".prose-editor:has(#id_disclaimer) .tiptap.ProseMirror")
    expect(editor).to_be_visible()
    page.get_by_label("Map link").fill("javascript:xss(1)")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Enter a web address starting with https://")).to_be_visible()
    page.goto(live_server.url + "/admin/clinic_site/notice/add/")
    page.locator("#calendarlink0").click()  # the admin's calendar
    expect(page.locator(".calendarbox").first).to_be_visible()
    assert page.evaluate("window.__violations") == []
    assert page.evaluate("window.__xss") == []
    assert script_errors(console_errors) == []
