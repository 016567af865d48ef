"""Sending a document's file once access has been checked.

The same steps as Wagtail's own serve view, so that both ways to a file behave
alike: a sendfile backend when one is configured (``SENDFILE_BACKEND``, for
example :mod:`resources.sendfile_backends.nginx` for X-Accel-Redirect), Python
streaming otherwise; a redirect to a short-lived signed URL for object storage
only when ``RESOURCES_REDIRECT_TO_STORAGE_URL`` says the storage signs its URLs.
"""

from importlib import import_module

from django.conf import settings
from django.http import FileResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control

from wagtail.documents.models import document_served
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile


def _backend():
    name = getattr(settings, "SENDFILE_BACKEND", None)
    if not name:
        return sendfile_streaming_backend.sendfile
    return import_module(name).sendfile


def serve_document(request, document):
    document_served.send(sender=type(document), instance=document, request=request)
    try:
        local_path = document.file.path
    except NotImplementedError:
        local_path = None

    if local_path:
        response = sendfile(
            request,
            local_path,
            attachment=document.content_disposition != "inline",
            attachment_filename=document.filename,
            mimetype=document.content_type,
            backend=_backend(),
        )
    elif getattr(settings, "RESOURCES_REDIRECT_TO_STORAGE_URL", False):
        # Object storage with query-string signatures (django-storages' querystring_auth
        # and a short AWS_QUERYSTRING_EXPIRE): the URL works for a few minutes only.
        response = redirect(document.file.url)
    else:
        response = FileResponse(document.file, content_type=document.content_type)
        response["Content-Disposition"] = document.content_disposition
        response["Content-Length"] = document.file.size

    if getattr(settings, "WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT", True):
        response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    # A member's file must not be kept by a shared cache.
    patch_cache_control(response, private=True, no_store=True)
    return response
