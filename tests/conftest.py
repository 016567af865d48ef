"""Fixtures shared by the whole suite.

``site_tree`` gives the two locales, the default site and the French home page
with its English translation; ``demo_content`` runs ``load_demo_content`` once per
test (it is the same command a developer runs).
"""

import os

import pytest

from django.core.management import call_command

from wagtail.models import Locale


def pytest_collection_modifyitems(config, items):
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL to run it")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)


@pytest.fixture(scope="session", autouse=True)
def _put_back_migration_data(django_db_setup, django_db_blocker):
    """Leave the test database as migrations made it, for the next run with --reuse-db.

    Transactional tests (backups, outages, races: other connections must see committed rows)
    empty the database when they end; Django puts the migrations' data (root page, locales,
    groups) back only before the *next* serialized test. After the last one, this puts it back.
    """
    yield
    from django.db import connections

    from wagtail.models import Page

    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents and not Page.objects.using(alias).exists():
                # Empty first: rows that post_migrate re-created would clash with the serialized ones.
                call_command(
                    "flush",
                    database=alias,
                    interactive=False,
                    verbosity=0,
                    inhibit_post_migrate=True,
                    reset_sequences=False,
                )
                connection.creation.deserialize_db_from_string(contents)


@pytest.fixture
def locales(db):
    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return french, english


@pytest.fixture
def site_tree(locales):
    """French home page, its English translation (through wagtail-localize) and the footer."""
    from io import StringIO

    from home import demo

    out = StringIO()
    french, english = locales
    home = demo.load_home(out, french, english)
    demo.load_footer(out, french, english)
    return {"fr": home, "en": home.get_translation(english).specific}


@pytest.fixture
def demo_content(db):
    from io import StringIO

    call_command("load_demo_content", stdout=StringIO())


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
