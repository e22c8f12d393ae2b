"""Django's Redis cache backend, keeping one redis-py client per connection pool.

Django's ``RedisCacheClient.get_client`` makes a new ``redis.Redis`` for every cache
operation, and redis-py 8 fills some 170 response callbacks into each: about 0.2 ms of CPU
per operation, more than the rest of answering a kept page (README, "Page cache"). A
client is safe to share between threads (its pool hands each command a connection), so
one is kept per pool. It leans on Django's private ``_get_connection_pool``;
``tests/clinic_site/test_redis_cache.py`` fails if an upgrade changes it.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ClinicRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with one client per pool."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
