"""Tasks left running by a worker that died are queued again, and failed after too many workers."""

from datetime import timedelta

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.utils import timezone

from core.management.commands.db_worker import sweep_periodically
from core.task_recovery import requeue_abandoned_tasks
from tests.tasks.jobs import add


def running_task(*, started_ago, workers):
    result = add.using(backend="database").enqueue(1, 2)
    DBTaskResult.objects.filter(id=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(seconds=started_ago),
        worker_ids=[f"worker-{number}" for number in range(workers)],
    )
    return DBTaskResult.objects.get(id=result.id)


def test_a_task_running_longer_than_the_timeout_is_queued_again(db, settings):
    settings.TASKS_RUNNING_TIMEOUT = 600
    abandoned = running_task(started_ago=601, workers=1)
    in_progress = running_task(started_ago=30, workers=1)

    assert requeue_abandoned_tasks("database") == (1, 0)

    abandoned.refresh_from_db()
    in_progress.refresh_from_db()
    assert abandoned.status == TaskResultStatus.READY
    assert DBTaskResult.objects.ready().filter(id=abandoned.id).exists()
    assert in_progress.status == TaskResultStatus.RUNNING


def test_a_task_that_outlived_its_last_allowed_worker_is_marked_failed(db, settings):
    settings.TASKS_RUNNING_TIMEOUT = 600
    settings.TASKS_MAX_ATTEMPTS = 3
    second_death = running_task(started_ago=601, workers=2)
    third_death = running_task(started_ago=601, workers=3)

    assert requeue_abandoned_tasks("database") == (1, 1)

    second_death.refresh_from_db()
    third_death.refresh_from_db()
    assert second_death.status == TaskResultStatus.READY
    assert third_death.status == TaskResultStatus.FAILED
    assert third_death.exception_class_path == "core.task_recovery.WorkerLost"
    assert "3 workers stopped" in third_death.traceback


def test_only_the_backend_swept_is_touched(db, settings):
    settings.TASKS_RUNNING_TIMEOUT = 600
    abandoned = running_task(started_ago=601, workers=1)

    assert requeue_abandoned_tasks("another") == (0, 0)

    abandoned.refresh_from_db()
    assert abandoned.status == TaskResultStatus.RUNNING


class OneRound:
    """Stands for the worker's stop event: not set for the first wait, set for the second."""

    def __init__(self):
        self.waits = []

    def wait(self, period):
        self.waits.append(period)
        return len(self.waits) > 1


@pytest.mark.django_db(transaction=True)
def test_a_running_worker_sweeps_periodically(settings):
    # Transactional: the sweep closes its connection when it is done, as the worker's thread does.
    settings.TASKS_RUNNING_TIMEOUT = 600
    abandoned = running_task(started_ago=601, workers=1)
    stopped = OneRound()

    sweep_periodically("database", 60, stopped)

    assert stopped.waits == [60, 60]
    abandoned.refresh_from_db()
    assert abandoned.status == TaskResultStatus.READY
