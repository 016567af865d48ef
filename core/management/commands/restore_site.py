from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_site: the database (pg_restore --clean, or SQLite's "
        "backup API) and the media (into MEDIA_ROOT, or the configured bucket under the same keys); then "
        "check every table's row count and the number of files against the backup. "
        "REPLACES the target database's content. See docs/hardening.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar archive written by backup_site.")
        parser.add_argument("--database", default="default", help="Database alias to restore into.")
        parser.add_argument(
            "--target-url",
            help="Restore into this database instead (postgres://... or sqlite:////path), e.g. to test a backup.",
        )
        parser.add_argument("--no-media", action="store_true", help="Leave MEDIA_ROOT as it is.")
        parser.add_argument("--media-root", help="Extract the media here instead of MEDIA_ROOT or the bucket.")
        parser.add_argument("--no-input", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, **options):
        if not options["no_input"] and not options["target_url"]:
            answer = input("This replaces the site's database and media with the backup's. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest, counts = restore_backup(
                options["archive"],
                alias=options["database"],
                target_url=options["target_url"],
                include_media=not options["no_media"],
                media_root=options["media_root"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']}: {len(counts)} tables, "
                f"{sum(counts.values())} rows, every table's count matches."
            )
        )
