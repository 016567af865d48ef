"""Development: debug on, mail to the console, an insecure key that production refuses."""

import os

os.environ.setdefault("SECRET_KEY", "django-insecure-development-key-never-in-production")
os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403
from .base import env  # noqa: E402

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["*"])
DEMO_ACCOUNTS_ALLOWED = True
