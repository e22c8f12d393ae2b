from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.utils import translation

from articles import changes
from articles.pages import forget_built_pages
from clinic_site.demo.loader import load_demo


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """Tests change records in a transaction that never commits, so ``pages_changed`` is
    never sent and a kept page would not follow; the page cache's own tests turn it on and
    commit their changes (the ``page_cache`` and ``committed`` fixtures)."""
    settings.CLINIC_PAGE_CACHE = False


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production."""
    settings.CLINIC_PAGE_CACHE = True


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    forget_built_pages()
    yield
    cache.clear()
    forget_built_pages()


@pytest.fixture
def demo(db):
    """The shipped demo clinic, with its demo logins."""
    return load_demo(with_logins=True)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block run as its own committed transaction. A test runs inside one transaction,
    whose set-up already queued a batch of changes; start the block with a fresh one."""

    @contextmanager
    def block():
        changes._local.batch = None
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return block


@pytest.fixture
def practitioner(client, demo):
    """A test client logged in with the demo's practitioner login."""
    assert client.login(username="practitioner", password="practitioner-demo")
    return client


@pytest.fixture
def language_set_by_test(settings):
    """Pages keep the language a test sets with ``translation.override``, whatever the
    address: the middleware that sets it from the address is left out. For the interface's
    words on pages whose records have no Spanish yet (a page is public under /es/ only
    when all of it is in Spanish)."""
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if name != "clinic_site.language.LanguageFromAddress"
    ]


@pytest.fixture
def in_spanish(language_set_by_test):
    """Pages rendered in Spanish."""
    with translation.override("es"):
        yield
