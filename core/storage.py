"""What the rest of the site asks about media storage, without importing boto3.

The local folder (``FileSystemStorage``) is the default; ``AWS_STORAGE_BUCKET_NAME`` switches
media to object storage (``core.object_storage``, django-storages' S3 backend). Errors of
object storage are told apart by the module of their class, so that nothing here imports
botocore on a site that does not use it.
"""

import logging

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

# Renditions: shown on public pages and kept by the page cache, so their URLs must not expire.
PUBLIC_PREFIXES = ("images/",)
OBJECT_STORAGE_BACKENDS = ("storages.backends.", "core.object_storage.")
# Seconds a visitor is asked to wait while object storage does not answer.
STORAGE_OUTAGE_RETRY_AFTER = 60


def uses_object_storage():
    backend = settings.STORAGES.get("default", {}).get("BACKEND", "")
    return backend.startswith(OBJECT_STORAGE_BACKENDS)


def _is_botocore(error):
    return type(error).__module__.startswith(("botocore.", "boto3.", "s3transfer."))


def is_missing_object(error):
    if isinstance(error, FileNotFoundError):
        return True
    response = getattr(error, "response", None)
    return _is_botocore(error) and isinstance(response, dict) and _status(response) == 404


def _status(response):
    return response.get("ResponseMetadata", {}).get("HTTPStatusCode")


def is_storage_outage(error):
    """Object storage did not answer, or refused us (wrong keys, no bucket): a 503, not a 500."""
    return _is_botocore(error) and not is_missing_object(error)


def probe(storage=None):
    """None when the storage answers, else a short description of what went wrong."""
    storage = storage or default_storage
    if not uses_object_storage():
        return None
    try:
        storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
    except Exception as error:
        if not _is_botocore(error):
            raise
        logger.warning("Object storage unavailable: %s", error)
        status = _status(getattr(error, "response", None) or {})
        if status == 404:
            return "the bucket does not exist"
        if status == 403:
            return "access denied (wrong keys, or no right on this bucket)"
        return str(error)
    return None


def storage_unavailable_response(request):
    """The page that says files cannot be reached just now (the database still answers)."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        body = loader.render_to_string("core/storage_unavailable.html", {"LANGUAGE_CODE": language}, request)
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(STORAGE_OUTAGE_RETRY_AFTER)
    add_never_cache_headers(response)
    return response


class StorageUnavailableMiddleware:
    """A request that needed object storage while it was away gets a 503 page, never a 500.

    Uploads are checked before anything is saved (``core.forms``); this catches the rest: storage
    failing between that check and the save (the database row is not written: Django saves the
    file before the row), or a rendition that could not be made.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_storage_outage(exception):
            logger.warning("Object storage unavailable while serving %s: %s", request.path, exception)
            return storage_unavailable_response(request)
        return None
