"""Enqueue the reminders of meetings that start within two days (run it from cron, every hour or so)."""

from django.core.management.base import BaseCommand

from meetings.tasks import send_meeting_reminders


class Command(BaseCommand):
    help = "Enqueue the task that reminds registered members of meetings starting within two days."

    def handle(self, *args, **options):
        result = send_meeting_reminders.enqueue()
        self.stdout.write(f"Reminders enqueued ({result.id})")
