"""Site-wide views that live outside the language prefix: health, robots, sitemap."""

import logging
import threading
from collections import defaultdict
from contextlib import nullcontext

from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections, transaction
from django.db.models import Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from wagtail.models import Page, Site

from core.public_address import public_url
from home.head import hreflang_alternates
from home.visibility import publicly_listed
from resources.models import Resource
from resources.views import language_alternates

logger = logging.getLogger(__name__)


#: Seconds /health/ waits for the database: a load balancer's probe must be answered quickly
#: whatever hangs (a new connection, the server, or the worker's kept connection).
HEALTH_DATABASE_SECONDS = 2
#: Milliseconds its query may take on PostgreSQL, well under the site's own statement timeout.
HEALTH_STATEMENT_TIMEOUT_MS = 1000


def _query_database():
    # A transaction only where the bound needs one: SQLite would take its write lock for it.
    bounded = connection.vendor == "postgresql"
    try:
        with transaction.atomic() if bounded else nullcontext(), connection.cursor() as cursor:
            if bounded:
                # Local to this transaction: the connection keeps the site's timeout afterwards.
                cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(HEALTH_STATEMENT_TIMEOUT_MS)])
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: the database does not answer")
        return False
    finally:
        connections.close_all()  # this thread's own connection
    return True


def _database_answers():
    """Asked from a thread of its own, on a connection of its own, waited for at most
    ``HEALTH_DATABASE_SECONDS``: psycopg has no client-side time-out, so a connection the worker
    kept from before a database froze would otherwise hold the probe until the worker is killed.
    A thread left waiting ends with its connection attempt (DATABASE_CONNECT_TIMEOUT)."""
    answers = []
    probe = threading.Thread(target=lambda: answers.append(_query_database()), daemon=True)
    probe.start()
    probe.join(HEALTH_DATABASE_SECONDS)
    if not answers:
        logger.error("Health check: the database did not answer within %s s", HEALTH_DATABASE_SECONDS)
        return False
    return answers[0]


def _cache_answers():
    try:
        cache.set("health-check", "ok", timeout=10)
        return cache.get("health-check") == "ok"
    except Exception:
        logger.exception("Health check: the cache does not answer")
        return False


@never_cache
@require_GET
def health(request):
    """200 when the database (and a configured shared cache) answers, 503 otherwise."""
    checks = {"database": "ok" if _database_answers() else "down"}
    if settings.REDIS_URL:
        checks["cache"] = "ok" if _cache_answers() else "down"
    else:
        checks["cache"] = "not configured"
    healthy = "down" not in checks.values()
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks},
        status=200 if healthy else 503,
    )


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "sitemap_url": public_url(reverse("sitemap"), self.request)}


def _entry(location, lastmod, links, request):
    """One <url> of the sitemap: its alternates are the hreflang links its page's <head> has (home.head)."""
    return {
        "location": public_url(location, request),
        "lastmod": lastmod,
        "alternates": hreflang_alternates(links, request),
    }


def _links(urls):
    """Language links (as ``language_links`` gives them) from ``{language: (URL, is_fallback)}``."""
    return [
        {"code": code, "url": url, "is_current": False, "is_fallback": is_fallback}
        for code, (url, is_fallback) in urls.items()
    ]


def _page_entries(request):
    """Every publicly listed page of the site's trees (all languages; no alias, nothing under a
    view restriction), each with its translations, as its language links find them."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    in_site = Q()
    for root in roots:
        in_site |= Q(path__startswith=root.path)
    pages = list(publicly_listed(Page.objects.filter(in_site)).select_related("locale").order_by("path"))
    urls = {}
    by_key = defaultdict(dict)
    for page in pages:
        url = page.get_url(request)
        if url:
            urls[page.pk] = url
            by_key[page.translation_key][page.locale.language_code] = (url, False)
    return [
        _entry(urls[page.pk], page.last_published_at, _links(by_key[page.translation_key]), request)
        for page in pages
        if page.pk in urls
    ]


def _library_entries(request):
    """The library's listing in each language, then every public resource's page (members-only
    ones are listed to visitors with a lock, but their page is not offered to search engines)."""
    listings = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            listings[code] = (reverse("resources:index"), False)
    entries = [_entry(url, None, _links(listings), request) for url, _fallback in listings.values()]
    versions = defaultdict(list)
    for version in Resource.objects.live().select_related("locale").order_by("pk"):
        versions[version.translation_key].append(version)
    for resource in Resource.objects.downloadable_by(None).order_by("pk"):
        alternates = language_alternates(versions[resource.translation_key])
        entries.append(_entry(resource.get_url(), resource.last_published_at, _links(alternates), request))
    return entries


@require_GET
def sitemap(request):
    """Every public page and public resource of every language, each with the hreflang alternates
    its own <head> declares, at the public address (``core.public_address``).

    Wagtail's own sitemap lists one language tree; this one lists all of them and
    groups translations by their translation key.
    """
    urls = _page_entries(request) + _library_entries(request)
    return TemplateResponse(request, "sitemap.xml", {"urls": urls}, content_type="application/xml")
