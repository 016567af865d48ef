"""Background work of the meetings: the reminder two days before.

``manage.py send_meeting_reminders`` (cron, every hour or so) enqueues the task; a worker runs it
(``manage.py db_worker`` in production; at once in development and tests). Safe to run twice or
by two workers at once: each registration's reminder is claimed before it is sent (``reminded_at``).
"""

from django_tasks import task

from . import registration


@task()
def send_meeting_reminders():
    return {"sent": registration.send_reminders()}
