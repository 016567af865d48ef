"""Whatever is typed, the search engine is handed a query it can parse; a query error is never an outage."""

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from django.db import OperationalError
from django.test import RequestFactory

from wagtail.models import Page

from core.middleware import DatabaseUnavailableMiddleware, is_database_outage
from search.text import MAX_QUERY_LENGTH, clean_query

# Words, quotes and the characters FTS5 reads as syntax, in long runs: cuts fall anywhere.
QUERY_PIECES = [*"ab é\"'-*():^", "NOT ", "OR ", "NEAR", "détention "]
QUERY_TEXT = st.lists(st.sampled_from(QUERY_PIECES), max_size=200).map("".join)


@given(raw=QUERY_TEXT)
@example(raw='"a""a"')  # two phrases side by side
@example(raw='"" "a"')
def test_a_cleaned_query_has_balanced_quotes_and_no_empty_phrase(raw):
    query, _shortened = clean_query(raw)
    assert query.count('"') % 2 == 0
    # Two phrases side by side are fine ("a" "a"); a phrase with nothing in it is not.
    assert all(phrase.strip() for phrase in re.findall(r'"([^"]*)"', query))
    assert len(query) <= MAX_QUERY_LENGTH


def test_a_phrase_cut_by_the_length_limit_loses_its_quotes():
    query, shortened = clean_query("word " * 30 + '"detention ' + "and access " * 20 + '"')
    assert shortened
    assert '"' not in query


def test_phrases_that_fit_are_kept():
    assert clean_query('"access to services" "detention"')[0] == '"access to services" "detention"'
    assert clean_query('"demandeurs d\'asile"')[0] == '"demandeurs d asile"'


PHRASES = ['"l\'asile"', '"demandeurs d\'asile"', '"Côte-Nord"', "l'asile", '"NOT" OR', "a NEAR b"]


@pytest.mark.django_db
@pytest.mark.parametrize("raw", PHRASES)
def test_phrases_with_apostrophes_and_hyphens_are_searched(site_tree, raw):
    query, _shortened = clean_query(raw)
    list(Page.objects.live().search(query, operator="and")[:1])


@pytest.mark.django_db
@given(raw=QUERY_TEXT)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_engine_parses_every_cleaned_query(site_tree, raw):
    query, _shortened = clean_query(raw)
    if query:
        list(Page.objects.live().search(query, operator="and")[:1])


@pytest.mark.parametrize(
    ("message", "outage"),
    [
        ('fts5: syntax error near "\'"', False),
        ("unterminated string", False),
        ("unable to open database file", True),
        ('connection to server at "127.0.0.1", port 5432 failed: Connection refused', True),
    ],
)
def test_only_a_lost_database_is_an_outage(message, outage):
    assert is_database_outage(OperationalError(message)) is outage


def test_a_query_error_is_not_answered_with_the_outage_page():
    request = RequestFactory().get("/fr/search/")
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    assert middleware.process_exception(request, OperationalError('fts5: syntax error near "\'"')) is None
    assert middleware.process_exception(request, OperationalError("database is locked")).status_code == 503
