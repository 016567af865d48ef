"""X-Accel-Redirect: Django checks access, nginx sends the bytes.

Settings (django-sendfile's names, which Wagtail's serve view also reads):
``SENDFILE_BACKEND = "resources.sendfile_backends.nginx"``, ``SENDFILE_ROOT`` (the
folder nginx may send from, normally ``MEDIA_ROOT``) and ``SENDFILE_URL`` (the
``internal`` location in nginx that maps to it, ``/protected-media/`` by default).
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpResponse


def sendfile(request, filename, **kwargs):
    root = Path(getattr(settings, "SENDFILE_ROOT", "") or settings.MEDIA_ROOT).resolve()
    url = getattr(settings, "SENDFILE_URL", "")
    if not url:
        raise ImproperlyConfigured("SENDFILE_URL must name nginx's internal location for protected files.")
    path = Path(filename).resolve()
    try:
        relative = path.relative_to(root)
    except ValueError as error:
        # Never hand nginx a path outside the protected folder.
        raise Http404("File outside SENDFILE_ROOT") from error
    response = HttpResponse()
    response["X-Accel-Redirect"] = url.rstrip("/") + "/" + quote(relative.as_posix())
    return response
