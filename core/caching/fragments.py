"""Values the layout repeats on every page (menu, language links, a group's navigation),
kept under the cache version. Template fragments use ``{% wagtailcache %}`` keyed by the
language and ``{% fragment_version %}`` (home/templatetags/navigation_tags.py)."""

import hashlib
import logging

from django.core.cache import cache

from . import version

logger = logging.getLogger(__name__)

#: Fragments expire after an hour even without a bump (the templates' cache tags say 3600 too).
FRAGMENT_TIMEOUT = 3600


def cached(name, parts, compute, timeout=FRAGMENT_TIMEOUT):
    """``compute()``, kept under ``name`` and ``parts`` until the next bump.

    ``parts`` must hold everything the value depends on (language, site, page...).
    Computed afresh, and not stored, while the cache is down.
    """
    current = version.current()
    if current is None:
        return compute()
    digest = hashlib.sha256(repr(tuple(parts)).encode()).hexdigest()[:32]
    return get_or_compute(f"fragment:{current}:{name}:{digest}", compute, timeout)


def get_or_compute(key, compute, timeout):
    """The cached value under ``key``, else ``compute()`` stored there (unless ``None``,
    which the cache could not tell from a miss); while the cache is down, ``compute()``
    every time: an outage slows pages, never breaks them."""
    try:
        value = cache.get(key)
    except Exception:
        logger.warning("Cache unavailable: %s computed afresh", key, exc_info=True)
        return compute()
    if value is None:
        value = compute()
        if value is None:
            return value
        try:
            cache.set(key, value, timeout)
        except Exception:
            logger.warning("Cache unavailable: %s not stored", key, exc_info=True)
    return value
