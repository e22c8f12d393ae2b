"""A real headless Chromium (Debian's /usr/bin/chromium) for tests that drive the site.

No browser is ever downloaded: without /usr/bin/chromium these tests are skipped, or fail
when REQUIRE_BROWSER=1 (as CI sets it), so a missing browser cannot pass silently.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; without this Django refuses
# the database access that live_server and the fixtures make from that thread.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
BROWSER_DIR = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


def _no_browser(reason):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _no_browser(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh phone-sized contexts: ``new_page(java_script_enabled=False)``."""
    contexts = []

    def open_page(**options):
        context = browser.new_context(viewport=PHONE, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A page in a fresh phone-sized (390x844) browser context."""
    return new_page()


def _restore_staff_roles():
    """Put the staff groups back as clinic_site/roles.py defines them.

    transactional_db empties every table after each test, and the groups are data, so
    without this only the first browser test would find them (load_demo needs them).
    """
    from clinic_site.roles import sync_roles

    sync_roles()


@pytest.fixture(scope="module", autouse=True)
def _staff_roles_outlive_flushes(django_db_setup, django_db_blocker):
    """After a module's last flush, put the roles back for whichever tests come next."""
    yield
    with django_db_blocker.unblock():
        _restore_staff_roles()


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The demo clinic with its logins, committed so the live server's thread sees it."""
    from clinic_site.demo.loader import load_demo

    _restore_staff_roles()
    return load_demo(with_logins=True)
