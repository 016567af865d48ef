from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump --format=custom on PostgreSQL, SQLite's online backup "
        "otherwise) and every media file (MEDIA_ROOT, or the bucket's objects with object storage) "
        "into one .tar archive. See docs/hardening.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Archive to write (default: BACKUP_DIR/coalition-<date>.tar).",
        )
        parser.add_argument("--database", default="default", help="Database alias (default: default).")
        parser.add_argument("--no-media", action="store_true", help="Leave the media files out.")

    def handle(self, *args, **options):
        output = options["output"] or Path(settings.BACKUP_DIR) / (f"coalition-{timezone.now():%Y%m%d-%H%M%S}.tar")
        try:
            manifest = create_backup(output, alias=options["database"], include_media=not options["no_media"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(self.style.SUCCESS(f"Backed up {len(manifest['tables'])} tables ({rows} rows) to {output}"))
