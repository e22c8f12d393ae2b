"""A practitioner prints a guide for a patient: a short, clean handout on US Letter paper."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from articles.models import Article

GUIDE_PATH = "/conditions/leg-spasms-and-cramping/"

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def printed(page, live_server):
    """The guide as the printer sees it (print media, Letter width)."""
    page.set_viewport_size({"width": 816, "height": 1056})
    page.goto(live_server.url + GUIDE_PATH)
    page.emulate_media(media="print")
    return page


def test_the_leg_spasms_guide_prints_on_at_most_four_letter_pages(printed):
    pdf = PdfReader(io.BytesIO(printed.pdf(format="Letter")))

    assert 1 <= len(pdf.pages) <= 4, len(pdf.pages)
    assert "Leg Spasms and Cramping" in pdf.pages[0].extract_text()


def test_the_handout_leaves_out_navigation_buttons_and_downloads(printed):
    for selector in (".site-nav", ".call-button", ".downloads", ".on-this-page", ".site-footer"):
        expect(printed.locator(selector).first).to_be_hidden()


def test_the_handout_starts_with_the_clinics_name_and_phone_and_ends_with_its_address(
    printed, live_server
):
    header = printed.locator(".site-header")
    expect(header).to_contain_text("Injury Medical Chiropractic and Functional Medicine Clinic")
    expect(header.locator(".print-only")).to_contain_text("Phone: +1-915-850-0900")
    expect(printed.locator(".page-address")).to_have_text(
        f"This page online: {live_server.url}{GUIDE_PATH}"
    )


def test_links_in_the_text_print_their_address_after_them(page, live_server):
    guide = Article.objects.get(slug="leg-spasms-and-cramping")
    guide.body += '<p><a href="https://example.org/sample-page">Sample link text</a></p>'
    guide.save()
    page.goto(live_server.url + GUIDE_PATH)
    page.emulate_media(media="print")

    link = page.get_by_role("link", name="Sample link text")
    after = link.evaluate("element => getComputedStyle(element, '::after').content")

    assert after == '" (https://example.org/sample-page)"'


def test_no_record_or_care_card_is_split_across_pages(printed):
    breaks = printed.locator(".record, .care-card, .callout, .references li").evaluate_all(
        "elements => elements.map(element => getComputedStyle(element).breakInside)"
    )
    assert breaks and set(breaks) == {"avoid"}, breaks
