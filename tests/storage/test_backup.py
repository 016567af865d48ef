"""Backups carry the bucket's objects: a restore onto an empty database and an empty bucket gives
back every page, document (with its file) and account."""

import os

import pytest
from environ import Env

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from wagtail.images import get_image_model

from core.backup import temporary_connection
from tests.factories.resources import ResourceFactory, make_user
from tests.hardening.test_uploads import png_bytes
from tests.s3 import storage_settings

# Backups read committed data: transactional tests, as in tests/hardening/test_backup.py.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def quiet():
    return open(os.devnull, "w")  # noqa: SIM115


def rows(conn, query):
    with conn.cursor() as cursor:
        cursor.execute(query)
        return sorted(cursor.fetchall())


QUERIES = {
    "pages": "SELECT id, title, url_path FROM wagtailcore_page",
    "documents": "SELECT id, title, file FROM wagtaildocs_document",
    "accounts": "SELECT id, email, password FROM members_user",
}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's dump is covered by tests/hardening")
def test_a_restore_onto_an_empty_database_and_bucket_gives_everything_back(
    site_tree, object_storage, s3_server, settings, tmp_path
):
    resource = ResourceFactory(audience="members")
    make_user("member@example.org", member=True)
    image = get_image_model().objects.create(title="Atelier", file=SimpleUploadedFile("a.png", png_bytes()))
    image.get_rendition("fill-10x10")
    before = {name: rows(connection, query) for name, query in QUERIES.items()}
    files = {
        key: s3_server.client().get_object(Bucket=object_storage, Key=key)["Body"].read()
        for key in s3_server.keys(object_storage)
    }
    assert len(files) == 3 and all(before.values())

    archive = tmp_path / "site.tar"
    call_command("backup_site", output=str(archive), stdout=quiet())

    # The disaster: a new, empty bucket and an empty database file.
    empty_bucket = s3_server.new_bucket()
    for name, value in storage_settings(empty_bucket, s3_server.endpoint).items():
        setattr(settings, name, value)
    settings.STORAGES = {**settings.STORAGES}
    target = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    call_command("restore_site", str(archive), target_url=target, no_input=True, stdout=quiet())

    with temporary_connection(Env.db_url_config(target)) as restored:
        assert {name: rows(restored, query) for name, query in QUERIES.items()} == before
    assert s3_server.keys(empty_bucket) == sorted(files)
    for key, content in files.items():
        assert s3_server.client().get_object(Bucket=empty_bucket, Key=key)["Body"].read() == content
    assert resource.document.file.name in files
