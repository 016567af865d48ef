"""The Wagtail site of a request, from the cache."""

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError

from wagtail.models import Site

from . import page_cache


class CachedSiteMiddleware:
    """Wagtail finds the site of every request with a query (hostname, port, default site)
    that costs more to build than to run; sites change a few times a year. The answer is
    kept per host and port under the page-cache version, which any site or page publish
    bumps, and put where ``Site.find_for_request`` looks first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            host = request.get_host()
        except DisallowedHost:  # Django answers it as usual
            return self.get_response(request)
        try:
            site = page_cache.cached("site", (host, request.get_port()), lambda: Site._find_for_request(request))
        except DatabaseError:  # the database is down: core.middleware answers that with its 503 page
            site = None
        if site is not None:
            request._wagtail_site = site
        return self.get_response(request)
