"""Fixtures shared by the whole suite.

``site_tree`` gives the two locales, the default site and the French home page with its
English translation. ``demo_content`` gives the demo content (``load_demo_content``, the
command a developer runs), built once per session and committed; each test that asks for it
runs in a transaction rolled back at its end, like any ``db`` test.

The tests run in this order (see ``pytest_collection_modifyitems``):

1. database tests without the demo content: they see the database as migrations left it;
2. database tests with the demo content, the browser tests last among them; when the last
   has run, the database is put back as migrations left it (flush, then the serialization
   taken at set-up: Django's public ``serialize_db_to_string`` / ``deserialize_db_from_string``);
3. transactional tests (other connections must see committed rows), those with
   ``serialized_rollback`` first; a transactional test that asks for ``demo_content`` loads it
   itself, and its flush removes it;
4. tests without the database.
"""

import os
from io import StringIO

import pytest
from hypothesis import settings as hypothesis_settings

from django.core.management import call_command

from wagtail.models import Locale

# Markers: tests that start interpreters or servers (`subprocess`) and browser tests run in one
# CI pass only (PostgreSQL); `changes_demo` browser tests commit changes to the demo content.
DEMO_FIXTURE = "demo_database"

# Property-based tests draw the same examples on every run: CI and a developer see the same
# result.
hypothesis_settings.register_profile("suite", derandomize=True)
hypothesis_settings.load_profile("suite")


def _is_transactional(item):
    """Whether pytest-django runs the test in a TransactionTestCase (committed rows, flushed after)."""
    from django.test import TestCase, TransactionTestCase

    test_class = getattr(item, "cls", None)
    if test_class is not None and issubclass(test_class, TransactionTestCase):
        return not issubclass(test_class, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences") or (marker.args and marker.args[0])
    ):
        return True
    fixtures = getattr(item, "fixturenames", ())
    return "transactional_db" in fixtures or "live_server" in fixtures


def _uses_db(item):
    from django.test import TestCase

    test_class = getattr(item, "cls", None)
    if test_class is not None and issubclass(test_class, TestCase):
        return True
    return item.get_closest_marker("django_db") is not None or "db" in getattr(item, "fixturenames", ())


def uses_session_demo(item):
    """A test that reads the session's committed demo content (not a transactional one)."""
    return DEMO_FIXTURE in getattr(item, "fixturenames", ()) and not _is_transactional(item)


def _restores_serialized_state(item):
    marker = item.get_closest_marker("django_db")
    return marker is not None and bool(marker.kwargs.get("serialized_rollback"))


def _phase(item):
    if _is_transactional(item):
        # Those that put the migrated state back first: after a test without it, the flush lets
        # Django create the content types again, and a serialized state restored next would collide.
        return 4 if _restores_serialized_state(item) else 4.5
    if uses_session_demo(item):
        if item.get_closest_marker("browser") is None:
            return 1
        return 3 if item.get_closest_marker("changes_demo") else 2
    return 0 if _uses_db(item) else 5


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL to run it")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)
    # After pytest-django's own ordering and any -m/-k deselection: a stable sort into the phases
    # described at the top of this module.
    items.sort(key=_phase)


class DemoDatabase:
    """The test database with the demo content committed, and the way back to the migrated state."""

    def __init__(self, blocker, migrated):
        self.blocker = blocker
        self.migrated = migrated
        self.loaded = False

    def load(self):
        with self.blocker.unblock():
            call_command("load_demo_content", stdout=StringIO())
        self.loaded = True

    def restore_migrated_state(self):
        """Flush, then put back what the migrations created (root page, locales, groups)."""
        from django.apps import apps
        from django.contrib.contenttypes.models import ContentType
        from django.db import connections

        with self.blocker.unblock():
            # Restoring a multi-table child (a GroupApprovalTask) builds it without its parent's id, and
            # Wagtail then looks up its content type: with a cold cache (a reused database: no migrations
            # ran in this process) that inserts a new row, and the restored one collides with it.
            ContentType.objects.get_for_models(*apps.get_models())
            for alias, contents in self.migrated.items():
                # Sequences are kept, as Django's serialized rollback does: PostgreSQL would otherwise
                # hand out the restored rows' ids again.
                call_command(
                    "flush",
                    database=alias,
                    interactive=False,
                    verbosity=0,
                    inhibit_post_migrate=True,
                    reset_sequences=False,
                )
                connections[alias].creation.deserialize_db_from_string(contents)
        self.loaded = False


_demo_database = None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's set-up, plus a serialization of the migrated state to come back to.

    Transactional tests empty the database when they end; the demo content is committed for a
    while. At the end of the session the migrated state is put back, for the next run with --reuse-db.
    """
    global _demo_database
    from django.db import connections

    from wagtail.models import Page

    with django_db_blocker.unblock():
        migrated = {alias: connections[alias].creation.serialize_db_to_string() for alias in connections}
    _demo_database = DemoDatabase(django_db_blocker, migrated)
    yield
    with django_db_blocker.unblock():
        emptied = not Page.objects.exists()
    if _demo_database.loaded or emptied:
        _demo_database.restore_migrated_state()
    _demo_database = None


@pytest.fixture(scope="session")
def demo_database(django_db_setup, request):
    """The demo content, loaded once and committed, for the tests that read it (see the module's docstring)."""
    if not _demo_database.loaded and any(uses_session_demo(item) for item in request.session.items):
        _demo_database.load()
    return _demo_database


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    # The last test that reads the committed demo content has run: back to the migrated state
    # before the transactional tests.
    if _demo_database is not None and _demo_database.loaded and (nextitem is None or not uses_session_demo(nextitem)):
        _demo_database.restore_migrated_state()
    return result


@pytest.fixture
def demo_content(demo_database, request):
    if _is_transactional(request.node):
        # Committed for this test alone; the test's flush removes it.
        request.getfixturevalue("transactional_db")
        call_command("load_demo_content", stdout=StringIO())
    else:
        request.getfixturevalue("db")


@pytest.fixture
def locales(db):
    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return french, english


@pytest.fixture
def site_tree(locales):
    """French home page, its English translation (through wagtail-localize) and the footer.

    The lead message has no picture here: each test would otherwise make its renditions
    again (the demo content has it, made once a session)."""
    from home import demo

    out = StringIO()
    french, english = locales
    home = demo.load_home(out, french, english, lead_image=False)
    demo.load_footer(out, french, english)
    return {"fr": home, "en": home.get_translation(english).specific}


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    from search import memo

    cache.clear()
    memo.forget()
    yield
    cache.clear()
    memo.forget()


@pytest.fixture
def fake_machine_translator(settings):
    """The product has no machine translator without DeepL; tests of that path use a marking one."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "tests.translations.fake_translator.MarkingTranslator"}


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 server on a free port, for the whole session (tests/s3.py)."""
    from tests.s3 import S3Server

    server = S3Server().start()
    yield server
    server.stop()


@pytest.fixture
def object_storage(s3_server, settings):
    """Media in a fresh bucket of the S3 server for one test, as AWS_STORAGE_BUCKET_NAME would set it."""
    from tests.s3 import storage_settings

    bucket = s3_server.new_bucket()
    for name, value in storage_settings(bucket, s3_server.endpoint).items():
        setattr(settings, name, value)
    # Last: Django makes the default storage again when STORAGES changes, with the settings above.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "core.object_storage.MediaStorage"}}
    return bucket
