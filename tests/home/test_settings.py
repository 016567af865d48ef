"""Production settings refuse to start without a real secret key."""

import os
import secrets
import subprocess
import sys

import pytest

from django.conf import settings

IMPORT_SETTINGS = "import django; django.setup(); print('started')"


def start_production(secret_key):
    env = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", "ALLOWED_HOSTS": "example.org"})
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", IMPORT_SETTINGS],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "secret_key",
    [None, "", "django-insecure-development-key-never-in-production", "short", "a" * 64],
    ids=["missing", "empty", "development default", "too short", "one character repeated"],
)
def test_production_refuses_a_weak_or_missing_secret_key(secret_key):
    result = start_production(secret_key)
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = start_production(secrets.token_urlsafe(64))
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout
