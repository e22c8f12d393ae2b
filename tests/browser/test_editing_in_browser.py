"""Editing, publishing, previewing and history of a guide in the admin, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.helpers import log_in

GUIDE_SLUG = "leg-spasms-and-cramping"
GUIDE_PATH = f"/conditions/{GUIDE_SLUG}/"
DESKTOP = {"width": 1280, "height": 1000}
CONFLICT_SCREENSHOT = "/tmp/conflict.png"
COMPARE_SCREENSHOT = "/tmp/compare.png"

# Sample text typed into the summary by these tests: neutral wording, marked as sample.
FIRST_SAMPLE = "Sample summary text from the first editor (test only)."
SECOND_SAMPLE = "Sample summary text from the second editor (test only)."
HISTORY_SAMPLE = "Sample summary text for the history test (test only)."

pytestmark = pytest.mark.usefixtures("demo_site")


def guide():
    return Article.objects.get(slug=GUIDE_SLUG)


def change_url(live_server, article):
    return f"{live_server.url}/admin/articles/article/{article.pk}/change/"


def open_guide_as_practitioner(new_page, live_server, article):
    page = new_page()
    log_in(page, live_server, "practitioner", "practitioner-demo")
    page.goto(change_url(live_server, article))
    return page


def make_draft(**changes):
    Article.objects.filter(slug=GUIDE_SLUG).update(status=Article.Status.DRAFT, **changes)
    return guide()


def public_status(new_page, live_server):
    """The status an anonymous visitor gets for the guide's public page."""
    return new_page().goto(live_server.url + GUIDE_PATH).status


def test_second_editor_is_stopped_shown_the_first_change_and_keeps_their_text(
    new_page, live_server, django_user_model
):
    from django.contrib.auth.models import Group

    colleague = django_user_model.objects.create_user(
        "colleague", password="colleague-sample-pass", is_staff=True
    )
    colleague.groups.add(Group.objects.get(name="Practitioners"))
    article = guide()
    assert article.state == Article.State.PUBLISHED

    first = new_page()
    second = new_page()
    log_in(first, live_server, "practitioner", "practitioner-demo")
    log_in(second, live_server, "colleague", "colleague-sample-pass")
    for page in (first, second):
        page.set_viewport_size(DESKTOP)
        page.goto(change_url(live_server, article))
        expect(page.locator("textarea[name=summary]")).to_be_visible()

    save = "Save (updates the live page)"
    first.locator("textarea[name=summary]").fill(FIRST_SAMPLE)
    first.get_by_role("button", name=save, exact=True).click()
    expect(first.locator(".messagelist .success")).to_be_visible()
    assert guide().summary == FIRST_SAMPLE

    second.locator("textarea[name=summary]").fill(SECOND_SAMPLE)
    second.get_by_role("button", name=save, exact=True).click()
    refusal = second.locator(".errorlist.nonfield")
    expect(refusal).to_contain_text("while you were editing it")
    expect(refusal).to_contain_text("practitioner saved this record")
    expect(refusal).to_contain_text("They changed:")
    expect(refusal.locator("ul li", has_text="Summary")).to_contain_text(FIRST_SAMPLE)
    expect(second.locator("textarea[name=summary]")).to_have_value(SECOND_SAMPLE)
    expect(second.locator(".messagelist .success")).to_have_count(0)
    second.screenshot(path=CONFLICT_SCREENSHOT, full_page=True)
    assert guide().summary == FIRST_SAMPLE

    second.get_by_role("button", name=save, exact=True).click()
    expect(second.locator(".messagelist .success")).to_be_visible()
    expect(second.locator(".errorlist.nonfield")).to_have_count(0)
    assert guide().summary == SECOND_SAMPLE


def test_practitioner_publishes_a_draft_guide_and_the_public_page_appears(new_page, live_server):
    article = make_draft()
    assert public_status(new_page, live_server) == 404

    page = open_guide_as_practitioner(new_page, live_server, article)
    publish = page.get_by_role("button", name="Save and publish", exact=True)
    expect(publish).to_be_visible()
    expect(page.get_by_role("button", name="Save draft", exact=True)).to_be_visible()
    publish.click()

    expect(page.locator(".messagelist .success")).to_contain_text(
        "Published: patients can read it now."
    )
    expect(page.locator(".messagelist .error")).to_have_count(0)
    # The page is published now, so the buttons offer saving the live page and unpublishing.
    expect(page.get_by_role("button", name="Unpublish", exact=True)).to_be_visible()
    assert guide().state == Article.State.PUBLISHED
    assert public_status(new_page, live_server) == 200


