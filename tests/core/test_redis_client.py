"""The Redis cache keeps one redis-py client per process instead of building one for every call."""

import os

import pytest

from django.core.cache import cache
from django.test import override_settings

from core.caching.backends import ReusedClientRedisCacheClient


@pytest.fixture
def redis_cache():
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:1/0"  # no server needed to build a client
    caches = {"default": {"BACKEND": "core.caching.backends.TolerantRedisCache", "LOCATION": url}}
    with override_settings(CACHES=caches):
        yield cache


def test_the_cache_plugs_in_the_reusing_client(redis_cache):
    # Django's hook for a custom client (``RedisCache._class``): fails here if Django renames it.
    assert isinstance(redis_cache._cache, ReusedClientRedisCacheClient)


def test_one_client_serves_every_read_and_one_every_write(redis_cache):
    client = redis_cache._cache
    assert client.get_client("a") is client.get_client("b")
    assert client.get_client("a", write=True) is client.get_client("b", write=True)


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a live Redis (REDIS_URL)")
def test_values_go_through_the_kept_client(redis_cache):
    redis_cache.set("reused-client-check", {"value": 1}, 5)
    assert redis_cache.get("reused-client-check") == {"value": 1}
    redis_cache.delete("reused-client-check")
