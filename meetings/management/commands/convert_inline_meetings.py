from django.core.management.base import BaseCommand

from meetings.conversion import convert_inline_meetings


class Command(BaseCommand):
    help = (
        "Turn the working groups' inline meetings into meeting pages under their group, with their "
        "translations. Idempotent: run it after every migrate."
    )

    def handle(self, *args, **options):
        made = convert_inline_meetings(self.stdout)
        self.stdout.write(self.style.SUCCESS(f"{made} meeting page(s) created."))
