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
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from wagtail.models import Page, Site

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


@require_GET
def sitemap(request):
    """Every public page of every language, each with its hreflang alternates.

    Wagtail's own sitemap lists one language tree; this one lists all of them and
    groups translations by their translation key.
    """
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    in_site = Q()
    for root in roots:
        in_site |= Q(path__startswith=root.path)
    pages = list(Page.objects.live().public().filter(in_site).select_related("locale").order_by("path"))
    by_key = defaultdict(list)
    entries = []
    for page in pages:
        relative_url = page.get_url(request)
        if not relative_url:
            continue
        url = request.build_absolute_uri(relative_url)
        entry = {
            "location": url,
            "lastmod": page.last_published_at or page.latest_revision_created_at,
            "language": page.locale.language_code,
        }
        by_key[page.translation_key].append(entry)
        entries.append((page.translation_key, entry))
    urls = [{**entry, "alternates": by_key[key]} for key, entry in entries]
    return TemplateResponse(request, "sitemap.xml", {"urls": urls}, content_type="application/xml")
