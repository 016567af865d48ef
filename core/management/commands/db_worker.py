"""django-tasks-db's worker, which also takes back the tasks of workers that died.

Same name, same options: ``core`` comes first in INSTALLED_APPS, so ``manage.py db_worker`` is
this command (Django's documented way to override another app's command).
"""

import logging
import threading

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections

from core.task_recovery import requeue_abandoned_tasks

logger = logging.getLogger(__name__)

# At most this many seconds between two looks for abandoned tasks.
SWEEP_PERIOD = 60


def sweep_periodically(backend_name, period, stopped):
    while not stopped.wait(period):
        try:
            requeue_abandoned_tasks(backend_name)
        except Exception:
            # A database outage must not end the sweeping: the next round tries again.
            logger.exception("Looking for abandoned tasks failed.")
        finally:
            # This thread's own connection; the worker's is untouched.
            connections.close_all()


class Command(DatabaseWorkerCommand):
    help = (
        "Run a database background worker. Tasks left running longer than TASKS_RUNNING_TIMEOUT "
        "seconds (their worker died) are queued again, or marked failed after TASKS_MAX_ATTEMPTS workers."
    )

    def handle(self, *args, backend_name, batch, **options):
        if settings.TASKS_RUNNING_TIMEOUT <= 0 or settings.TASKS_MAX_ATTEMPTS <= 0:
            raise CommandError("TASKS_RUNNING_TIMEOUT and TASKS_MAX_ATTEMPTS must be greater than zero.")
        requeue_abandoned_tasks(backend_name)
        stopped = threading.Event()
        if not batch:
            period = min(SWEEP_PERIOD, settings.TASKS_RUNNING_TIMEOUT)
            threading.Thread(
                target=sweep_periodically, args=(backend_name, period, stopped), name="task-sweeper", daemon=True
            ).start()
        try:
            super().handle(*args, backend_name=backend_name, batch=batch, **options)
        finally:
            stopped.set()
