"""The Wagtail site and page route of a request, from the cache."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http import Http404
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

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


class CachedRouteMiddleware:
    """Which page answers a path, kept under the page-cache version.

    Wagtail routes every request from the site's root: the active locale, the root's
    translation, then the pages on the path, each made specific (four queries or more,
    and the costliest Python of a page view). Any publish, unpublish, move or deletion
    bumps the version, so the answer is kept per site, language and path as
    ``(content type, page id, the rest of the path)``; a request then reads that one page
    and asks it to route the rest (a routable page's sub-path, or ``[]``). The page
    itself still decides: a page that is no longer live answers 404, and Wagtail's
    privacy checks run after routing as before. Not-found paths are never kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        site = getattr(request, "_wagtail_site", None)
        if site is None:
            return None
        path = view_kwargs["path"] if "path" in view_kwargs else (view_args[0] if view_args else "")
        try:
            target = page_cache.cached("route", (site.pk, get_language(), path), lambda: _route_target(request, path))
            # Just routed by Wagtail (nothing kept yet), or not worth keeping: Wagtail's routing stands.
            if target is not None and not hasattr(request, "_wagtail_route_for_request"):
                page = _kept_page(target)
                if page is not None:
                    request._wagtail_route_for_request = _route(page, request, target[2])
        except DatabaseError:  # the database is down: core.middleware answers that with its 503 page
            pass
        return None


def _route_target(request, path):
    """Route with Wagtail (its result stays on the request) and say where it led, or
    ``None`` when that is not worth keeping: not found, or a page whose place in the
    tree does not match the path (a custom ``route``)."""
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page = result[0]
    components = [component for component in path.split("/") if component]
    site_id = request._wagtail_site.pk
    for root in Site.get_site_root_paths():  # cached by Wagtail
        if root.site_id == site_id and page.url_path.startswith(root.root_path):
            own = [component for component in page.url_path[len(root.root_path) :].split("/") if component]
            break
    else:
        return None
    if components[: len(own)] != own:
        return None
    levels = len(own)
    return (page.content_type_id, page.pk, tuple(components[levels:]))


def _kept_page(target):
    """The specific page of a kept target; ``None`` if it has gone (Wagtail routes afresh)."""
    content_type_id, page_id, _rest = target
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    try:
        return model.objects.get(pk=page_id)
    except model.DoesNotExist:
        return None


def _route(page, request, rest):
    """The page's own routing of the rest of the path, as Wagtail's walk ends; ``None`` is a 404."""
    try:
        return page.route(request, list(rest))
    except Http404:
        return None
