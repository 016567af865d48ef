"""A Redis cache that degrades to "no cache" when Redis is down, instead of failing requests.

Django's ``RedisCache`` raises ``redis.exceptions.ConnectionError`` on every call while
Redis is unreachable, which turns a cache outage into a site outage. Here every call
that fails on the connection is logged and answered as a cache miss (reads) or a no-op
(writes), so pages render uncached. After a failure the client skips Redis for
``OUTAGE_RETRY_SECONDS`` (a top-level key of the cache's settings, 5 by default), so a
page that makes many cache calls does not wait for a time-out on each of them.

What degrades: anything that relies on the cache for correctness rather than speed —
allauth's rate limits count nothing while Redis is away (they fail open). Sessions are
in the database and are not affected. ``/health/`` reports the cache as down.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property

logger = logging.getLogger(__name__)


class TolerantRedisCacheClient(RedisCacheClient):
    retry_after = 5.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._down_until = 0.0
        # ConnectionError and TimeoutError (socket errors); not data errors, which are bugs.
        self._outage_errors = (self._lib.exceptions.ConnectionError, self._lib.exceptions.TimeoutError)

    @property
    def is_down(self):
        return time.monotonic() < self._down_until

    def _call(self, method, fallback, *args):
        if self.is_down:
            return fallback
        try:
            return getattr(super(), method)(*args)
        except self._outage_errors as error:
            self._down_until = time.monotonic() + self.retry_after
            logger.warning("Cache unavailable (%s); serving without it: %s", method, error)
            return fallback

    def add(self, key, value, timeout):
        return self._call("add", False, key, value, timeout)

    def get(self, key, default):
        return self._call("get", default, key, default)

    def set(self, key, value, timeout):
        return self._call("set", None, key, value, timeout)

    def touch(self, key, timeout):
        return self._call("touch", False, key, timeout)

    def delete(self, key):
        return self._call("delete", False, key)

    def get_many(self, keys):
        return self._call("get_many", {}, keys)

    def has_key(self, key):
        return self._call("has_key", False, key)

    def incr(self, key, delta):
        # As if the key had just been created: counters restart from zero during an outage.
        return self._call("incr", delta, key, delta)

    def set_many(self, data, timeout):
        return self._call("set_many", None, data, timeout)

    def delete_many(self, keys):
        return self._call("delete_many", None, keys)

    def clear(self):
        return self._call("clear", False)


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._retry_after = float(params.get("OUTAGE_RETRY_SECONDS", TolerantRedisCacheClient.retry_after))

    @cached_property
    def _cache(self):
        client = TolerantRedisCacheClient(self._servers, **self._options)
        client.retry_after = self._retry_after
        return client
