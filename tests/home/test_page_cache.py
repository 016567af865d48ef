"""Anonymous visitors get cached pages; nobody else does; publishing refreshes them."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template import engines
from django.template.response import SimpleTemplateResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.cache import patch_cache_control

from wagtail.models import PageViewRestriction

from core.caching.pages import AnonymousPageCacheMiddleware, public_page_cache
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


def through_the_page_cache(url, view, user=None):
    """``view`` answering ``url`` behind the page-cache middleware, on a request with no
    cookie at all: the path an anonymous visitor takes. ``user`` stands for someone signed
    in without a session cookie (an API token, a remote-user header)."""
    request = RequestFactory().get(url)
    request.user = user or AnonymousUser()
    with translation.override("fr"):
        return AnonymousPageCacheMiddleware(lambda request: view(request).render())(request)


def test_private_pages_are_never_stored(client, about, django_user_model):
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    reader = django_user_model.objects.create_user(email="reader@example.org", password="x")
    response = through_the_page_cache("/fr/a-propos/", about.serve, user=reader)
    assert response.status_code == 200 and "À propos" in response.content.decode()
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")
    # The next anonymous visitor is asked to sign in, not shown the reader's copy.
    for _ in range(2):
        refused = client.get("/fr/a-propos/")
        assert refused.status_code == 302
        assert "/accounts/login/" in refused["Location"]
        assert "X-Page-Cache" not in refused


def test_a_private_page_requested_anonymously_is_not_kept(client, about):
    assert client.get("/fr/a-propos/")["X-Page-Cache"] == "miss"
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/fr/a-propos/").status_code == 302
    PageViewRestriction.objects.filter(page=about).delete()
    # Public again: served afresh, not the refusal kept from before.
    response = client.get("/fr/a-propos/")
    assert (response.status_code, response["X-Page-Cache"]) == (200, "miss")


def test_previews_are_never_cached(client, about):
    """A draft previewed without a session never reaches the next anonymous visitor: not
    through ``serve`` (where pages declare their cache policy, and which a preview mode may
    call), nor through Wagtail's own preview request, which runs every middleware."""
    about.title = "Brouillon secret"
    draft = about.save_revision().as_object()

    def preview_through_serve(request):
        request.is_preview = True  # what PreviewableMixin.make_preview_request sets
        return draft.serve(request)

    for way, response in (
        ("serve", through_the_page_cache(about.url, preview_through_serve)),
        ("preview request", draft.make_preview_request()),
    ):
        assert "Brouillon secret" in response.content.decode(), way
        assert "X-Page-Cache" not in response, (way, response.get("X-Page-Cache"), response.get("Cache-Control"))
        assert "public" not in response.get("Cache-Control", ""), way
    live = client.get(about.url)
    assert live["X-Page-Cache"] == "miss"
    assert "Brouillon secret" not in live.content.decode()


def test_a_response_that_sets_a_cookie_is_neither_kept_nor_public(client, about):
    def sets_a_cookie(request):
        response = public_page_cache(about.serve)(request)
        response.set_cookie("chosen", "1")
        return response

    response = through_the_page_cache("/fr/a-propos/", sets_a_cookie)
    assert "X-Page-Cache" not in response
    assert "public" not in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert client.get("/fr/a-propos/")["X-Page-Cache"] == "miss"


def test_views_that_say_nothing_are_not_kept(client, site_tree):
    """Only views that declare a public cache policy are stored."""

    def says_nothing(request):
        return SimpleTemplateResponse(engines["django"].from_string("Bonjour"))

    for _ in range(2):
        response = through_the_page_cache("/fr/bonjour/", says_nothing)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response


def test_a_view_declared_public_may_still_keep_one_answer_private(client, about):
    def private_this_time(request):
        response = about.serve(request)
        patch_cache_control(response, private=True)
        return response

    response = through_the_page_cache("/fr/a-propos/", public_page_cache(private_this_time))
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "public" not in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_each_language_is_kept_apart(client, site_tree):
    for _ in range(2):
        assert '<html lang="fr">' in client.get("/fr/").content.decode()
        assert '<html lang="en">' in client.get("/en/").content.decode()


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
