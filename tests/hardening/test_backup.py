"""A backup of a small site restores into a fresh database with every row intact."""

import os
import uuid

import pytest

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from wagtail.documents import get_document_model
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from core.backup import BackupError, create_backup, temporary_connection

# Backups read committed data (pg_dump runs in another process): transactional tests; the
# serialized rollback puts back what migrations created (root page, locales) for the tests after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def all_rows(conn):
    """Every row of every table, in a stable order, as comparable Python values."""
    rows = {}
    with conn.cursor() as cursor:
        for table in sorted(conn.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {conn.ops.quote_name(table)}")  # noqa: S608 (introspected names)
            rows[table] = sorted(
                (tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in cursor.fetchall()),
                key=repr,
            )
    return rows


@pytest.fixture
def small_site(site_tree, settings, tmp_path):
    """Pages in both languages with their revisions and wagtail-localize translations, and a file:
    what the demo holds, without the time it takes to load (every table is compared anyway)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    document = get_document_model()(title="Rapport annuel")
    document.file.save("rapport-annuel.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return document


def assert_site_intact(conn, source_rows):
    restored_rows = all_rows(conn)
    for table, rows in source_rows.items():
        assert restored_rows.get(table) == rows, f"table {table} differs after restore"
    # And the content a visitor sees is there: pages in both languages, revisions, translations.
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT p.translation_key, l.language_code FROM wagtailcore_page p "
            "JOIN wagtailcore_locale l ON l.id = p.locale_id WHERE p.depth > 1"
        )
        languages = {}
        for key, language in cursor.fetchall():
            languages.setdefault(key, set()).add(language)
    assert languages and all("fr" in found for found in languages.values())
    assert sum("en" in found for found in languages.values()) >= 1


def check_counts(source_rows):
    # The site has content to lose: the test would notice an empty restore.
    assert len(source_rows["wagtailcore_page"]) == Page.objects.count() > 2
    assert len(source_rows["wagtailcore_revision"]) == Revision.objects.count() > 0
    assert len(source_rows["wagtail_localize_translation"]) == Translation.objects.count() > 0


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite path; PostgreSQL has its own test")
def test_sqlite_backup_restores_into_a_fresh_database(small_site, tmp_path):
    source_rows = all_rows(connection)
    check_counts(source_rows)
    archive = tmp_path / "site.tar"
    call_command("backup_site", output=str(archive), stdout=open(os.devnull, "w"))  # noqa: SIM115
    restored_db = tmp_path / "restored.sqlite3"
    restored_media = tmp_path / "restored-media"
    call_command(
        "restore_site",
        str(archive),
        target_url=f"sqlite:///{restored_db}",
        media_root=str(restored_media),
        no_input=True,
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )
    from environ import Env

    with temporary_connection(Env.db_url_config(f"sqlite:///{restored_db}")) as restored:
        assert_site_intact(restored, source_rows)
    assert (restored_media / small_site.file.name).read_bytes() == b"%PDF-1.4\n%%EOF\n"


def test_restore_into_the_site_database_brings_back_what_was_lost(small_site, tmp_path, settings):
    source_rows = all_rows(connection)
    archive = tmp_path / "site.tar"
    create_backup(archive)
    # The disaster: revisions and translations gone, an uploaded file deleted.
    Translation.objects.all().delete()
    Revision.objects.all().delete()
    os.remove(small_site.file.path)
    call_command("restore_site", str(archive), no_input=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    connection.close()
    assert_site_intact(connection, source_rows)
    assert Revision.objects.count() == len(source_rows["wagtailcore_revision"])
    assert open(small_site.file.path, "rb").read() == b"%PDF-1.4\n%%EOF\n"


def test_a_damaged_archive_is_refused(tmp_path, db):
    bogus = tmp_path / "bogus.tar"
    import tarfile

    with tarfile.open(bogus, "w") as archive:
        note = tmp_path / "note.txt"
        note.write_text("not a backup")
        archive.add(note, arcname="note.txt")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a site backup"):
        call_command("restore_site", str(bogus), no_input=True)


def test_restore_refuses_a_backup_of_another_engine(tmp_path):
    # A backup of the migrated database is enough to be refused: no demo content to load.
    from core.backup import restore_backup

    archive = tmp_path / "site.tar"
    create_backup(archive, include_media=False)
    other = "postgres://nobody@127.0.0.1:1/none" if connection.vendor == "sqlite" else f"sqlite:///{tmp_path}/x.db"
    with pytest.raises(BackupError, match="target database is"):
        restore_backup(archive, target_url=other, include_media=False)


@pytest.mark.postgres
def test_postgresql_backup_restores_into_a_fresh_database(small_site, tmp_path):
    import psycopg

    source_rows = all_rows(connection)
    check_counts(source_rows)
    archive = tmp_path / "site.tar"
    call_command("backup_site", output=str(archive), stdout=open(os.devnull, "w"))  # noqa: SIM115

    config = connection.settings_dict
    fresh = f"coalition_restore_{uuid.uuid4().hex[:12]}"
    admin_dsn = f"host={config['HOST']} port={config['PORT'] or 5432} user={config['USER']} dbname=postgres"
    if config.get("PASSWORD"):
        admin_dsn += f" password={config['PASSWORD']}"
    with psycopg.connect(admin_dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
        url = f"postgres://{config['USER']}{password}@{config['HOST']}:{config['PORT'] or 5432}/{fresh}"
        call_command(
            "restore_site",
            str(archive),
            target_url=url,
            media_root=str(tmp_path / "restored-media"),
            no_input=True,
            stdout=open(os.devnull, "w"),  # noqa: SIM115
        )
        from environ import Env

        with temporary_connection(Env.db_url_config(url)) as restored:
            assert_site_intact(restored, source_rows)
        assert (tmp_path / "restored-media" / small_site.file.name).exists()
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
