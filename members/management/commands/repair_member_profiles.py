"""Give a pending profile to every account that has none.

Before sign-up was one transaction, a connection lost between saving the user and saving
their profile left an account without one: the person was "Not a member", outside the
approval flow. Run once after deploying (safe to run again; ``--dry-run`` lists them).
Staff and superuser accounts need no profile and are left alone. The organisation the
person gave was never saved: staff find them among the people waiting for review with no
organisation, and ask them.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from members.services import create_profile


class Command(BaseCommand):
    help = "Create a pending member profile for each account that has none (not staff or superusers)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the accounts without changing anything.")

    def handle(self, *args, dry_run=False, **options):
        accounts = get_user_model().objects.filter(member_profile__isnull=True, is_staff=False, is_superuser=False)
        found = 0
        for user in accounts.order_by("pk"):
            self.stdout.write(user.email)
            found += 1
            if not dry_run:
                with transaction.atomic():
                    create_profile(user)
        self.stdout.write(f"{found} account(s) to repair" if dry_run else f"{found} profile(s) created")
