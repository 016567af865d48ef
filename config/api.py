"""The headless API: Wagtail 8's API v3 (django-ninja) at /api/v3/, with language-aware search and caching.

Wagtail's own ``api`` singleton carries the routers: pages, sites, schema, whoami, and (registered
by wagtail.documents and wagtail.images when ``wagtail.api.v3`` is installed) documents and images,
which leave out anything in a collection whose view restriction the request does not pass.

What this module adds: every API view is wrapped (``api_view``) so that
  - the text-search configuration follows the ``locale`` parameter (French stemming for
    ``locale=fr``, English for ``locale=en``; the default language otherwise);
  - the ``search`` parameter is reduced to words, as in the site search (no FTS syntax errors);
  - a NUL byte anywhere in the query string is a 400, not a database error;
  - anonymous successful reads get ``Cache-Control: public, max-age`` and an ``ETag``
    (``If-None-Match`` answers 304); requests with an ``Authorization`` header never are cached.
"""

from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.urls import URLPattern, URLResolver, path
from django.utils import translation
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from wagtail.api.v3.urls import api

from search.text import clean_query

api.title = "Coalition content API"
api.description = (
    "Read the coalition's public pages in French and English (and, with a bearer token, more). "
    "Pages: filter by `locale`, `type`, `child_of`, `translation_of`, full-text `search`. "
    "Documents and images: those outside private collections, with their download URL."
)

# --- Language, odd input, caching ------------------------------------------------------------

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def api_view(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if any("\x00" in key + value for key, values in request.GET.lists() for value in values):
            return JsonResponse(
                {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "NUL characters."},
                status=400,
                content_type="application/problem+json",
            )
        if "search" in request.GET:
            params = request.GET.copy()
            params["search"] = clean_query(params["search"])[0]
            request.GET = params
        locale = request.GET.get("locale")
        language = locale if locale in LANGUAGE_CODES else settings.LANGUAGE_CODE
        with translation.override(language):
            response = view(request, *args, **kwargs)
        # LocaleMiddleware turns any 404 outside i18n_patterns into a redirect to /fr/<path> when
        # that path resolves, and Wagtail's catch-all resolves everything: an API client asking for
        # a missing page would get a 302 to an HTML page. Pointing LocaleMiddleware at the API's own
        # URLconf (no language prefixes) keeps the API's 404 a 404.
        request.urlconf = __name__
        return add_cache_headers(request, response)

    return wrapped


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


def wrap_patterns(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            wrap_patterns(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            pattern.callback = api_view(pattern.callback)
    return patterns


_api_patterns, _app_name, _namespace = api.urls
urlpatterns = [path("api/v3/", (wrap_patterns(_api_patterns), _app_name, _namespace))]
