"""A Redis cache that degrades to "no cache" when Redis is down, instead of failing requests.

Django's ``RedisCache`` raises ``redis.exceptions.ConnectionError`` on every call while
Redis is unreachable, which turns a cache outage into a site outage. Here every call
that fails on the connection is logged and answered as a cache miss (reads) or a no-op
(writes), so pages render uncached. After a failure the cache skips Redis for
``OUTAGE_RETRY_SECONDS`` (a top-level key of the cache's settings, 5 by default), so a
page that makes many cache calls does not wait for a time-out on each of them.

What degrades: anything that relies on the cache for correctness rather than speed.
``add`` answers "stored" during an outage, as if the value had been kept and evicted at
once (a cache may drop any key at any time): allauth's rate limits take their lock with
``add``, so they are skipped while Redis is away (they fail open, for people signing in)
and count again as soon as it is back. Sessions are in the database and are not
affected. ``/health/`` reports the cache as down.

Only the public methods of Django's cache API are wrapped (``get``, ``set``...): the
keys are made by Django as usual.

Django's Redis client builds a new redis-py ``Redis`` object for every call (about 100 µs:
its table of ~170 reply callbacks), and a page makes twenty calls. ``ReusedClientRedisCacheClient``
keeps one per process, as redis-py intends (a client is thread-safe; its pool holds the
connections). It is plugged in through ``RedisCache._class``, the one private name this module
touches, the hook Django's own comment in ``RedisCacheClient.get_client`` points custom clients
to; ``tests/core/test_redis_client.py`` fails if Django renames it.
"""

import logging
import time

import redis

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

#: Socket errors; not data errors, which are bugs.
OUTAGE_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, with one redis-py client kept for reads and one for writes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.clients = {}

    def get_client(self, key=None, *, write=False):
        # With several servers, a process keeps reading from the one replica it first drew.
        client = self.clients.get(write)
        if client is None:
            client = self.clients[write] = super().get_client(key, write=write)
        return client


class TolerantRedisCache(RedisCache):
    retry_after = 5.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self.retry_after = float(params.get("OUTAGE_RETRY_SECONDS", self.retry_after))
        self.down_until = 0.0

    @property
    def is_down(self):
        return time.monotonic() < self.down_until

    def tolerate(self, method, fallback, *args, **kwargs):
        if self.is_down:
            return fallback
        try:
            return getattr(super(), method)(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            self.down_until = time.monotonic() + self.retry_after
            logger.warning(
                "Cache unavailable (%s); serving without it (rate limits skipped) for %ss: %s",
                method,
                self.retry_after,
                error,
            )
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # "Stored": a False here would make allauth's rate-limit lock wait a second and refuse
        # every sign-in, sign-up and password reset (429) until Redis is back.
        return self.tolerate("add", True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self.tolerate("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.tolerate("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.tolerate("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self.tolerate("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self.tolerate("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self.tolerate("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # As if the key had just been created: counters restart from zero during an outage.
        return self.tolerate("incr", delta, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.tolerate("set_many", [], data, timeout, version)

    def delete_many(self, keys, version=None):
        return self.tolerate("delete_many", None, keys, version)

    def clear(self):
        return self.tolerate("clear", False)
