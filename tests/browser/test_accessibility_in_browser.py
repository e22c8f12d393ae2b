"""Every public page passes axe-core's WCAG 2.2 AA rules in Chromium and the Nu HTML Checker.

Both checkers come from node_modules, installed by `make` from package-lock.json at exact
versions: nothing is fetched while the tests run.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conditions.models import Condition, RedFlag

from .public_pages import PUBLIC_PAGES

pytestmark = pytest.mark.usefixtures("demo_site")

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _installed(path):
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make node_modules/.installed` (npm ci)", False)
    return path


@pytest.fixture
def audit_page(browser):
    """A phone-sized page that lets axe's injected script run: public pages forbid every
    script by their CSP, so only this audit context bypasses it."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    yield context.new_page()
    context.close()


def _violations(page):
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
    ]


def test_every_public_page_has_no_wcag_22_aa_violations(audit_page, live_server):
    axe = _installed(AXE)
    found = {}
    for name, path in PUBLIC_PAGES.items():
        audit_page.goto(live_server.url + path)
        audit_page.add_script_tag(path=str(axe))
        if violations := _violations(audit_page):
            found[name] = violations
    assert found == {}


def test_care_cards_of_every_level_have_no_wcag_22_aa_violations(audit_page, live_server):
    axe = _installed(AXE)
    condition = Condition.objects.get(slug="leg-spasms-and-cramping")
    RedFlag.objects.create(condition=condition, text="a sample sign, not clinical content")
    found = {}
    for level in Condition.Urgency.values:
        condition.care_urgency = level
        condition.save()  # through the change signal, as an edit in the admin
        audit_page.goto(live_server.url + PUBLIC_PAGES["a guide"])
        assert audit_page.locator(f".care-card--{level}").count() == 1
        audit_page.add_script_tag(path=str(axe))
        if violations := _violations(audit_page):
            found[level] = violations
    assert found == {}


def test_axe_finds_a_violation_when_there_is_one(audit_page, live_server):
    """The audit is real: an image without a text alternative is reported."""
    audit_page.goto(live_server.url + PUBLIC_PAGES["home"])
    audit_page.evaluate(
        "() => document.querySelector('main').append(Object.assign("
        "document.createElement('img'), {src: '/static/none.png'}))"
    )
    audit_page.add_script_tag(path=str(_installed(AXE)))
    assert any(violation.startswith("image-alt") for violation in _violations(audit_page))


def _vnu_errors(paths):
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: the Nu HTML Checker needs Java 11 or newer", False)
    result = subprocess.run(
        [java, "-jar", str(_installed(VNU)), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{Path(message['url']).name}:{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]


def test_every_public_page_is_valid_html(page, live_server, tmp_path):
    files = []
    for name, path in PUBLIC_PAGES.items():
        response = page.goto(live_server.url + path)
        file = tmp_path / (name.replace(" ", "-") + ".html")
        file.write_bytes(response.body())  # the HTML as served, not the browser's DOM
        files.append(file)
    assert _vnu_errors(files) == []


def test_the_html_checker_reports_an_error_when_there_is_one(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text("<!doctype html><html lang=en><title>x</title><p><div></p>")
    assert _vnu_errors([broken]) != []
