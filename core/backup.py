"""Backups of the whole site: the database and the uploaded media, in one archive.

An archive (``.tar``) holds:

- ``manifest.json``: when, which engine, the Django migrations applied, and the number
  of rows of every table (``restore_site`` checks the restored database against it);
- ``database.pgdump`` (PostgreSQL: ``pg_dump --format=custom``) or
  ``database.sqlite3`` (SQLite: a consistent copy made with SQLite's online backup API);
- ``media.tar.gz``: everything under ``MEDIA_ROOT`` (documents, images, renditions).

PostgreSQL is restored with ``pg_restore --clean --if-exists --no-owner`` in one
transaction; SQLite with the backup API again. Either can go into the configured
database or, with ``--target-url``, into another one (to check a backup without
touching the live site).
"""

import json
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
from django.db import connections
from django.db.utils import load_backend
from django.utils import timezone

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
    path = destination / "media.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        if Path(media_root).is_dir():
            archive.add(media_root, arcname="media")
    return path


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
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
        members = [work / "manifest.json", database_file]
        if include_media:
            members.append(backup_media(settings.MEDIA_ROOT, work))
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


def restore_media(extracted, media_root):
    media_archive = extracted / "media.tar.gz"
    media_root = Path(media_root)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(media_archive, "r:gz") as archive, tempfile.TemporaryDirectory() as work:
        # The "data" filter refuses absolute paths, links out of the folder and device files.
        archive.extractall(work, filter="data")
        restored = Path(work) / "media"
        if restored.is_dir():
            shutil.copytree(restored, media_root, dirs_exist_ok=True)


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
            restore_media(work, media_root or settings.MEDIA_ROOT)
    differences = {
        table: (expected, counts.get(table))
        for table, expected in manifest["tables"].items()
        if counts.get(table) != expected
    }
    if differences:
        raise BackupError(f"The restored database does not match the backup: {differences}")
    return manifest, counts
