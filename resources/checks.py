"""Start-up checks: refuse settings under which a private file could be fetched by its URL."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.urls import Resolver404, resolve

DOCUMENTS_FOLDER = "documents"


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
    if serve_method != "serve_view":
        errors.append(
            Error(
                f"WAGTAILDOCS_SERVE_METHOD is {serve_method!r}: document links would bypass the access check.",
                hint='Set WAGTAILDOCS_SERVE_METHOD = "serve_view" (see docs/resources.md).',
                id="resources.E001",
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
    if backend == "resources.sendfile_backends.nginx" and not getattr(settings, "SENDFILE_URL", ""):
        errors.append(
            Error(
                "SENDFILE_BACKEND uses X-Accel-Redirect but SENDFILE_URL is empty.",
                hint="Set SENDFILE_URL to nginx's internal location for MEDIA_ROOT (docs/resources.md).",
                id="resources.E004",
            )
        )

    storage = settings.STORAGES.get("default", {})
    options = storage.get("OPTIONS", {})
    if "storages.backends" in storage.get("BACKEND", ""):
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
