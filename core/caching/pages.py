"""The anonymous whole-page cache.

A view declares that its response is the same for every anonymous visitor with
``public_page_cache`` (on the URL pattern, or on a page model's ``serve``): the response
then says ``Cache-Control: public`` with the page-cache timeout as ``s-maxage``. The
middleware keeps such responses in the configured cache (local memory, Redis in
production) under the cache version, the host, the path (which carries the language) and
the query string, and answers later anonymous requests from there.

One rule, ``is_shareable``, decides both: only GET and HEAD, no session or message
cookie, nobody signed in, no preview. Only 200s without cookies are stored; anything
else a view says about caching (``never_cache``, ``private``) wins.
"""

import hashlib
import logging
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import version

logger = logging.getLogger(__name__)

PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
NOT_SHARED = {"private", "no-cache", "no-store"}


def page_cache_timeout():
    return settings.PAGE_CACHE_TIMEOUT


def is_shareable(request):
    """Whether the response to ``request`` may be shown to every anonymous visitor."""
    user = getattr(request, "user", None)
    return (
        request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        # Wagtail marks its preview requests so (the draft must never reach visitors).
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
    )


def public_page_cache(view):
    """Declare a view's successful answers to anonymous visitors shareable (see the module docstring)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        # Asked before the view runs: Wagtail's ``Page.serve`` sets ``request.is_preview`` to False.
        shareable = is_shareable(request)
        response = view(request, *args, **kwargs)
        if shareable and response.status_code == 200 and not said_not_shared(response):
            patch_cache_control(response, public=True, max_age=0, s_maxage=page_cache_timeout())
            patch_vary_headers(response, ["Cookie"])
        return response

    return wrapped


def _directives(response):
    return {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}


def said_not_shared(response):
    """Whether the view itself said this answer is not to be shared (``private``, ``never_cache``)."""
    return bool(_directives(response) & NOT_SHARED)


def declared_public(response):
    return "public" in _directives(response) and not said_not_shared(response)


def cache_key(request, current_version):
    url = f"{request.get_host()}{request.get_full_path()}"
    return f"page-cache:{current_version}:{hashlib.sha256(url.encode()).hexdigest()}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not is_shareable(request):
            return self.get_response(request)
        current = version.current()
        if current is None:  # the cache is down: served uncached
            return self.get_response(request)
        key = cache_key(request, current)
        try:
            kept = cache.get(key)
        except Exception:
            logger.warning("Page cache unavailable", exc_info=True)
            kept = None
        if kept is not None:
            kept["X-Page-Cache"] = "hit"
            return kept
        response = self.get_response(request)
        if not declared_public(response):
            return response
        if response.cookies:
            # A response that sets a cookie is someone's own: no shared cache may keep it.
            patch_cache_control(response, private=True)
        elif response.status_code == 200 and is_shareable(request):
            response["X-Page-Cache"] = "miss"
            self.store(key, response)
        return response

    @staticmethod
    def store(key, response):
        def keep(rendered):
            try:
                cache.set(key, rendered, page_cache_timeout())
            except Exception:
                logger.warning("Page cache unavailable", exc_info=True)

        if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
            response.add_post_render_callback(keep)
        else:
            keep(response)
