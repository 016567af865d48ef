"""Anonymous searches are answered from the page cache, but never one that found nothing (editors count those)."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage
from search.models import UnansweredSearch


def test_a_repeated_anonymous_search_comes_from_the_cache_until_a_publish(client, search_tree):
    first = client.get("/fr/search/?q=d%C3%A9tention")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert "public" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/fr/search/?q=d%C3%A9tention")
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content

    page = StandardPage(title="Nouvelle page sur la détention", slug="nouvelle", introduction="La détention.")
    search_tree.fr["index"].add_child(instance=page)
    page.save_revision().publish()
    third = client.get("/fr/search/?q=d%C3%A9tention")
    assert third["X-Page-Cache"] == "miss"
    assert "Nouvelle page sur la détention" in third.content.decode()


def test_every_search_that_found_nothing_is_counted(client, search_tree):
    for _ in range(3):
        response = client.get("/en/search/?q=zzyzx")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
    assert UnansweredSearch.objects.get(language="en", query="zzyzx").count == 3


def test_a_signed_in_search_is_neither_served_from_nor_stored_in_the_cache(client, search_tree):
    client.get("/fr/search/?q=d%C3%A9tention")  # anonymous: stored
    user = get_user_model().objects.create_user(email="someone@example.org", password="x")  # noqa: S106
    client.force_login(user)
    response = client.get("/fr/search/?q=d%C3%A9tention")
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")
