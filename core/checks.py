"""Deployment checks of the site core (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.files.storage import default_storage

from . import storage


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


@register(deploy=True)
def object_storage_check(app_configs, **kwargs):
    """A wrong bucket, endpoint or key would fail every upload and download: refuse to deploy."""
    if not storage.uses_object_storage():
        return []
    problem = storage.probe(default_storage)
    if problem is None:
        return []
    return [
        Error(
            f"Object storage does not answer for the bucket {settings.AWS_STORAGE_BUCKET_NAME!r} "
            f"at {getattr(settings, 'AWS_S3_ENDPOINT_URL', None) or 'AWS S3'}: {problem}",
            hint="Check AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL, AWS_S3_REGION_NAME and the keys "
            "(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY); the bucket must exist (docs/deployment.md).",
            id="core.E001",
        )
    ]
