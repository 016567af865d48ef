"""Fixtures for the hardening tests."""

import pytest

from django.db import connections


@pytest.fixture(scope="session", autouse=True)
def _put_back_migration_data(django_db_setup, django_db_blocker):
    """Leave the test database as migrations made it, for the next run with --reuse-db.

    The backup and outage tests are transactional (pg_dump and a reconnecting process only
    see committed data); Django empties the database after each of them and puts the
    migration data (root page, locales) back only before the *next* serialized test. After
    the last one, this puts it back, so a later ``pytest --reuse-db`` on PostgreSQL starts
    from a database that still has Wagtail's root page.
    """
    yield
    from wagtail.models import Page

    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents and not Page.objects.using(alias).exists():
                connection.creation.deserialize_db_from_string(contents)
