"""Tests: fast hasher, local-memory cache unless REDIS_URL is set, mail kept in memory."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from pathlib import Path  # noqa: E402

from .base import *  # noqa: E402,F403
from .base import STORAGES, env  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks run at once; the "database" backend is there for the tests of the worker (tests/tasks).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
MEDIA_ROOT = Path(env("MEDIA_ROOT", default="/tmp/coalition-test-media"))  # noqa: S108
# Rate limits are exercised by their own tests; the rest of the suite signs in freely.
ACCOUNT_RATE_LIMITS = False
# Links in emails are followed by the test client.
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
DEMO_ACCOUNTS_ALLOWED = True
# Admin tests of other areas sign in without a second factor; tests/members/test_accounts.py turns it on.
ADMIN_MFA_REQUIRED = False
