"""Staff roles at work in the admin, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from clinic_site.demo import content
from tests.browser.helpers import log_in

GUIDE_PATH = "/conditions/leg-spasms-and-cramping/"
SCREENSHOT = "/tmp/admin-article.png"

pytestmark = pytest.mark.usefixtures("demo_site")


def test_receptionist_changes_the_phone_and_the_guide_dials_the_new_number(page, live_server):
    log_in(page, live_server, "receptionist", "receptionist-demo")
    page.goto(live_server.url + "/admin/clinic_site/clinicprofile/")
    phone = page.locator("#id_phone")
    expect(phone).to_have_value(content.CLINIC["phone"])

    phone.fill("+1-915-555-0100")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto(live_server.url + GUIDE_PATH)
    expect(page.locator('a[href="tel:+19155550100"]').first).to_have_text(
        re.compile(r"\+1-915-555-0100")
    )
    expect(page.locator('a[href="tel:+19158500900"]')).to_have_count(0)


def test_receptionist_is_refused_the_article_list(page, live_server):
    log_in(page, live_server, "receptionist", "receptionist-demo")

    response = page.goto(live_server.url + "/admin/articles/article/")

    assert response.status == 403
    expect(page.locator("#result_list")).to_have_count(0)


def test_practitioner_sees_the_demo_pages_and_gets_the_rich_text_editor(page, live_server):
    log_in(page, live_server, "practitioner", "practitioner-demo")

    page.goto(live_server.url + "/admin/articles/article/")
    titles = page.locator("#result_list tbody tr th a")
    expect(titles).to_have_count(len(content.ARTICLES))
    assert sorted(titles.all_inner_texts()) == sorted(a["title"] for a in content.ARTICLES)

    page.goto(live_server.url + "/admin/articles/guide/")
    titles = page.locator("#result_list tbody tr th a")
    expect(titles).to_have_count(len(content.GUIDES))
    assert sorted(titles.all_inner_texts()) == sorted(g["title"] for g in content.GUIDES)

    page.get_by_role("link", name="Leg Spasms and Cramping", exact=True).click()
    expect(page.get_by_role("heading", level=2, name="Leg Spasms and Cramping")).to_be_visible()
    editor = page.locator(".prose-editor").first
    expect(editor).to_be_visible()
    # The editor script replaced the plain textarea with a toolbar and an editable area.
    expect(editor.locator(".ProseMirror[contenteditable=true]")).to_be_visible()
    expect(editor.locator(".prose-menubar").get_by_role("button", name="bold")).to_be_visible()
    expect(editor.locator("textarea#id_body")).to_be_hidden()
    page.screenshot(path=SCREENSHOT, full_page=True)
