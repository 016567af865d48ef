"""The API's HTTP behaviour around Wagtail's views: cache headers, bad input, JSON 404s, CORS."""

import pytest

from django.test import override_settings

pytestmark = pytest.mark.django_db

PROBLEM_JSON = "application/problem+json"


def test_anonymous_reads_are_publicly_cacheable_with_an_etag(client, site_tree):
    response = client.get("/api/v3/pages/", {"locale": "fr"})
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert "Authorization" in response["Vary"]
    etag = response["ETag"]

    again = client.get("/api/v3/pages/", {"locale": "fr"}, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    # Another answer has another ETag: the English list is sent in full.
    english = client.get("/api/v3/pages/", {"locale": "en"}, headers={"if-none-match": etag})
    assert english.status_code == 200
    assert english["ETag"] != etag


@pytest.mark.parametrize("path", ["/api/v3/pages/?locale=fr", "/api/v3/documents/", "/api/v3/pages/999999/"])
def test_head_answers_as_get_without_the_body(client, site_tree, path):
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == got.status_code
    assert head.content == b""
    for header in ("Content-Type", "Cache-Control", "ETag"):
        assert head.get(header) == got.get(header)


@override_settings(API_CACHE_MAX_AGE=60)
def test_max_age_follows_the_setting(client, site_tree):
    assert "max-age=60" in client.get("/api/v3/pages/")["Cache-Control"]


def test_a_request_with_an_authorization_header_is_never_cached(client, site_tree):
    etag = client.get("/api/v3/pages/", {"locale": "fr"})["ETag"]
    # An unknown token reads what anonymous visitors read, but the answer is still kept by no one.
    response = client.get(
        "/api/v3/pages/",
        {"locale": "fr"},
        headers={"authorization": "Bearer not-a-token", "if-none-match": etag},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "ETag" not in response


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    "path",
    [
        "/api/v3/pages/999999/",
        "/api/v3/documents/999999/",
        "/api/v3/pages/1/nonsense/",
        "/api/v3/nonsense/",
        "/api/v3/",
    ],
)
def test_not_found_is_a_json_404_not_a_redirect(client, db, path, language):
    # LocaleMiddleware would send a 404 to /fr/<path> or /en/<path>, which Wagtail's catch-all resolves.
    response = client.get(path, headers={"accept-language": language})
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json()["status"] == 404
    assert "public" not in response.get("Cache-Control", "")


def test_a_path_without_its_slash_gets_one_then_a_json_404(client, db):
    response = client.get("/api/v3/pages")
    assert response.status_code == 301
    assert response["Location"] == "/api/v3/pages/"
    response = client.get("/api/v3/nonsense", follow=True)
    assert response.redirect_chain == [("/api/v3/nonsense/", 301)]
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM_JSON


@pytest.mark.parametrize(
    "query",
    [{"locale": "fr\x00"}, {"search": "dét\x00ention"}, {"limit": "1\x00"}, {"nul\x00": "1"}],
    ids=["locale", "search", "limit", "name"],
)
def test_nul_bytes_in_the_query_string_are_a_json_400(client, db, query):
    response = client.get("/api/v3/pages/", query)
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json()["status"] == 400
    assert "public" not in response.get("Cache-Control", "")


@override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.org"])
def test_cors_for_configured_origins_only(client, site_tree):
    allowed = client.get("/api/v3/pages/", headers={"origin": "https://app.example.org"})
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    other = client.get("/api/v3/pages/", headers={"origin": "https://evil.example.com"})
    assert "Access-Control-Allow-Origin" not in other
    # Only the API answers cross-origin requests.
    page = client.get("/fr/", headers={"origin": "https://app.example.org"})
    assert "Access-Control-Allow-Origin" not in page
    preflight = client.options(
        "/api/v3/pages/",
        headers={"origin": "https://app.example.org", "access-control-request-method": "GET"},
    )
    assert preflight["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_no_cors_by_default(client, site_tree):
    response = client.get("/api/v3/pages/", headers={"origin": "https://app.example.org"})
    assert "Access-Control-Allow-Origin" not in response
