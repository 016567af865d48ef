"""Tasks left running by a worker that died are queued again, or failed after too many deaths.

django-tasks-db marks a task running when a worker claims it and nothing else ever changes that
if the worker is killed mid-task. Every worker (core's ``db_worker``) calls
``requeue_abandoned_tasks`` when it starts and then periodically.
"""

import logging
from datetime import timedelta

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


class WorkerLost(Exception):
    """Recorded as the error of a task whose workers died under it too many times."""


def requeue_abandoned_tasks(backend_name, *, timeout=None, max_attempts=None):
    """Queue again each task of ``backend_name`` running for more than ``timeout`` seconds.

    A task that as many workers as ``max_attempts`` have claimed is marked failed instead: the
    task itself may be what kills them. Returns (queued again, failed).
    """
    timeout = settings.TASKS_RUNNING_TIMEOUT if timeout is None else timeout
    max_attempts = settings.TASKS_MAX_ATTEMPTS if max_attempts is None else max_attempts
    cutoff = timezone.now() - timedelta(seconds=timeout)
    requeued = failed = 0
    with transaction.atomic():
        # Rows another worker is sweeping right now are left to it.
        abandoned = (
            DBTaskResult.objects.running()
            .filter(backend_name=backend_name, started_at__lt=cutoff)
            .select_for_update(skip_locked=True)
        )
        for task_result in abandoned:
            if len(task_result.worker_ids) >= max_attempts:
                task_result.set_failed(
                    WorkerLost(f"{len(task_result.worker_ids)} workers stopped while running this task.")
                )
                failed += 1
            else:
                task_result.status = TaskResultStatus.READY
                task_result.save(update_fields=["status"])
                requeued += 1
    if requeued or failed:
        logger.warning(
            "Tasks left running by a stopped worker: %d queued again, %d marked failed (backend %s).",
            requeued,
            failed,
            backend_name,
        )
    return requeued, failed
