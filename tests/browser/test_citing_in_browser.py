"""Citing a reference from the rich-text toolbar, with no database id, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from references.models import Citation
from tests.browser.helpers import log_in

ARTICLE_SLUG = "pelvic-and-lower-extremity-imbalances-can-lead-to-scoliosis"
GARRISON_DOI = "10.1002/14651858.CD009402.pub2"
LUO_DOI = "10.1002/14651858.CD010655.pub3"
DESKTOP = {"width": 1280, "height": 1000}
DIALOG_SCREENSHOT = "/tmp/cite-dialog.png"

pytestmark = pytest.mark.usefixtures("demo_site")


def cite_dialog(page):
    return page.get_by_role("dialog", name="Cite a reference")


def test_practitioner_cites_by_searching_and_patients_see_numbered_superscripts(
    new_page, live_server
):
    garrison = Citation.objects.get(doi=GARRISON_DOI)
    luo = Citation.objects.get(doi=LUO_DOI)
    article = Article.objects.get(slug=ARTICLE_SLUG)
    assert "[cite:" not in article.body

    page = new_page()
    page.set_viewport_size(DESKTOP)
    log_in(page, live_server, "practitioner", "practitioner-demo")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    body_editor = page.locator(".prose-editor").filter(has=page.locator("textarea#id_body"))
    text = body_editor.locator(".ProseMirror[contenteditable=true]")
    text.get_by_text("In optimum upright human posture").click()
    page.keyboard.press("Control+End")  # the cursor at the end of the text

    # Keyboard only: open the control, search, arrow down to the match, Enter picks it.
    cite = body_editor.get_by_role("button", name="Cite a reference")
    cite.focus()
    page.keyboard.press("Enter")
    dialog = cite_dialog(page)
    expect(dialog).to_be_visible()
    search = dialog.get_by_label("Search references by author, title, year or DOI")
    expect(search).to_be_focused()
    search.fill("Garrison")
    match = dialog.get_by_role(
        "button",
        name="Garrison SR et al · 2012 · Magnesium for skeletal muscle cramps · "
        "Cochrane Database Syst Rev",
    )
    expect(match).to_be_visible()
    expect(dialog.get_by_role("listitem")).to_have_count(1)
    page.screenshot(path=DIALOG_SCREENSHOT)
    page.keyboard.press("ArrowDown")
    expect(match).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_have_count(0)
    expect(text).to_contain_text(f"the original function of the spine.[cite:{garrison.pk}]")

    # Escape closes the dialog and changes nothing.
    cite.click()
    expect(cite_dialog(page)).to_be_visible()
    page.keyboard.press("Escape")
    expect(cite_dialog(page)).to_have_count(0)
    expect(text).to_contain_text(f"the original function of the spine.[cite:{garrison.pk}]")

    # A second pick right after a marker joins it, as [cite:3,7].
    cite.click()
    cite_dialog(page).get_by_label("Search references by author, title, year or DOI").fill(
        "leg cramps pregnancy 2020"
    )
    cite_dialog(page).get_by_role("button", name=re.compile(r"^Luo L et al · 2020")).click()
    expect(text).to_contain_text(f"[cite:{garrison.pk},{luo.pk}]")

    page.get_by_role("button", name="Save (updates the live page)", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    saved = Article.objects.get(pk=article.pk).body
    assert f"the original function of the spine.[cite:{garrison.pk},{luo.pk}]</p>" in saved

    patient = new_page()
    patient.goto(f"{live_server.url}/articles/{ARTICLE_SLUG}/")
    superscript = patient.locator("sup.cite").first
    expect(superscript).to_have_text("[1,2]")
    expect(superscript.get_by_role("link", name="1")).to_have_attribute("href", "#ref-1")
    expect(patient.locator("#ref-1")).to_contain_text("Magnesium for skeletal muscle cramps")
    expect(patient.locator("#ref-2")).to_contain_text("Interventions for leg cramps in pregnancy")
