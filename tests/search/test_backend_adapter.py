"""``search.backends`` is the one adapter on modelsearch's query internals: fail loudly if they move.

The SQLite index and ranking read modelsearch's FTS table model, index and query compiler. If an
upgrade moves them, this test says so by name, rather than the site quietly falling back to an order
where the best match is last. (On PostgreSQL, tests/search/test_postgres_search.py proves the
per-language index and query overrides still take effect.)
"""

import pytest

from django.db import connection

from wagtail.models import Page

from search import backends


@pytest.mark.django_db
def test_the_sqlite_ranking_finds_modelsearchs_fts_pieces():
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 table exists on SQLite only")
    assert backends.SQLiteFTSIndexEntry is not None, "modelsearch's SQLite FTS index model moved"
    # The stemmed index and its query compiler are the backend Wagtail uses on SQLite.
    assert isinstance(backends.SearchBackend({}), backends.StemmedSQLiteSearchBackend)
    compiler = Page.objects.search("réinstallations").query_compiler
    assert isinstance(compiler, backends.StemmedSQLiteQueryCompiler)
