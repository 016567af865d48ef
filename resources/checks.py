"""Start-up checks: refuse settings under which a private file could be fetched by its URL."""

from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.urls import Resolver404, resolve

from core.storage import uses_object_storage

DOCUMENTS_FOLDER = "documents"
# Document links lead to Wagtail's serve view, which runs the access check first.
CHECKED_SERVE_METHODS = ("serve_view", "redirect")
X_ACCEL_BACKEND = "django_sendfile.backends.nginx"


def _inside(path, folder):
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
    except (ValueError, TypeError):
        return False
    return True


@register(Tags.security, deploy=False)
def check_private_documents(app_configs=None, **kwargs):
    errors = []
    serve_method = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None)
    if serve_method not in CHECKED_SERVE_METHODS:
        errors.append(
            Error(
                f"WAGTAILDOCS_SERVE_METHOD is {serve_method!r}: document links would bypass the access check.",
                hint='Set WAGTAILDOCS_SERVE_METHOD = "serve_view" (see docs/resources.md).',
                id="resources.E001",
            )
        )
    storage = settings.STORAGES.get("default", {})
    object_storage = uses_object_storage()
    if serve_method == "redirect" and not object_storage:
        errors.append(
            Error(
                "WAGTAILDOCS_SERVE_METHOD is 'redirect' without object storage: "
                "visitors would be sent to the file's permanent, unsigned URL.",
                hint="Redirect only to object storage's signed URLs (docs/resources.md).",
                id="resources.E007",
            )
        )

    media_root = getattr(settings, "MEDIA_ROOT", "")
    media_url = getattr(settings, "MEDIA_URL", "") or ""
    if media_url.startswith("/"):
        # A URL pattern (django.conf.urls.static and the like) that answers under the
        # media URL for documents serves every file, private or not.
        probe = f"{media_url.rstrip('/')}/{DOCUMENTS_FOLDER}/probe.pdf"
        try:
            match = resolve(probe)
        except Resolver404:
            match = None
        if match is not None and match.func.__module__ == "django.views.static":
            errors.append(
                Error(
                    f"{probe} is served by django.views.static: private documents are public.",
                    hint="Serve only the images folder of MEDIA_ROOT (config/urls.py).",
                    id="resources.E002",
                )
            )

    public_folders = [getattr(settings, "STATIC_ROOT", None), getattr(settings, "WHITENOISE_ROOT", None)]
    public_folders += [entry[1] if isinstance(entry, tuple | list) else entry for entry in settings.STATICFILES_DIRS]
    for folder in filter(None, public_folders):
        if media_root and (_inside(media_root, folder) or _inside(folder, media_root)):
            errors.append(
                Error(
                    f"MEDIA_ROOT ({media_root}) and the public folder {folder} overlap: "
                    "documents would be served as static files.",
                    hint="Keep MEDIA_ROOT outside STATIC_ROOT, STATICFILES_DIRS and WHITENOISE_ROOT.",
                    id="resources.E003",
                )
            )

    backend = getattr(settings, "SENDFILE_BACKEND", None)
    if backend:
        try:
            import_module(backend)
        except ImportError:
            errors.append(
                Error(
                    f"SENDFILE_BACKEND {backend!r} cannot be imported: every document download would fail.",
                    hint=f"Use one of django-sendfile2's backends, such as {X_ACCEL_BACKEND!r}.",
                    id="resources.E008",
                )
            )
    if backend == X_ACCEL_BACKEND and not (
        getattr(settings, "SENDFILE_URL", "") and getattr(settings, "SENDFILE_ROOT", "")
    ):
        errors.append(
            Error(
                "SENDFILE_BACKEND uses X-Accel-Redirect but SENDFILE_URL or SENDFILE_ROOT is empty.",
                hint="Set SENDFILE_ROOT to the media folder and SENDFILE_URL to nginx's internal location for it.",
                id="resources.E004",
            )
        )

    options = storage.get("OPTIONS", {})
    if object_storage:
        # Object storage: files must not be world-readable and URLs must be signed.
        if options.get("querystring_auth", getattr(settings, "AWS_QUERYSTRING_AUTH", True)) is False:
            errors.append(
                Error(
                    "Object storage without signed URLs: anyone with a document's URL can fetch it.",
                    hint="Keep querystring_auth on (AWS_QUERYSTRING_AUTH = True).",
                    id="resources.E005",
                )
            )
        acl = options.get("default_acl", getattr(settings, "AWS_DEFAULT_ACL", None))
        if acl and "public" in str(acl):
            errors.append(
                Error(
                    f"Object storage writes files with the ACL {acl!r}: private documents would be public.",
                    hint="Use a private ACL (AWS_DEFAULT_ACL = None or 'private').",
                    id="resources.E006",
                )
            )
    return errors
