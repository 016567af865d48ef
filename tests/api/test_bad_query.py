"""Odd query strings on the API's listings: always a JSON 4xx, never a 500 or the site's HTML pages."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wagtail.api.v3.urls import api

from config.api import API_PREFIX
from config.api_query import DECLARED_ONLY_LISTINGS, FIELD_FILTERED_LISTINGS, declared_parameters

pytestmark = pytest.mark.django_db

LISTINGS = ["/api/v3/pages/", "/api/v3/documents/", "/api/v3/images/"]
NUMERIC_PARAMETERS = ["offset", "limit", "child_of", "descendant_of", "ancestor_of", "translation_of", "id"]
ODD_NUMBERS = ["100000000000000000000", "9223372036854775808", "-1", "-99999999999999999999", "abc", "1e3", "0" * 5000]


def assert_json_4xx(response):
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


@pytest.mark.parametrize("path", LISTINGS)
@pytest.mark.parametrize("value", ["100000000000000000000", "9223372036854775808", "-99999999999999999999"])
def test_a_number_past_64_bits_is_a_json_400_naming_it(client, site_tree, path, value):
    body = assert_json_4xx(client.get(path, {"offset": value}))
    assert body["status"] == 400
    assert "offset" in body["detail"]


def test_the_largest_offset_the_database_holds_is_an_empty_page(client, site_tree):
    response = client.get("/api/v3/pages/", {"offset": str(2**63 - 1)})
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize("path", LISTINGS)
@given(name=st.sampled_from(NUMERIC_PARAMETERS), value=st.sampled_from(ODD_NUMBERS) | st.integers().map(str))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_numeric_parameters_never_answer_500(client, site_tree, path, name, value):
    response = client.get(path, {name: value})
    if response.status_code != 200:
        assert_json_4xx(response)


@pytest.mark.parametrize("path", LISTINGS)
def test_a_filter_on_a_field_that_does_not_exist_is_refused_by_name(client, site_tree, path):
    body = assert_json_4xx(client.get(path, {"colour": "red", "title": "x"}))
    assert body["status"] == 400
    assert "colour" in body["detail"]
    assert "title" not in body["detail"]
    assert body["errors"] == [{"loc": ["query", "colour"], "msg": "unknown parameter"}]


@pytest.mark.parametrize(
    "query",
    [
        {"locale": "fr", "type": "home.HomePage", "order": "-title", "limit": "5", "offset": "0"},
        {"child_of": "root", "search": "accueil", "search_operator": "and"},
        {"title": "Accueil", "slug": "accueil", "locale": "fr"},
        {"rich_text_format": "html"},
        {"search": "100000000000000000000"},
    ],
)
def test_the_parameters_wagtail_reads_are_still_accepted(client, site_tree, query):
    assert client.get("/api/v3/pages/", query).status_code == 200


def test_a_field_of_the_type_asked_for_is_a_filter(client, site_tree):
    # ``type`` brings its model's own api_fields into the accepted filters; unknown on plain pages.
    assert client.get("/api/v3/pages/", {"colour": "red"}).status_code == 400


@pytest.mark.parametrize("path", ["/api/v3/pages/", "/api/v3/documents/"])
def test_a_long_search_with_a_quoted_phrase_cut_in_two_is_answered(client, site_tree, path):
    # The 200-character cut falls inside the phrase.
    search = "word " * 30 + '"detention and access to services ' + "for refugees " * 5 + 'in Canada"'
    assert search.index('"') < 200 < search.rindex('"')
    response = client.get(path, {"search": search})
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/json")


def test_a_value_the_database_refuses_is_a_json_400_not_the_html_error_page(rf):
    from django.db import DataError

    from config.api import APIMiddleware

    response = APIMiddleware(lambda request: None).process_exception(
        rf.get("/api/v3/pages/"), DataError("bigint out of range")
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert APIMiddleware(lambda request: None).process_exception(rf.get("/fr/"), DataError("x")) is None


def test_a_snippet_listing_refuses_unknown_filters_too(client, site_tree):
    body = assert_json_4xx(client.get("/api/v3/snippets/home.sitefooter/", {"colour": "red"}))
    assert body["status"] == 400
    assert "colour" in body["detail"]
    # Its own parameters are left to Wagtail (which asks an anonymous visitor for a token).
    assert client.get("/api/v3/snippets/home.sitefooter/", {"locale": "fr", "order": "id"}).status_code != 400


@pytest.mark.parametrize(
    ("pattern", "operation"),
    [(pattern, operation) for pattern, operation, *_rest in FIELD_FILTERED_LISTINGS + DECLARED_ONLY_LISTINGS],
    ids=lambda value: getattr(value, "pattern", ""),
)
def test_each_listing_accepts_the_query_parameters_its_openapi_description_lists(pattern, operation):
    # Read from the listing's own operation: they must stay the ones the published description names.
    schema = api.get_openapi_schema(path_prefix=API_PREFIX)
    described = schema["paths"][API_PREFIX + pattern.pattern.replace("(?P<type>[^/]+)", "{type}")]["get"]
    assert declared_parameters(*operation) == {p["name"] for p in described["parameters"] if p["in"] == "query"}
