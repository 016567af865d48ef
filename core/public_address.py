"""The site's public address: the one owner of every absolute link the site hands out.

``SITE_URL`` (from the environment; production refuses to start without it) wins, so a
forged Host header or a background task never changes where a link points. Without it
(development), the address the request came in on, else ``WAGTAILADMIN_BASE_URL``.
"""

from urllib.parse import urlsplit

from django.conf import settings


def public_base_url(request=None):
    """``scheme://host[:port]`` of the public site, without a trailing slash."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def public_url(path, request=None):
    """The absolute address of ``path`` (a path such as ``reverse()`` gives, or an absolute URL)."""
    if urlsplit(path).netloc:
        return path
    return public_base_url(request) + "/" + path.lstrip("/")


def site_url_problem(value):
    """Why ``value`` cannot be the public address, or None when it can."""
    if not value:
        return "SITE_URL is not set"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"SITE_URL must be an absolute http(s) address such as https://example.org, not {value!r}"
    if parts.path.strip("/") or parts.query or parts.fragment:
        return f"SITE_URL is the site's address without a path, query or fragment, not {value!r}"
    return None
