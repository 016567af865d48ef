"""Send again the approval and rejection emails the mail server refused (run it from cron)."""

from django.core.management.base import BaseCommand

from members.access import DECISION_EMAIL_PENDING
from members.models import MemberProfile
from members.services import resend_decision_email


class Command(BaseCommand):
    help = "Send again the approval and rejection emails that could not be sent."

    def handle(self, *args, **options):
        profiles = MemberProfile.objects.filter(DECISION_EMAIL_PENDING).select_related("user", "organisation")
        sent = failed = 0
        for profile in profiles:
            result = resend_decision_email(profile)
            if result:
                sent += 1
            elif result is False:
                failed += 1
        self.stdout.write(f"{sent} sent, {failed} still waiting")
        if failed:
            # Non-zero, so cron or a monitor notices the mail server is still down.
            raise SystemExit(1)
