"""The headless API: Wagtail 8's API v3 (django-ninja) at /api/v3/, with language-aware search and caching.

Wagtail's own ``api`` carries the routers: pages, sites, schema, whoami, and (registered by
wagtail.documents and wagtail.images when ``wagtail.api.v3`` is installed) documents and images,
which leave out anything in a collection whose view restriction the request does not pass.

This module is the API's URLconf (included by config.urls) and ``APIMiddleware``, which, for
paths under ``API_PREFIX`` only:
  - answers 400 to a NUL byte anywhere in the query string, rather than a database error, and
    to numbers past 64 bits or unknown filters on a listing (``config.api_query``);
  - reduces ``search`` to words, as the site search does (no FTS syntax errors);
  - activates the language of ``locale`` (French stemming for ``locale=fr``, English for
    ``locale=en``; the default language otherwise) while the view runs;
  - marks anonymous successful reads ``Cache-Control: public, max-age`` with an ``ETag``
    (``If-None-Match`` answers 304); requests with an ``Authorization`` header are never cached;
  - keeps the API's 404s JSON 404s (see ``APIMiddleware.__call__``);
  - gives every address it hands out (``html_url``, ``detail_url``, ``download_url``) at the
    site's public address (``core.public_address``), like emails, the sitemap and feeds.
"""

import json

from django.conf import settings
from django.db import DataError
from django.urls import path, re_path
from django.utils import translation
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.urls import api
from wagtail.models import Site

from core.public_address import public_base_url
from search.text import clean_query

from .api_query import query_problem

API_ROUTE = "api/v3/"
API_PREFIX = "/" + API_ROUTE
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}

# Wagtail builds its NinjaAPI with a fixed title and offers no setting for it.
api.title = "Coalition content API"
api.description = (
    "Read the coalition's public pages in French and English (and, with a bearer token, more). "
    "Pages: filter by `locale`, `type`, `child_of`, `translation_of`, full-text `search`. "
    "Documents and images: those outside private collections, with their download URL. "
    "Resources: the public ones, by `locale`, `kind` and full-text `search`. "
    "Every address in an answer is at the site's public address."
)


def not_found(request):
    return problem_response(status=404, detail="Not found")


urlpatterns = [
    # Ninja's own view at the API's root only raises an HTML 404 (it is there to be reversed).
    path(API_ROUTE, not_found),
    path(API_ROUTE, api.urls),
    # Any other path under the API that ends with a slash is the API's own 404 (without a slash,
    # CommonMiddleware first appends one), never a page of the site.
    re_path(rf"^{API_ROUTE}(?:.*/)?$", not_found),
]


def has_nul(query):
    return any("\x00" in key + value for key, values in query.lists() for value in values)


def request_language(request):
    locale = request.GET.get("locale")
    return locale if locale in LANGUAGE_CODES else settings.LANGUAGE_CODE


#: The fields in which Wagtail's API (and ours) hands out absolute addresses.
ADDRESS_FIELDS = {"html_url", "detail_url", "download_url"}


def _rebased(data, origins, public_base):
    if isinstance(data, list):
        return [_rebased(item, origins, public_base) for item in data]
    if not isinstance(data, dict):
        return data
    rebased = {}
    for key, value in data.items():
        if key in ADDRESS_FIELDS and isinstance(value, str):
            origin = next((origin for origin in origins if value.startswith(origin + "/")), None)
            if origin:
                value = public_base + value.removeprefix(origin)
            elif value.startswith("/") and not value.startswith("//"):  # an image's file: a path
                value = public_base + value
            rebased[key] = value
        else:
            rebased[key] = _rebased(value, origins, public_base)
    return rebased


def at_public_address(request, response):
    """Wagtail builds pages' and files' addresses from the Site record (``http://localhost``) or
    the request's host, and has no setting for a page's ``html_url``; an image's is a bare path.
    The answer's addresses on those origins, and paths, are given at the public address. Other
    origins (a media CDN) are left alone."""
    if response.status_code not in (200, 201) or response.streaming or "json" not in response.get("Content-Type", ""):
        return response
    origins = {path.root_url for path in Site.get_site_root_paths()} | {request.build_absolute_uri("/").rstrip("/")}
    public_base = public_base_url(request)
    data = json.loads(response.content)
    rebased = _rebased(data, origins - {public_base}, public_base)
    if rebased != data:
        response.content = json.dumps(rebased).encode()
        if response.has_header("Content-Length"):  # CommonMiddleware, inside this one, set it
            response["Content-Length"] = str(len(response.content))
    return response


def add_cache_headers(request, response):
    if "HTTP_AUTHORIZATION" in request.META:
        # Token holders may read drafts: nothing of theirs is kept by a browser or a shared cache.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response
    patch_vary_headers(response, ["Authorization"])
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.streaming:
        return response
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    if not response.has_header("ETag"):
        set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


class APIMiddleware:
    """The API's extras around Wagtail's views, for paths under ``API_PREFIX``; after LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        # Wagtail's API routes GET only; HEAD (offered by CORS, used by monitors and caches) is the
        # GET without its body, with the same headers.
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        if has_nul(request.GET):
            response = problem_response(status=400, detail="The query string contains a NUL character.")
        elif (problem := query_problem(request, API_PREFIX)) is not None:
            response = problem
        else:
            if "search" in request.GET:
                query = request.GET.copy()
                query["search"] = clean_query(query["search"])[0]
                request.GET = query
            with translation.override(request_language(request)):
                response = at_public_address(request, self.get_response(request))
        # LocaleMiddleware turns a 404 into a redirect to /fr/<path> when that path resolves, and
        # Wagtail's catch-all resolves every path. This URLconf has no language prefix: no redirect.
        request.urlconf = __name__
        response = add_cache_headers(request, response)
        if head:
            request.method = "HEAD"
            response.content = b""
        return response

    def process_exception(self, request, exception):
        # A value the database refuses (out of range, malformed) is the request's fault: say so in JSON.
        if request.path_info.startswith(API_PREFIX) and isinstance(exception, DataError):
            return problem_response(status=400, detail="A value in the request is out of range or malformed.")
        return None
