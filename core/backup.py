"""Backups of the whole site: the database and the uploaded media, in one archive.

An archive (``.tar``) holds:

- ``manifest.json``: when, which engine, the Django migrations applied, and the number
  of rows of every table (``restore_site`` checks the restored database against it);
- ``database.pgdump`` (PostgreSQL: ``pg_dump --format=custom``) or
  ``database.sqlite3`` (SQLite: a consistent copy made with SQLite's online backup API);
- ``media.tar.gz``: every media file (documents, images, renditions): everything under
  ``MEDIA_ROOT``, or every object of the bucket (under ``AWS_LOCATION``) when media live in
  object storage; the manifest lists how many (``media_files``) and where they came from.

PostgreSQL is restored with ``pg_restore --clean --if-exists --no-owner`` in one
transaction; SQLite with the backup API again. Either can go into the configured
database or, with ``--target-url``, into another one (to check a backup without
touching the live site). Media go back to where the site keeps them now: the folder, or
the configured bucket (an empty new one after a loss), whichever the backup came from.
"""

import json
import mimetypes
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

import environ

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connections
from django.db.utils import load_backend
from django.utils import timezone

from core import storage

FORMAT_VERSION = 1
POSTGRES = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"


class BackupError(Exception):
    pass


def libpq_environment(config):
    """pg_dump/pg_restore read the connection from PG* variables: no password on a command line."""
    env = dict(os.environ)
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if config.get(key):
            env[variable] = str(config[key])
    env["PGDATABASE"] = config["NAME"]
    return env


def run(command, config):
    executable = shutil.which(command[0])
    if executable is None:
        raise BackupError(f"{command[0]} is not installed (apt-get install postgresql-client).")
    result = subprocess.run(  # noqa: S603 (fixed programs, arguments built here, no shell)
        [executable, *command[1:]], env=libpq_environment(config), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
    return result


@contextmanager
def temporary_connection(config):
    """A Django connection to a database given by settings (for --target-url), not registered
    in ``django.db.connections``: the site's own connections are left alone."""
    alias = "restore_target"
    # configure_settings fills the defaults (TIME_ZONE, OPTIONS, ...) a connection needs.
    config = connections.configure_settings({"default": {}, alias: dict(config)})[alias]
    connection = load_backend(config["ENGINE"]).DatabaseWrapper(config, alias)
    try:
        yield connection
    finally:
        connection.close()


def table_counts(connection):
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608  # nosec B608
            counts[table] = cursor.fetchone()[0]
    return counts


def applied_migrations(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [f"{app}.{name}" for app, name in cursor.fetchall()]


def backup_database(connection, destination):
    engine = connection.settings_dict["ENGINE"]
    if engine == POSTGRES:
        path = destination / "database.pgdump"
        run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"], connection.settings_dict)
    elif engine == SQLITE:
        path = destination / "database.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            # The online backup API copies a consistent snapshot, even while the site writes.
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise BackupError(f"No backup method for {engine}.")
    return path


def backup_media(media_root, destination):
    """Write media.tar.gz; return its path and the number of files in it."""
    path = destination / "media.tar.gz"
    count = 0
    with tarfile.open(path, "w:gz") as archive:
        if storage.uses_object_storage():
            for key, name in bucket_objects(default_storage):
                body = default_storage.bucket.Object(key).get()["Body"]
                with tempfile.TemporaryFile() as spooled:
                    shutil.copyfileobj(body, spooled)
                    info = tarfile.TarInfo(f"media/{name}")
                    info.size = spooled.tell()
                    spooled.seek(0)
                    archive.addfile(info, spooled)
                count += 1
        elif Path(media_root).is_dir():
            archive.add(media_root, arcname="media")
            count = sum(1 for item in Path(media_root).rglob("*") if item.is_file())
    return path, count


def bucket_objects(bucket_storage):
    """(key, name relative to AWS_LOCATION) of every object the site's storage holds."""
    prefix = f"{bucket_storage.location.strip('/')}/" if bucket_storage.location else ""
    for item in bucket_storage.bucket.objects.filter(Prefix=prefix):
        if not item.key.endswith("/"):
            yield item.key, item.key[len(prefix) :]


def create_backup(output, *, alias="default", include_media=True):
    """Write a backup archive to ``output`` and return its manifest."""
    connection = connections[alias]
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        database_file = backup_database(connection, work)
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "engine": connection.settings_dict["ENGINE"],
            "database_file": database_file.name,
            "migrations": applied_migrations(connection),
            "tables": table_counts(connection),
            "media": include_media,
        }
        members = [database_file]
        if include_media:
            media_archive, manifest["media_files"] = backup_media(settings.MEDIA_ROOT, work)
            manifest["media_source"] = "bucket" if storage.uses_object_storage() else "folder"
            members.append(media_archive)
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
        members.insert(0, work / "manifest.json")
        partial = output.with_suffix(output.suffix + ".partial")
        with tarfile.open(partial, "w") as archive:
            for member in members:
                archive.add(member, arcname=member.name)
        # A backup is either whole or absent: never a half-written file under the final name.
        partial.replace(output)
    return manifest


def restore_database(manifest, extracted, config, connection=None):
    engine = config["ENGINE"]
    if engine != manifest["engine"]:
        raise BackupError(f"This backup is of {manifest['engine']}; the target database is {engine}.")
    dump = extracted / manifest["database_file"]
    if engine == POSTGRES:
        if connection is not None:
            connection.close()
        run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={config['NAME']}",
                str(dump),
            ],
            config,
        )
    else:
        source = sqlite3.connect(dump)
        try:
            if connection is not None:
                connection.ensure_connection()
                source.backup(connection.connection)
            else:
                target = sqlite3.connect(config["NAME"])
                try:
                    source.backup(target)
                finally:
                    target.close()
        finally:
            source.close()


