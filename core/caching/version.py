"""The cache version: part of every page and fragment key, bumped on any content change.

Invalidation is deliberately coarse: editors publish a few times a day and visitors read
all day long, so a site-wide refresh costs little and can never leave a listing, a
translation or a menu stale.
"""

import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"


def fresh_version():
    # A lost version (evicted, Redis restarted) must not start again at a number whose
    # keys may still be stored: start from the clock instead.
    return time.time_ns() // 1000


def current():
    """The current version, or ``None`` while the cache is down (pages are then served uncached)."""
    try:
        return cache.get_or_set(VERSION_KEY, fresh_version, timeout=None)
    except Exception:
        logger.warning("Page cache unavailable", exc_info=True)
        return None


def bump():
    """Every cached page and fragment becomes stale at once."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, fresh_version(), timeout=None)
    except Exception:
        logger.warning("Page cache could not be invalidated", exc_info=True)
