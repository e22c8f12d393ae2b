"""A patient reading a guide on a 390 px phone: what to do is near the top, the phone
number stays at hand, links are big enough to press and focus is easy to see."""

import pytest
from playwright.sync_api import expect

from .conftest import PHONE

GUIDE_PATH = "/conditions/leg-spasms-and-cramping/"

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.fixture
def guide(page, live_server):
    page.goto(live_server.url + GUIDE_PATH)
    return page


def _top_in_page(locator):
    return locator.evaluate("element => element.getBoundingClientRect().top + window.scrollY")


def test_the_care_card_starts_within_the_first_two_screens_and_before_causes(guide):
    card = guide.locator(".care-card").first
    expect(card).to_contain_text("Routine: book an appointment")
    assert _top_in_page(card) < 2 * PHONE["height"]
    assert _top_in_page(card) < _top_in_page(guide.locator("#causes"))


def test_the_header_is_one_compact_row_with_the_clinic_name_on_one_line(guide):
    name = guide.locator(".site-name")
    line_height = name.evaluate("element => parseFloat(getComputedStyle(element).lineHeight)")
    name_box, header_box = name.bounding_box(), guide.locator(".site-header").bounding_box()
    assert name_box["height"] < 2 * line_height  # one line, however long the name
    assert header_box["height"] <= 0.1 * PHONE["height"], header_box


def test_the_call_button_stays_on_screen_while_reading_without_javascript(new_page, live_server):
    page = new_page(java_script_enabled=False)
    page.goto(live_server.url + GUIDE_PATH)
    call = page.locator(".site-header .call-button")
    page.locator("#treatments").scroll_into_view_if_needed()
    assert page.evaluate("window.scrollY") > PHONE["height"]

    box = call.bounding_box()  # relative to the viewport

    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    expect(call).to_have_attribute("href", "tel:+19158500900")


def test_the_sticky_header_covers_nothing_before_scrolling_nor_a_jumped_to_heading(guide):
    header_bottom = guide.locator(".site-header").bounding_box()["height"]
    assert guide.locator(".site-nav").bounding_box()["y"] >= header_bottom

    guide.get_by_role("link", name="Causes", exact=True).click()

    heading = guide.locator("#causes").bounding_box()
    assert heading["y"] >= guide.locator(".site-header").bounding_box()["height"], heading


def test_on_this_page_lists_the_guides_sections_in_order(guide):
    links = guide.locator(".on-this-page a")
    expect(links).to_have_text(["Symptoms", "When to get care", "Causes", "Treatment"])


def test_footer_and_reference_links_are_at_least_44px_tall(guide):
    links = guide.locator(".site-footer a, .references a")
    assert links.count() > 5
    heights = links.evaluate_all("links => links.map(link => link.getBoundingClientRect().height)")
    assert min(heights) >= 44, heights


def _contrast(first, second):
    def luminance(rgb):
        channels = [value / 255 for value in rgb]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rgb(css_color):
    return [int(part) for part in css_color[css_color.index("(") + 1 : -1].split(",")[:3]]


def _focus_outline_contrast(page, drawn_on):
    style = page.evaluate(
        "() => { const style = getComputedStyle(document.activeElement);"
        " return {color: style.outlineColor, width: parseFloat(style.outlineWidth),"
        " line: style.outlineStyle}; }"
    )
    behind = page.locator(drawn_on).evaluate("element => getComputedStyle(element).backgroundColor")
    assert style["line"] != "none" and style["width"] >= 2, style
    return _contrast(_rgb(style["color"]), _rgb(behind))


def test_keyboard_focus_outline_has_at_least_3_to_1_contrast_where_it_is_drawn(guide):
    guide.keyboard.press("Tab")  # the skip link
    guide.keyboard.press("Tab")
    assert guide.evaluate("document.activeElement.className") == "site-name"
    assert _focus_outline_contrast(guide, ".site-header") >= 3

    guide.locator(".on-this-page a").first.focus()  # after a key press: focus-visible
    assert _focus_outline_contrast(guide, "body") >= 3
