"""A practitioner writes, cites, previews and publishes a new guide from one screen."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article, Guide
from tests.browser.helpers import log_in

DESKTOP = {"width": 1280, "height": 1000}

pytestmark = pytest.mark.usefixtures("demo_site")


def choose(page, field_id, typed, option):
    """Pick an existing record in one of the admin's autocomplete fields, by typing."""
    page.locator(f"#{field_id} + .select2").click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=option).first.click()


def test_a_new_guide_is_written_cited_and_published_in_one_try(new_page, live_server):
    page = new_page()
    page.set_viewport_size(DESKTOP)
    popups = []
    page.on("popup", lambda popup: popups.append(popup))
    log_in(page, live_server, "practitioner", "practitioner-demo")

    page.get_by_role("link", name="Guides", exact=True).first.click()
    page.get_by_role("link", name="Add guide").first.click()
    page.get_by_label("Title:").fill("Plantar fasciitis")
    page.get_by_label("What it is (the opening paragraph):").fill(
        "Sample text for a browser test, not clinical content."
    )

    body = page.locator(".prose-editor").filter(has=page.locator("textarea#id_body"))
    body.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type("Sample text that cites a source.")
    body.get_by_role("button", name="Cite a reference").click()
    dialog = page.get_by_role("dialog", name="Cite a reference")
    dialog.get_by_label("Search references by author, title, year or DOI").fill("Garrison")
    dialog.get_by_role("button", name=re.compile("^Garrison SR")).click()

    page.locator("#symptom_links-group .add-row a").click()  # "Add another symptom"
    choose(page, "id_symptom_links-0-symptom", "Sore", "Soreness")
    page.locator("#id_symptom_links-0-note").fill("Sample note for this condition.")

    choose(page, "id_reviewer", "Jimenez", "Dr. Alex Jimenez")
    page.locator("#id_last_reviewed").fill("2026-11-01")
    page.get_by_role("button", name="Save and publish").click()

    expect(page.locator(".messagelist")).to_contain_text("Published: patients can read it now.")
    guide = Guide.objects.get(slug="plantar-fasciitis")
    assert guide.state == Article.State.PUBLISHED
    assert guide.condition.name == "Plantar fasciitis"
    assert guide.condition.symptom_links.get().symptom.name == "Soreness"
    assert popups == []  # no pop-up window for records that already exist

    preview = page.get_by_role("link", name="Preview")
    expect(preview).to_be_visible()
    patient = new_page()
    patient.goto(f"{live_server.url}/conditions/plantar-fasciitis/")
    expect(patient.locator("h1")).to_have_text("Plantar fasciitis")
    expect(patient.locator("sup.cite").first).to_have_text("[1]")
    expect(patient.locator("#ref-1")).to_contain_text("Magnesium for skeletal muscle cramps")
    expect(patient.locator("#symptoms")).to_be_visible()
    expect(patient.get_by_text("Sample note for this condition.")).to_be_visible()
