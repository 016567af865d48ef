"""/health/ tells a load balancer whether this process can serve."""

from unittest import mock

import pytest

from django.db import OperationalError, connections


def test_health_ok(client, db, settings):
    settings.REDIS_URL = ""  # local-memory cache: nothing shared to check (a live Redis: tests/hardening)
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "not configured"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_health_reports_database_down(client, db):
    # On the class: /health/ asks from a thread of its own, with a connection of its own.
    with mock.patch.object(type(connections["default"]), "cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_health_checks_the_shared_cache_when_configured(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/1"
    with mock.patch("config.views.cache.set", side_effect=ConnectionError("no redis")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["cache"] == "down"
    assert response.json()["database"] == "ok"


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_health_is_read_only(client, db, method):
    assert getattr(client, method)("/health/").status_code == 405
