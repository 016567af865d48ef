"""Wagtail routes every path (no router of our own): renamed, unpublished, deleted, moved
and restricted pages answer as Wagtail says, with the whole-page cache off and on."""

import pytest

from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from tests.factories.resources import make_working_group
from tests.factories.workinggroups import ProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[False, True], ids=["page-cache-off", "page-cache-on"])
def client(request, client, settings):
    settings.PAGE_CACHE_ENABLED = request.param
    return client


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


def served(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode() if response.status_code == 200 else ""


def add_page(parent, title, slug):
    page = parent.add_child(instance=StandardPage(title=title, slug=slug))
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("groupes-de-travail/premier-groupe/projet/", 200),
        ("groupes-de-travail/premier-groupe/", 200),
        ("groupes-de-travail/premier-groupe/brouillon/", 404),
        ("groupes-de-travail/premier-groupe/inconnu/", 404),
        ("groupes-de-travail/inconnu/projet/", 404),
        ("a-propos/equipe/", 200),
        ("a-propos/", 404),
        ("inconnu/equipe/", 404),
    ],
)
def test_live_pages_answer_and_the_rest_is_not_found(client, tree, path, status):
    for _ in range(2):  # the second time from the page cache, when it is on
        assert served(client, f"/fr/{path}")[0] == status


def test_a_renamed_page_answers_at_its_new_address_only(client, tree):
    about = add_page(tree, "Histoire", "histoire")
    assert served(client, "/fr/histoire/")[0] == 200
    about.slug = "notre-histoire"
    about.save_revision().publish()
    assert served(client, "/fr/histoire/")[0] == 404
    assert "Histoire" in served(client, "/fr/notre-histoire/")[1]


def test_an_unpublished_or_deleted_page_is_not_found(client, tree):
    first, second = add_page(tree, "Premier", "premier"), add_page(tree, "Second", "second")
    assert served(client, "/fr/premier/")[0] == served(client, "/fr/second/")[0] == 200
    first.unpublish()
    second.delete()
    assert served(client, "/fr/premier/")[0] == 404
    assert served(client, "/fr/second/")[0] == 404


def test_a_moved_page_answers_under_its_new_parent(client, tree):
    page = add_page(tree, "Histoire", "histoire")
    parent = add_page(tree, "Coalition", "coalition")
    assert served(client, "/fr/histoire/")[0] == 200
    page.move(parent, pos="last-child")
    # Not the page at its old address: Wagtail's redirect to the new one.
    old = client.get("/fr/histoire/")
    assert (old.status_code, old["Location"]) == (301, "/fr/coalition/histoire/")
    assert "Histoire" in served(client, "/fr/coalition/histoire/")[1]


def test_each_language_has_its_own_pages(client, site_tree):
    for _ in range(2):
        assert 'lang="fr"' in served(client, "/fr/")[1]
        assert 'lang="en"' in served(client, "/en/")[1]


def test_a_routable_pages_sub_path_is_routed(client, tree):
    group = Page.objects.get(slug="premier-groupe")
    for _ in range(2):
        response = client.get(group.url + "calendar/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")


def test_a_page_made_private_asks_to_sign_in(client, tree):
    page = add_page(tree, "Réservé", "reserve")
    assert served(client, "/fr/reserve/")[0] == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/fr/reserve/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/") or "/login/" in response["Location"]
