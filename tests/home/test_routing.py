"""The home page routes a URL path with one query for its pages, to the same place as Wagtail's walk."""

import pytest

from django.http import Http404
from django.test import RequestFactory

from wagtail.models import Page

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
