"""Production: refuses to start without a real secret key; HTTPS everywhere."""

from django.core.exceptions import ImproperlyConfigured

from core.public_address import site_url_problem

from .base import *  # noqa: F403
from .base import SECRET_KEY, SITE_URL, env

if not SECRET_KEY or SECRET_KEY.startswith("django-insecure") or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value in production "
        "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

# Links in emails go to the public address: without it they would point at the wrong host.
if problem := site_url_problem(SITE_URL):
    raise ImproperlyConfigured(f"{problem}: set SITE_URL to the site's public address (https://example.org).")

DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

# Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER_ENABLED=true.
if env.bool("SECURE_PROXY_SSL_HEADER_ENABLED", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# CSRF token cookie unreadable from scripts: forms carry the token in a field.
CSRF_COOKIE_HTTPONLY = True
