"""Anonymous visitors get cached pages; nobody else does; publishing refreshes them."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from home.models import SiteFooter, StandardPage


@pytest.fixture
def about(site_tree):
    page = site_tree["fr"].add_child(instance=StandardPage(title="À propos", slug="a-propos"))
    page.save_revision().publish()
    return page


def test_second_anonymous_visit_is_served_from_the_cache(client, about):
    first = client.get("/fr/a-propos/")
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/fr/a-propos/")
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert "s-maxage=300" in second["Cache-Control"]
    assert "public" in second["Cache-Control"]


def test_languages_and_query_strings_are_cached_apart(client, site_tree):
    french = client.get("/fr/").content.decode()
    english = client.get("/en/").content.decode()
    assert '<html lang="fr">' in french
    assert '<html lang="en">' in english
    assert client.get("/en/").content.decode() == english
    assert client.get("/en/?utm=1")["X-Page-Cache"] == "miss"


def test_signed_in_visitors_are_never_served_or_stored(client, about, django_user_model):
    client.get("/fr/a-propos/")  # anonymous: stored
    user = django_user_model.objects.create_user(email="member@example.org", password="x")
    client.force_login(user)
    response = client.get("/fr/a-propos/")
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_publishing_refreshes_the_cached_page(client, about):
    client.get("/fr/a-propos/")
    about.title = "Qui sommes-nous"
    about.save_revision().publish()
    response = client.get("/fr/a-propos/")
    assert response["X-Page-Cache"] == "miss"
    assert "Qui sommes-nous" in response.content.decode()


def test_unpublishing_removes_the_page_from_the_cache(client, about):
    client.get("/fr/a-propos/")
    about.unpublish()
    assert client.get("/fr/a-propos/").status_code == 404


def test_a_snippet_change_refreshes_pages_that_show_it(client, site_tree):
    client.get("/en/")
    footer = SiteFooter.objects.get(locale__language_code="en")
    footer.phone = "514 000-0000"
    footer.save()
    assert "514 000-0000" in client.get("/en/").content.decode()


def test_a_page_made_private_is_not_served_from_the_cache(client, about):
    client.get("/fr/a-propos/")
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/fr/a-propos/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_private_pages_are_never_stored(client, about, django_user_model):
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    user = django_user_model.objects.create_user(email="reader@example.org", password="x")
    client.force_login(user)
    assert "X-Page-Cache" not in client.get("/fr/a-propos/")
    client.logout()
    assert client.get("/fr/a-propos/").status_code == 302


def test_previews_are_never_cached(admin_client, about):
    response = admin_client.get(f"/admin/pages/{about.pk}/edit/preview/")
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("model_name", ["WorkingGroupIndexPage", "WorkingGroupPage"])
def test_routable_pages_are_cached_too(client, demo_content, model_name):
    from workinggroups import models

    page = getattr(models, model_name).objects.live().filter(locale__language_code="en").first()
    assert client.get(page.url)["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(page.url)
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0


def test_publishing_purges_the_page_from_a_configured_cdn(about, settings):
    from unittest import mock

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://cdn.invalid"}
    }
    with mock.patch("wagtail.contrib.frontend_cache.backends.http.HTTPBackend.purge") as purge:
        about.title = "Qui sommes-nous"
        about.save_revision().publish()
    purged = [call.args[0] for call in purge.call_args_list]
    # The page's own address, as it is: not rewritten into the other language's prefix.
    assert [url for url in purged if url.endswith("/fr/a-propos/")]
    assert not [url for url in purged if "/en/a-propos/" in url]