def restore_media(extracted, media_root, *, to_bucket=False):
    """Put the backup's media back (into the folder, or the bucket); return how many files."""
    media_archive = extracted / "media.tar.gz"
    with tarfile.open(media_archive, "r:gz") as archive, tempfile.TemporaryDirectory() as work:
        # The "data" filter refuses absolute paths, links out of the folder and device files.
        archive.extractall(work, filter="data")
        restored = Path(work) / "media"
        files = [item for item in restored.rglob("*") if item.is_file()] if restored.is_dir() else []
        if to_bucket:
            for item in files:
                name = item.relative_to(restored).as_posix()
                key = f"{default_storage.location.strip('/')}/{name}" if default_storage.location else name
                parameters = default_storage.get_object_parameters(name)
                parameters.setdefault("ContentType", mimetypes.guess_type(name)[0] or "application/octet-stream")
                # The same key as before: the database names each file by it.
                default_storage.bucket.upload_file(str(item), key, ExtraArgs=parameters)
        elif files:
            media_root = Path(media_root)
            media_root.mkdir(parents=True, exist_ok=True)
            shutil.copytree(restored, media_root, dirs_exist_ok=True)
    return len(files)


def read_manifest(archive_path, work):
    with tarfile.open(archive_path, "r") as archive:
        archive.extractall(work, filter="data")
    manifest_path = Path(work) / "manifest.json"
    if not manifest_path.exists():
        raise BackupError(f"{archive_path} is not a site backup (no manifest.json).")
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def restore_backup(archive_path, *, alias="default", target_url=None, include_media=True, media_root=None):
    """Restore an archive; return (manifest, counts found in the restored database)."""
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        manifest = read_manifest(archive_path, work)
        if target_url:
            config = environ.Env.db_url_config(target_url)
            restore_database(manifest, work, config)
            with temporary_connection(config) as target:
                counts = table_counts(target)
        else:
            connection = connections[alias]
            restore_database(manifest, work, connection.settings_dict, connection)
            counts = table_counts(connection)
        if include_media and manifest.get("media"):
            to_bucket = storage.uses_object_storage() and not media_root
            restored = restore_media(work, media_root or settings.MEDIA_ROOT, to_bucket=to_bucket)
            expected = manifest.get("media_files")
            if expected is not None and restored != expected:
                raise BackupError(f"The backup lists {expected} media files; {restored} were restored.")
    differences = {
        table: (expected, counts.get(table))
        for table, expected in manifest["tables"].items()
        if counts.get(table) != expected
    }
    if differences:
        raise BackupError(f"The restored database does not match the backup: {differences}")
    return manifest, counts
