"""A patient on a phone reading the leg spasms guide, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

GUIDE_PATH = "/conditions/leg-spasms-and-cramping/"
SCREENSHOT = "/tmp/guide-phone.png"

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def guide_url(live_server):
    return live_server.url + GUIDE_PATH


def test_guide_shows_its_sections_a_callable_phone_link_and_a_doi_link(page, guide_url):
    response = page.goto(guide_url)

    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Leg Spasms and Cramping")
    expect(page.get_by_role("heading", level=2, name="Causes", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="References", exact=True)).to_be_visible()
    expect(page.locator('a[href="tel:+19158500900"]').first).to_be_visible()
    doi_link = page.locator(".references").get_by_role("link", name="10.1371/journal.pone.0227497")
    expect(doi_link).to_have_attribute("href", "https://doi.org/10.1371/journal.pone.0227497")
    page.screenshot(path=SCREENSHOT, full_page=True)


def test_guide_does_not_scroll_sideways_on_a_390px_phone(page, guide_url):
    page.goto(guide_url)

    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth,"
        " client: document.documentElement.clientWidth})"
    )

    assert widths["client"] == 390
    assert widths["scroll"] <= widths["client"], widths


def test_guide_lists_symptoms_with_javascript_disabled(new_page, guide_url):
    page = new_page(java_script_enabled=False)

    page.goto(guide_url)

    symptoms = page.locator("section[aria-labelledby=symptoms] .record-list li")
    expect(symptoms).to_have_count(5)
    expect(symptoms.first).to_contain_text("Soreness")
    expect(page.get_by_role("heading", level=2, name="Symptoms", exact=True)).to_be_visible()


def test_unknown_guide_shows_the_sites_404_page(page, live_server):
    response = page.goto(live_server.url + "/conditions/no-such-condition/")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We could not find that page")
    expect(page.get_by_role("link", name=re.compile("Browse conditions A to Z"))).to_be_visible()
