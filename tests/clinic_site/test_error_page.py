"""The 500 page gives patients the clinic's number even when the database is down."""

import pytest
from django.test import Client

from clinic_site.models import ClinicProfile
from clinic_site.views import server_error

pytestmark = pytest.mark.django_db

DEMO_PHONE_LINK = 'href="tel:+19158500900"'


def test_error_page_shows_the_phone_from_the_cache_with_the_database_blocked(
    rf, demo, django_db_blocker
):
    Client().get("/")  # any page reads the clinic's details into the cache
    with django_db_blocker.block():
        response = server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert DEMO_PHONE_LINK in html
    assert "+1-915-850-0900" in html


def test_error_page_keeps_the_number_after_the_page_cache_expires(rf, demo, django_db_blocker):
    from django.core.cache import cache

    from clinic_site.selectors import CLINIC_DETAILS_CACHE_KEY

    Client().get("/")
    cache.delete(CLINIC_DETAILS_CACHE_KEY)  # as its one-hour timeout would
    with django_db_blocker.block():
        html = server_error(rf.get("/")).content.decode()
    assert DEMO_PHONE_LINK in html


def test_error_page_shows_a_changed_number_once_any_page_has_been_served(rf, demo):
    Client().get("/")
    profile = ClinicProfile.load()
    profile.phone = "+1 (915) 555-0100"
    profile.save()
    Client().get("/contact/")
    html = server_error(rf.get("/")).content.decode()
    assert 'href="tel:+19155550100"' in html
    assert "850-0900" not in html


def test_error_page_without_a_cached_number_still_renders(rf, demo, django_db_blocker):
    with django_db_blocker.block():
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "please call the clinic" in response.content.decode()


def test_error_page_renders_when_the_cache_is_down_too(rf, settings, django_db_blocker):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    with django_db_blocker.block():
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
