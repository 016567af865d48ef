"""The background task of bench/two_servers.py (a module the workers import by name)."""

import os
import time
from pathlib import Path

from django_tasks import task


@task(takes_context=True)
def record_once(context, folder, number, hang_on_first_attempt=False):
    """Leave ``done-<number>`` in ``folder``; a second run of a finished task fails (the file exists).

    With ``hang_on_first_attempt`` the first attempt writes which worker runs it to ``hanging`` and
    waits to be killed, as a worker lost mid-task.
    """
    folder = Path(folder)
    if hang_on_first_attempt and context.attempt == 1:
        (folder / "hanging").write_text(context.task_result.worker_ids[-1])
        time.sleep(120)
    time.sleep(0.1)  # some work, so that both workers take tasks
    # O_EXCL: exactly once, or this run fails and the check sees a failed task.
    descriptor = os.open(folder / f"done-{number}", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    os.close(descriptor)
    return number
