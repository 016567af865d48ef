"""Fixtures shared by the whole suite.

``site_tree`` gives the two locales, the default site and the French home page with its
English translation; ``search_tree`` adds a small bilingual tree for the search and API tests,
``library_catalogue`` a few topics, groups and resources for the library's tests;
``demo_content`` gives the demo content (``load_demo_content``, the command a developer runs).
Each is built once per session and committed while the tests that read it run; each of those
tests runs in a transaction rolled back at its end, like any ``db`` test, and gets its own
copies of the pages. A transactional test that asks for one builds it itself, and its flush
removes it.

The tests run in this order (see ``pytest_collection_modifyitems``):

0. database tests that read none of them: they see the database as migrations left it;
1. database tests reading the search tree, the library's catalogue, then the site tree alone;
2. database tests reading the demo content, the browser tests last among them;
3. transactional tests (other connections must see committed rows), those with
   ``serialized_rollback`` first;
4. tests without the database.

Between these, the database is put back as migrations left it (flush, then the serialization
taken at set-up: Django's public ``serialize_db_to_string`` / ``deserialize_db_from_string``).
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
# What a test may read from the session's committed content, the most complete first: a test
# asking for the search tree also reads the site tree below it.
COMMITTED_FIXTURES = (DEMO_FIXTURE, "search_tree", "library_catalogue", "site_tree")

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


def committed_content(item):
    """Which of the session's committed contents a (non-transactional) test reads, by its fixture's name, or None."""
    if item is None or _is_transactional(item):
        return None
    fixtures = getattr(item, "fixturenames", ())
    return next((name for name in COMMITTED_FIXTURES if name in fixtures), None)


def uses_session_demo(item):
    """A test that reads the session's committed demo content (not a transactional one)."""
    return committed_content(item) == DEMO_FIXTURE


def _restores_serialized_state(item):
    marker = item.get_closest_marker("django_db")
    return marker is not None and bool(marker.kwargs.get("serialized_rollback"))


def _phase(item):
    if _is_transactional(item):
        # Those that put the migrated state back first: after a test without it, the flush lets
        # Django create the content types again, and a serialized state restored next would collide.
        return 4 if _restores_serialized_state(item) else 4.5
    content = committed_content(item)
    if content == DEMO_FIXTURE:
        if item.get_closest_marker("browser") is None:
            return 1
        return 3 if item.get_closest_marker("changes_demo") else 2
    if content is not None:
        return 0.5 + COMMITTED_FIXTURES.index(content) / 10
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


def _site_tree_pages(home):
    english = Locale.objects.get(language_code="en")
    return {"fr": home, "en": home.get_translation(english).specific}


def build_site_tree():
    """The French home page, its English translation (through wagtail-localize) and the footer.

    The lead message has no picture here: each build would otherwise make its renditions again
    (the demo content has it, made once a session)."""
    from home import demo

    out = StringIO()
    french, english = demo.get_locales()
    home = demo.load_home(out, french, english, lead_image=False)
    demo.load_footer(out, french, english)
    return _site_tree_pages(home)


def fresh_site_tree(_built):
    from home.models import HomePage

    return _site_tree_pages(HomePage.objects.get(locale__language_code="fr"))


def build_search_tree():
    from tests.factories.searchapi import build_search_tree

    return build_search_tree(build_site_tree())


def fresh_search_tree(built):
    """The same pages and group as ``built``, read again: a test may change its copies without saving them."""
    from django.contrib.auth.models import Group

    from wagtail.models import Page

    from tests.factories.searchapi import SearchTree

    pages = Page.objects.filter(pk__in=[page.pk for page in (*built.fr.values(), *built.en.values())]).specific()
    by_pk = {page.pk: page for page in pages}
    return SearchTree(
        fr={key: by_pk[page.pk] for key, page in built.fr.items()},
        en={key: by_pk[page.pk] for key, page in built.en.items()},
        members_group=Group.objects.get(pk=built.members_group.pk),
    )


