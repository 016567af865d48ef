import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

# Each app loads its own part of the demo content, in this order.
# The menu (home.demo_navigation) links to the working groups' index and the meetings listing.
DEMO_MODULES = [
    "home.demo",
    "workinggroups.demo",
    "members.demo",
    "resources.demo",
    "meetings.demo",
    "resolutions.demo",
    "home.demo_navigation",
    "core.demo",
    "translations.demo",
    "search.demo",
]


class Command(BaseCommand):
    help = "Load the demo content in French with its English translation. Idempotent: running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts",
            action="store_true",
            help="Do not create the development accounts (required under production settings).",
        )

    def handle(self, *args, no_accounts=False, **options):
        with transaction.atomic():
            for module_name in DEMO_MODULES:
                app_label = module_name.split(".")[0]
                if not apps.is_installed(app_label) or importlib.util.find_spec(module_name) is None:
                    continue
                self.stdout.write(f"{module_name}…")
                importlib.import_module(module_name).load(self.stdout, with_accounts=not no_accounts)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
