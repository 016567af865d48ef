"""Cache headers on anonymous API reads, CORS for configured origins only."""

import pytest

from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_anonymous_reads_are_publicly_cacheable_with_an_etag(client, site_tree):
    response = client.get("/api/v3/pages/", {"locale": "fr"})
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert "Authorization" in response["Vary"]
    etag = response["ETag"]
    again = client.get("/api/v3/pages/", {"locale": "fr"}, headers={"if-none-match": etag})
    assert again.status_code == 304


def test_errors_are_not_cached(client, site_tree):
    response = client.get("/api/v3/pages/999999/")
    assert response.status_code == 404
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
