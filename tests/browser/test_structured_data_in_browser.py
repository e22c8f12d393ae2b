"""JSON-LD is data, not script: under the public pages' CSP (script-src 'none') Chromium
reports no violation and no console error, and the blocks stay readable from the DOM."""

import json

import pytest

pytestmark = pytest.mark.usefixtures("demo_site")

VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""
PAGES = [
    "/",
    "/contact/",
    "/conditions/leg-spasms-and-cramping/",
    "/articles/pelvic-and-lower-extremity-imbalances-can-lead-to-scoliosis/",
]


def test_json_ld_raises_no_csp_violation_or_console_error(page, live_server):
    console_errors = []
    page.on(
        "console", lambda message: message.type == "error" and console_errors.append(message.text)
    )
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    page.add_init_script(VIOLATIONS)
    for path in PAGES:
        response = page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        assert "script-src 'none'" in response.headers["content-security-policy"]
        assert page.evaluate("window.__violations") == [], path
        blocks = page.eval_on_selector_all(
            'script[type="application/ld+json"]', "scripts => scripts.map(s => s.textContent)"
        )
        types = {json.loads(block)["@type"] for block in blocks}
        assert "MedicalClinic" in types, path
        if path.startswith(("/conditions/", "/articles/")):
            assert "MedicalWebPage" in types, path
    assert console_errors == []


def test_favicon_is_served(page, live_server):
    response = page.goto(live_server.url + "/favicon.ico")
    assert response.status == 200
    assert response.headers["content-type"] in ("image/x-icon", "image/vnd.microsoft.icon")
