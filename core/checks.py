"""Deployment checks of the site core (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache_check(app_configs, **kwargs):
    """Several app-server processes need one cache: the page cache's invalidation and allauth's
    rate limits live there, and a local-memory cache is one per process."""
    if settings.REDIS_URL:
        return []
    return [
        Warning(
            "No shared cache: each app-server process keeps its own, so a page published or made "
            "private through one process may be served stale by another, and rate limits count per process.",
            hint="Set REDIS_URL (for example redis://127.0.0.1:6379/0).",
            id="core.W001",
        )
    ]
