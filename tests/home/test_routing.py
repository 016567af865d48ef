"""The home page routes a URL path with one query for its pages, to the same place as
Wagtail's walk; the route of a path is then kept, and follows every change."""

import pytest

from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

from home.models import HomePage, StandardPage
from tests.factories.resources import make_working_group
from tests.factories.workinggroups import ProjectPageFactory

pytestmark = pytest.mark.django_db


def outcome(route, home, components):
    request = RequestFactory().get("/")
    try:
        result = route(home, request, components)
    except Http404:
        return "404"
    page, args, kwargs = result
    view = args[0].__name__ if args and callable(args[0]) else None
    return (page.pk, type(page), view, args[1:] if view else args, kwargs)


@pytest.fixture
def tree(site_tree):
    home = site_tree["fr"]
    group = make_working_group(home, "Premier groupe", "First group")
    ProjectPageFactory(parent=group, slug="projet")
    draft = ProjectPageFactory(parent=group, slug="brouillon")
    draft.unpublish()
    about = home.add_child(instance=StandardPage(title="À propos", slug="a-propos"))
    about.save_revision().publish()
    about.add_child(instance=StandardPage(title="Équipe", slug="equipe")).save_revision().publish()
    about.unpublish()  # a draft on the way: Wagtail still routes to its live child
    return home


@pytest.mark.parametrize(
    "path",
    [
        "groupes-de-travail/premier-groupe/projet",
        "groupes-de-travail/premier-groupe",
        "groupes-de-travail/premier-groupe/calendar",
        "groupes-de-travail/calendar",
        "groupes-de-travail/premier-groupe/brouillon",
        "groupes-de-travail/premier-groupe/inconnu",
        "groupes-de-travail/inconnu/projet",
        "a-propos/equipe",
        "a-propos/inconnu",
        "inconnu/equipe",
    ],
)
def test_same_route_as_wagtail(tree, path, django_assert_max_num_queries):
    components = path.split("/")
    home = HomePage.objects.get(pk=tree.pk)
    expected = outcome(Page.route, home, components)
    # The pages on the path, then the last one's specific page (and a routable page's own lookups).
    with django_assert_max_num_queries(3):
        assert outcome(HomePage.route, home, components) == expected


def test_every_page_is_served_through_the_short_route(client, tree):
    for page in Page.objects.live().descendant_of(tree).filter(locale=tree.locale):
        assert client.get(page.url).status_code == 200, page.url


# --- The route kept in the cache (home.middleware.CachedRouteMiddleware) -------------------------


@pytest.fixture
def uncached_client(client, settings):
    """Whole-page cache off: every request is routed, the second from the kept route."""
    settings.PAGE_CACHE_ENABLED = False
    return client


def served(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode() if response.status_code == 200 else ""


def add_page(parent, title, slug):
    page = parent.add_child(instance=StandardPage(title=title, slug=slug))
    page.save_revision().publish()
    return page


def test_a_kept_route_costs_fewer_queries_than_wagtails_walk(uncached_client, tree):
    url = "/fr/a-propos/equipe/"
    with CaptureQueriesContext(connection) as walked:
        assert uncached_client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as kept:
        assert uncached_client.get(url).status_code == 200
    # The locale, the home page's translation and specific page, the pages on the path: read once.
    assert len(kept) <= len(walked) - 3


def test_a_renamed_page_answers_at_its_new_address_only(uncached_client, tree):
    about = add_page(tree, "Histoire", "histoire")
    assert served(uncached_client, "/fr/histoire/")[0] == 200
    about.slug = "notre-histoire"
    about.save_revision().publish()
    assert served(uncached_client, "/fr/histoire/")[0] == 404
    assert "Histoire" in served(uncached_client, "/fr/notre-histoire/")[1]


def test_an_unpublished_or_deleted_page_is_not_found_through_its_kept_route(uncached_client, tree):
    first, second = add_page(tree, "Premier", "premier"), add_page(tree, "Second", "second")
    assert served(uncached_client, "/fr/premier/")[0] == served(uncached_client, "/fr/second/")[0] == 200
    first.unpublish()
    second.delete()
    assert served(uncached_client, "/fr/premier/")[0] == 404
    assert served(uncached_client, "/fr/second/")[0] == 404


def test_a_moved_page_answers_under_its_new_parent(uncached_client, tree):
    page = add_page(tree, "Histoire", "histoire")
    parent = add_page(tree, "Coalition", "coalition")
    assert served(uncached_client, "/fr/histoire/")[0] == 200
    page.move(parent, pos="last-child")
    # Not the page at its old address: Wagtail's redirect to the new one.
    old = uncached_client.get("/fr/histoire/")
    assert (old.status_code, old["Location"]) == (301, "/fr/coalition/histoire/")
    assert "Histoire" in served(uncached_client, "/fr/coalition/histoire/")[1]


def test_each_language_keeps_its_own_route(uncached_client, site_tree):
    for _ in range(2):  # the second time from the kept routes
        assert 'lang="fr"' in served(uncached_client, "/fr/")[1]
        assert 'lang="en"' in served(uncached_client, "/en/")[1]


def test_a_routable_pages_sub_path_is_routed_from_the_kept_route(uncached_client, tree):
    group = Page.objects.get(slug="premier-groupe")
    for _ in range(2):
        response = uncached_client.get(group.url + "calendar/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")


def test_a_page_made_private_is_refused_through_its_kept_route(uncached_client, tree):
    page = add_page(tree, "Réservé", "reserve")
    assert served(uncached_client, "/fr/reserve/")[0] == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = uncached_client.get("/fr/reserve/")
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "accounts" in response["Location"]
