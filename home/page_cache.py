"""Whole-page caching of Wagtail pages for anonymous visitors.

Pages opt in from ``BasePage.serve`` (a Wagtail page served to an anonymous visitor,
not a preview); the middleware stores those responses in the configured cache
(local memory by default, Redis in production), keyed by host, path (which carries
the language) and query string. Requests that carry a session or message cookie are
never answered from the cache, and responses that set a cookie are never stored.

Invalidation is deliberately coarse: any publish, unpublish, move or deletion of a
page, and any change to a snippet or site, bumps one version number that is part of
every key. Editors publish a few times a day and visitors read all day long, so a
site-wide refresh costs little and can never leave a listing, a translation or a
menu showing stale content.

The same version keys the fragments that every page repeats (main menu, footer,
language links, breadcrumbs, a group's resources for anonymous visitors): they are
computed once per language (and per page where they depend on it) and refreshed by
the same bump, so a published page or an edited footer shows at once in both
languages. (The locales and view restrictions of ``home/lookups.py`` change more
rarely and have their own keys.)
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, patch_vary_headers

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"
CACHEABLE_ATTRIBUTE = "_anonymous_page_cacheable"
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def page_cache_timeout():
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 300)


def mark_cacheable(request, response):
    """Called by pages: this response is the same for every anonymous visitor."""
    if request.method in ("GET", "HEAD") and not getattr(request, "is_preview", False):
        if not request.user.is_authenticated:
            setattr(response, CACHEABLE_ATTRIBUTE, True)
    return response


def _fresh_version():
    # A lost version (evicted from a full cache, Redis restarted) must not start again
    # at a number whose keys may still be stored: start from the clock instead.
    return time.time_ns() // 1000


def _version():
    try:
        return cache.get_or_set(VERSION_KEY, _fresh_version, timeout=None)
    except Exception:  # a cache outage serves pages uncached rather than failing them
        logger.warning("Page cache unavailable", exc_info=True)
        return None


def invalidate_all(**kwargs):
    """Every cached page becomes stale at once (see the module docstring)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _fresh_version(), timeout=None)
    except Exception:
        logger.warning("Page cache could not be invalidated", exc_info=True)


#: Fragments expire after an hour even without a bump (the templates' cache tags say 3600 too).
FRAGMENT_TIMEOUT = 3600


def version():
    """The current version, for fragment keys (``None`` while the cache is down)."""
    return _version()


def cached(name, parts, compute, timeout=None):
    """``compute()``, kept in the cache under ``name`` and ``parts`` until the next bump.

    ``parts`` must hold everything the value depends on (language, site, page...).
    Computed afresh, and not stored, while the cache is down.
    """
    current = _version()
    if current is None:
        return compute()
    digest = hashlib.sha256(repr(tuple(parts)).encode()).hexdigest()[:32]
    return get_or_compute(
        f"fragment:{current}:{name}:{digest}", compute, FRAGMENT_TIMEOUT if timeout is None else timeout
    )


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


def _key(request, version):
    url = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page-cache:{version}:{digest}"


def _is_anonymous_request(request):
    return request.method in ("GET", "HEAD") and not any(name in request.COOKIES for name in PERSONAL_COOKIES)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not _is_anonymous_request(request):
            return self.get_response(request)
        version = _version()
        if version is None:
            return self.get_response(request)
        key = _key(request, version)
        try:
            cached = cache.get(key)
        except Exception:
            logger.warning("Page cache unavailable", exc_info=True)
            cached = None
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._storable(response):
            response["X-Page-Cache"] = "miss"
            patch_cache_control(response, public=True, max_age=0, s_maxage=page_cache_timeout())
            patch_vary_headers(response, ["Cookie"])
            try:
                if hasattr(response, "render") and callable(response.render):
                    response.add_post_render_callback(lambda r: cache.set(key, r, page_cache_timeout()))
                else:
                    cache.set(key, response, page_cache_timeout())
            except Exception:
                logger.warning("Page cache unavailable", exc_info=True)
        return response

    @staticmethod
    def _storable(response):
        return (
            getattr(response, CACHEABLE_ATTRIBUTE, False)
            and response.status_code == 200
            and not response.cookies
            and not response.has_header("Cache-Control")
        )
