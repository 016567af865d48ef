"""Site-wide middleware: security headers, and a friendly 503 while the database is away."""

import logging

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)


def is_admin_path(path):
    """Whether ``path`` (a request's ``path_info``) is Wagtail's or Django's admin: looser
    security headers here, a second factor required in ``members.middleware``."""
    return path.startswith(tuple(settings.ADMIN_URL_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with one policy for the public site and one for the admin.

    The public policy (``CONTENT_SECURITY_POLICY``) allows no inline script at all;
    Wagtail's admin and its previews live under ``/admin/`` and need inline scripts,
    inline styles and ``blob:``/``data:`` images, so ``CONTENT_SECURITY_POLICY_ADMIN``
    replaces the policy there and nowhere else. Views can still use django-csp's
    decorators: their per-response settings win over both.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            admin_policy = settings.CONTENT_SECURITY_POLICY_ADMIN
            return PolicyParts(
                config=default_config(admin_policy["DIRECTIVES"]),
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts


class SecurityHeadersMiddleware:
    """Headers Django does not set itself, and same-origin framing for the admin only.

    ``X_FRAME_OPTIONS`` is ``DENY`` for the public site. Wagtail's preview panes and the
    wagtail-localize editor frame admin URLs from the admin itself, so responses under
    the admin prefixes say ``SAMEORIGIN`` instead. This middleware sits after Django's
    ``XFrameOptionsMiddleware`` in ``MIDDLEWARE`` so it sees the response first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if is_admin_path(request.path_info):
            response.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response


DATABASE_ERRORS = (OperationalError, InterfaceError)
# SQLite raises the same OperationalError for a statement it cannot parse (an FTS5 search
# query) as for a database it cannot open; these words name the first kind, a bug, not an outage.
STATEMENT_ERROR_WORDS = ("syntax error", "fts5", "unterminated string", "no such column", "malformed match")


def is_database_outage(error):
    """Whether ``error`` means the database is away (a 503), not that a query was wrong (a 500)."""
    if not isinstance(error, DATABASE_ERRORS):
        return False
    message = str(error).lower()
    return not any(words in message for words in STATEMENT_ERROR_WORDS)


def database_unavailable_response(request):
    """The 503 page in the visitor's language, rendered without touching the database."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        # A plain template and no request context: context processors (user, messages,
        # site settings) would query the database that is down.
        body = loader.render_to_string("503.html", {"LANGUAGE_CODE": language})
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(settings.DATABASE_OUTAGE_RETRY_AFTER)
    response["Content-Language"] = language
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """Turn "the database does not answer" into a friendly 503 instead of a 500.

    Catches the errors raised by views and by rendering their templates. Errors raised
    by other middleware before the view runs are caught by ``core.views.server_error``
    (the project's ``handler500``), which gives the same page. The connection itself
    is not kept: Django closes an errored connection at the end of the request and
    ``CONN_HEALTH_CHECKS`` checks a reused one, so when the database is back the same
    process serves again without a restart.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            logger.error("Database unavailable while serving %s: %s", request.path, exception)
            return database_unavailable_response(request)
        return None
