"""The Redis cache backend keeps one client per connection pool (clinic_site/redis_cache.py)."""

import os

import pytest
from django.core.cache.backends.redis import RedisCacheClient

from clinic_site.redis_cache import ClinicRedisCache


def backend(location="redis://127.0.0.1:6379/0"):
    return ClinicRedisCache(location, {})


def test_every_operation_uses_the_same_client():
    """Django's own backend makes a new one per operation (checked here, so an upgrade that
    stops doing so, or renames what we lean on, fails this test)."""
    clients = backend()._cache

    assert clients.get_client() is clients.get_client()
    assert clients.get_client(write=True) is clients.get_client()
    django_clients = RedisCacheClient(["redis://127.0.0.1:6379/0"])
    assert django_clients.get_client() is not django_clients.get_client()


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis (REDIS_URL)")
def test_the_shared_client_stores_and_reads_values():
    cache = backend(os.environ["REDIS_URL"])
    cache.set("redis-cache-test", {"phone": "+1-915-555-0100"}, 30)

    assert cache.get_many(["redis-cache-test", "missing"]) == {
        "redis-cache-test": {"phone": "+1-915-555-0100"}
    }
    cache.delete("redis-cache-test")
