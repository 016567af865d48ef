"""Production settings start with the database task backend, and its worker command is there."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def manage_in_production(*arguments):
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "coalition.example.org",
            "SITE_URL": "https://coalition.example.org",
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        }
    )
    return subprocess.run(  # noqa: S603 (our own interpreter and command)
        [sys.executable, "manage.py", *arguments], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.subprocess
def test_production_starts_with_the_database_task_backend():
    check = manage_in_production("check")
    assert check.returncode == 0, check.stdout + check.stderr

    help_text = manage_in_production("help")
    assert help_text.returncode == 0, help_text.stderr
    assert "db_worker" in help_text.stdout.split()

    # The worker that also takes back a dead worker's tasks (core's), not the library's bare one.
    worker_help = manage_in_production("help", "db_worker")
    assert "TASKS_RUNNING_TIMEOUT" in " ".join(worker_help.stdout.split())