def reread(value):
    """``value`` (model instances in dicts, lists and tuples) with each instance read again from the database."""
    from django.db.models import Model

    if isinstance(value, Model):
        return type(value).objects.get(pk=value.pk)
    if isinstance(value, dict):
        return {key: reread(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(reread(item) for item in value)
    return value


def build_library_catalogue():
    from tests.factories.resources import build_catalogue

    return build_catalogue(build_site_tree())


def load_demo():
    call_command("load_demo_content", stdout=StringIO())


#: fixture name: (build it, committed; a test's own copy of what the build returned)
BUILDERS = {
    DEMO_FIXTURE: (load_demo, None),
    "search_tree": (build_search_tree, fresh_search_tree),
    "library_catalogue": (build_library_catalogue, reread),
    "site_tree": (build_site_tree, fresh_site_tree),
}


class CommittedDatabase:
    """The test database with one of the committed contents, and the way back to the migrated state."""

    def __init__(self, blocker, migrated):
        self.blocker = blocker
        self.migrated = migrated
        self.content = None
        self.built = None

    @property
    def loaded(self):
        return self.content is not None

    def ensure(self, content):
        """Commit ``content`` (a name of COMMITTED_FIXTURES) unless it is what the database holds."""
        if content is None or content == self.content:
            return
        if self.loaded:
            self.restore_migrated_state()
        build, _fresh = BUILDERS[content]
        with self.blocker.unblock():
            self.built = build()
        self.content = content

    def fresh(self, content):
        """A test's own copy of what building ``content`` returned (the database holds it, or more:
        every content holds the site tree)."""
        _build, fresh = BUILDERS[content]
        if content == self.content:
            return fresh(self.built)
        if content != "site_tree":
            raise RuntimeError(f"{content} and {self.content} are committed apart: no test can read both")
        return fresh(None)

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
        self.content = self.built = None


_committed = None
_current_item = None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's set-up, plus a serialization of the migrated state to come back to.

    Transactional tests empty the database when they end; the committed content stays for a
    while. At the end of the session the migrated state is put back, for the next run with --reuse-db.
    """
    global _committed
    from django.db import connections

    from wagtail.models import Page

    with django_db_blocker.unblock():
        migrated = {alias: connections[alias].creation.serialize_db_to_string() for alias in connections}
    _committed = CommittedDatabase(django_db_blocker, migrated)
    yield
    with django_db_blocker.unblock():
        emptied = not Page.objects.exists()
    if _committed.loaded or emptied:
        _committed.restore_migrated_state()
    _committed = None


@pytest.fixture(scope="session")
def committed_database(django_db_setup):
    """The session's committed content (see the module's docstring), holding what the first test to ask reads.

    Session-scoped, so it is set up before the test's own transaction begins; the tests after it
    get their content from ``pytest_runtest_setup``."""
    _committed.ensure(committed_content(_current_item))
    return _committed


@pytest.fixture(scope="session")
def demo_database(committed_database):
    """The demo content, committed for the tests that read it (see the module's docstring)."""
    return committed_database


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    global _current_item
    _current_item = item
    # Before the test's fixtures (and its transaction): the content it reads, committed.
    if _committed is not None:
        _committed.ensure(committed_content(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    # The last test reading the committed content has run: back to the migrated state before
    # the tests that expect it (the transactional ones flush it anyway).
    if _committed is not None and _committed.loaded and committed_content(nextitem) != _committed.content:
        _committed.restore_migrated_state()
    return result


@pytest.fixture
def demo_content(demo_database, request):
    if _is_transactional(request.node):
        # Committed for this test alone; the test's flush removes it.
        request.getfixturevalue("transactional_db")
        load_demo()
    else:
        request.getfixturevalue("db")


@pytest.fixture
def locales(db):
    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return french, english


def _committed_value(name, request, committed_database):
    build, _fresh = BUILDERS[name]
    if _is_transactional(request.node):
        # Committed for this test alone; the test's flush removes it.
        request.getfixturevalue("transactional_db")
        return build()
    request.getfixturevalue("db")
    return committed_database.fresh(name)


@pytest.fixture
def site_tree(committed_database, request):
    """``{"fr": the French home page, "en": its English translation (through wagtail-localize)}``, and the footer."""
    return _committed_value("site_tree", request, committed_database)


@pytest.fixture
def library_catalogue(committed_database, request):
    """The site tree with two topics, two working groups and three resources (tests/factories/resources.py)."""
    return _committed_value("library_catalogue", request, committed_database)


@pytest.fixture
def search_tree(committed_database, request):
    """The site tree with a small bilingual tree for the search and API tests (tests/factories/searchapi.py)."""
    return _committed_value("search_tree", request, committed_database)


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
