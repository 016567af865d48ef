from pathlib import Path

import polib

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile the gettext catalogues (.po → .mo) with polib, so that set-up needs "
        "no system gettext. Only catalogues newer than their .mo are compiled."
    )

    def handle(self, *args, **options):
        compiled = 0
        for po_path in catalogue_paths():
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled += 1
            self.stdout.write(f"compiled {po_path.relative_to(settings.BASE_DIR)}")
        self.stdout.write(f"{compiled} catalogue(s) compiled.")


def catalogue_paths():
    """The project's catalogues (locale/) and each app's (<app>/locale/): django.po, and djangojs.po for JavaScript."""
    base = Path(settings.BASE_DIR)
    roots = [Path(path) for path in settings.LOCALE_PATHS] + sorted(base.glob("*/locale"))
    return [po for root in roots for po in sorted(root.glob("*/LC_MESSAGES/django*.po"))]
