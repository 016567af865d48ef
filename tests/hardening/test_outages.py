"""Faults that must not become a site outage: a dead Redis, an unreachable database."""

import os

import pytest

from django.core.cache import cache
from django.db import OperationalError, connection, connections
from django.test import Client, override_settings

DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1: connection refused at once
DEAD_CACHES = {
    "default": {
        "BACKEND": "core.caching.backends.TolerantRedisCache",
        "LOCATION": DEAD_REDIS,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


@pytest.fixture
def dead_redis(settings):
    with override_settings(CACHES=DEAD_CACHES, REDIS_URL=DEAD_REDIS):
        yield


def test_the_tolerant_cache_answers_like_an_empty_cache(dead_redis, db):
    assert cache.get("anything", "fallback") == "fallback"
    assert cache.set("key", "value") is None
    assert cache.add("key", "value") is True  # as if stored and evicted at once: locks and limits fail open
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("key") is False
    assert cache.incr("counter") == 1  # as if the counter had just been created
    cache.delete("key")
    cache.clear()


def test_djangos_own_redis_cache_would_fail(db):
    """Without the tolerant backend, the same outage raises: the test above can fail."""
    import redis

    plain = {**DEAD_CACHES["default"], "BACKEND": "django.core.cache.backends.redis.RedisCache"}
    with override_settings(CACHES={"default": plain}), pytest.raises(redis.exceptions.ConnectionError):
        cache.get("anything")


@pytest.mark.parametrize("path", ["/fr/", "/en/", "/fr/search/?q=groupe", "/sitemap.xml", "/robots.txt"])
def test_pages_render_while_redis_is_down(dead_redis, client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 200


def test_health_reports_the_cache_down(dead_redis, client, db):
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["cache"] == "down"
    assert response.json()["database"] == "ok"


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a live Redis (REDIS_URL)")
def test_health_reports_a_live_cache_up(client, db, settings):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["cache"] == "ok"


@pytest.fixture
def database_down(db):
    """Every query fails as it does when PostgreSQL refuses connections; ``undo()`` brings it back.

    Its own MonkeyPatch (not the shared fixture) so the database is back before the test
    database's own teardown needs it.
    """

    def refuse(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    patch = pytest.MonkeyPatch()
    # On the class: /health/ asks from a thread of its own, with a connection of its own.
    patch.setattr(type(connections["default"]), "cursor", refuse)
    yield patch
    patch.undo()


@pytest.mark.parametrize(
    ("path", "language", "title"),
    [
        ("/fr/", "fr", "Le site est momentanément indisponible"),
        ("/en/", "en", "The site is briefly unavailable"),
        ("/fr/a-propos/", "fr", "Le site est momentanément indisponible"),
        ("/en/search/?q=refugees", "en", "The site is briefly unavailable"),
    ],
)
def test_visitors_get_a_friendly_503_in_their_language(client, site_tree, database_down, path, language, title):
    response = client.get(path)
    assert response.status_code == 503
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert title in html
    assert response["Retry-After"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response["Content-Security-Policy"]  # headers still on


def test_health_says_503_while_the_database_is_down(client, db, database_down):
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_an_outage_raised_outside_a_view_gets_the_same_page(site_tree):
    """handler500 recognises a database error raised by a middleware, before any view."""
    from django.test import RequestFactory

    from core.views import server_error

    request = RequestFactory().get("/en/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert "The site is briefly unavailable" in response.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(request).status_code == 500


def test_the_site_serves_again_when_the_database_is_back(client, site_tree, database_down):
    assert client.get("/fr/").status_code == 503
    assert client.get("/health/").status_code == 503
    database_down.undo()
    assert client.get("/fr/").status_code == 200
    assert client.get("/health/").status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_postgresql_outage_and_recovery(site_tree):
    """Point the live connection at a closed port, then back: the same process recovers."""
    client = Client(raise_request_exception=False)
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        for path, title in (("/fr/", "Le site est momentanément indisponible"), ("/en/", "briefly unavailable")):
            response = client.get(path)
            assert response.status_code == 503
            assert title in response.content.decode()
        assert client.get("/health/").status_code == 503
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    assert client.get("/fr/").status_code == 200
    assert client.get("/health/").status_code == 200
