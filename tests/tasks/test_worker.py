"""The database backend and its worker, as production runs them: separate processes, one database.

The worker runs with the test settings (their "database" task backend) against the test database,
which it is pointed at explicitly.
"""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.db import connection
from django.utils import timezone

from tests.tasks.jobs import add, hang_on_first_attempt

BASE_DIR = Path(__file__).resolve().parents[2]
WORKER = [sys.executable, "manage.py", "db_worker", "--backend", "database", "--no-startup-delay", "--no-reload"]

pytestmark = [pytest.mark.subprocess, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def worker_environment():
    database = {key: quote(str(value or ""), safe="") for key, value in connection.settings_dict.items()}
    url = "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**database)
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": url}


def run_worker_once():
    """A worker that runs every task waiting, then exits."""
    return subprocess.run(  # noqa: S603 (our own interpreter and command)
        [*WORKER, "--batch"], cwd=BASE_DIR, env=worker_environment(), capture_output=True, text=True, timeout=60
    )


def wait_for(condition, *, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.1)


def test_a_worker_runs_an_enqueued_task_and_stores_its_result():
    result = add.using(backend="database").enqueue(2, 3)
    assert result.status == TaskResultStatus.READY

    worker = run_worker_once()

    assert worker.returncode == 0, worker.stdout + worker.stderr
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"sum": 5}


def test_a_task_whose_worker_was_killed_is_finished_by_another_worker(tmp_path, settings):
    marker = tmp_path / "first-attempt"
    result = hang_on_first_attempt.using(backend="database").enqueue(str(marker))
    first = subprocess.Popen(  # noqa: S603 (our own interpreter and command)
        [*WORKER, "--batch"], cwd=BASE_DIR, env=worker_environment(), stdout=subprocess.DEVNULL
    )
    try:
        wait_for(marker.exists)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    result.refresh()
    assert result.status == TaskResultStatus.RUNNING
    # Left there for longer than the timeout (rather than waiting it out).
    DBTaskResult.objects.filter(id=result.id).update(
        started_at=timezone.now() - timedelta(seconds=settings.TASKS_RUNNING_TIMEOUT + 1)
    )

    second = run_worker_once()

    assert second.returncode == 0, second.stdout + second.stderr
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == "finished"
    assert len(result.worker_ids) == 2
