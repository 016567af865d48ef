"""Tasks for the tests of the database backend and its worker (importable by a worker process)."""

import time
from pathlib import Path

from django_tasks import task


@task()
def add(left, right):
    return {"sum": left + right}


@task()
def fail(message):
    raise ValueError(message)


@task()
def hang_on_first_attempt(marker):
    """The first attempt writes ``marker`` and hangs until its worker is killed; the next one finishes."""
    marker = Path(marker)
    if not marker.exists():
        marker.write_text("started")
        time.sleep(120)
    return "finished"
