"""Benchmark settings: production-like (DEBUG off, hashed static files), on a local SQLite
file or DATABASE_URL, with a trivial view beside the site for reference."""

import os
import sys

# A production install (requirements.txt) has none of these: the development tools bring them, and
# Django's test utilities (loaded by django-ninja) and DRF import them whenever they are there.
# Left out, a worker here weighs what it weighs in production (about 3 MB less).
for name in ("jinja2", "pygments", "yaml"):
    sys.modules.setdefault(name, None)

os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x7Gq2LpV9sKd3RtYw8ZbNc4MfHj6QeUa" * 2)

from config.settings.base import *  # noqa: E402,F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "bench.urls"
DEMO_ACCOUNTS_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ACCOUNT_RATE_LIMITS = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