def test_publishing_a_guide_without_a_reviewer_is_refused_and_it_stays_private(
    new_page, live_server
):
    article = make_draft(reviewer=None)
    page = open_guide_as_practitioner(new_page, live_server, article)

    page.get_by_role("button", name="Save and publish", exact=True).click()

    error = page.locator(".messagelist .error")
    expect(error).to_contain_text("Saved, but not published:")
    expect(error).to_contain_text("Choose a reviewer")
    expect(page.locator(".messagelist .success")).to_have_count(0)
    expect(page.get_by_role("button", name="Save and publish", exact=True)).to_be_visible()
    assert guide().state == Article.State.DRAFT
    assert public_status(new_page, live_server) == 404


def test_preview_link_shows_a_draft_to_staff_and_sends_the_public_to_log_in(new_page, live_server):
    article = make_draft()
    preview_path = f"/articles/preview/{article.pk}/"
    page = open_guide_as_practitioner(new_page, live_server, article)

    link = page.get_by_role("link", name="Preview", exact=True)
    expect(link).to_have_attribute("href", preview_path)
    with page.context.expect_page() as opened:
        link.click()
    preview = opened.value
    preview.wait_for_load_state()
    expect(preview).to_have_url(live_server.url + preview_path)
    banner = preview.locator(".status-banner")
    expect(banner).to_contain_text("Preview")
    expect(banner).to_contain_text("Draft")
    expect(preview.get_by_role("heading", level=1)).to_contain_text("Leg Spasms and Cramping")

    anonymous = new_page()
    response = anonymous.goto(live_server.url + preview_path)
    assert response.status == 200  # the login form, after the redirect
    expect(anonymous).to_have_url(re.compile(r"/admin/login/\?next=/articles/preview/\d+/$"))
    assert anonymous.url.endswith(f"next={preview_path}")
    expect(anonymous.locator(".status-banner")).to_have_count(0)
    expect(anonymous.get_by_label("Password")).to_be_visible()


def compare_demo_version_with_a_save(new_page, live_server, article, summary):
    """Save the guide once in the admin, then compare that save with the demo's version."""
    page = open_guide_as_practitioner(new_page, live_server, article)
    page.set_viewport_size(DESKTOP)
    page.locator("textarea[name=summary]").fill(summary)
    page.get_by_role("button", name="Save (updates the live page)", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto(f"{live_server.url}/admin/articles/guide/{article.pk}/history/")
    rows = page.locator("#change-history tbody tr")
    expect(rows).to_have_count(2)
    # Newest first: compare the demo version (second row) with the save (first row).
    rows.nth(1).get_by_role("radio", name="Compare from this version").check()
    rows.nth(0).get_by_role("radio", name="Compare to this version").check()
    page.get_by_role("button", name="Compare the two versions").click()
    expect(page).to_have_url(re.compile(r"/history/compare/\?(from|to)=\d+&(from|to)=\d+$"))
    return page, page.locator("#content-main table tbody tr")


def changed_row(page, changes, label):
    return changes.filter(has=page.get_by_role("rowheader", name=label, exact=True))


def test_history_compares_two_versions_and_shows_the_changed_field(new_page, live_server):
    article = guide()
    old_summary = article.summary
    page, changes = compare_demo_version_with_a_save(new_page, live_server, article, HISTORY_SAMPLE)

    summary_row = changed_row(page, changes, "Summary")
    expect(summary_row).to_have_count(1)
    expect(summary_row.locator("td").nth(0)).to_have_text(old_summary or "(empty)")
    expect(summary_row.locator("td").nth(1)).to_have_text(HISTORY_SAMPLE)
    # Only the summary was edited, so the title must not be listed as changed.
    expect(changed_row(page, changes, "Title")).to_have_count(0)
    page.screenshot(path=COMPARE_SCREENSHOT, full_page=True)


def test_compare_after_the_demo_load_lists_only_this_guides_own_changes(new_page, live_server):
    page, changes = compare_demo_version_with_a_save(new_page, live_server, guide(), HISTORY_SAMPLE)

    expect(changed_row(page, changes, "Summary")).to_have_count(1)
    for unrelated in ("Clinic profile", "Opening hours", "Articles", "Practitioners"):
        expect(changed_row(page, changes, unrelated)).to_have_count(0, timeout=1_000)
