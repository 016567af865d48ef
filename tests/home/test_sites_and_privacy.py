"""Sites and page privacy, read by Wagtail on every request: a change shows at once, even
one made by another process (no signal here), and each host is cached apart."""

import pytest

from wagtail.models import Page, PageViewRestriction, Site

from home.models import StandardPage
from home.visibility import publicly_listed

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(site_tree):
    page = site_tree["fr"].add_child(instance=StandardPage(title="À propos", slug="a-propos", show_in_menus=True))
    page.save_revision().publish()
    return page


def test_a_restriction_made_elsewhere_applies_at_once(client, about, settings):
    """Another app-server process adds the restriction: this process's signals never fire.
    (The whole-page cache, shared in production, follows the signals: tests/home/test_page_cache.py.)"""
    settings.PAGE_CACHE_ENABLED = False
    assert client.get("/fr/a-propos/").status_code == 200
    PageViewRestriction.objects.bulk_create(  # bulk_create sends no post_save: as if done by another process
        [PageViewRestriction(page=about, restriction_type=PageViewRestriction.LOGIN)]
    )
    response = client.get("/fr/a-propos/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not publicly_listed(StandardPage.objects.filter(pk=about.pk)).exists()


def test_publicly_listed_leaves_out_restricted_sections_and_aliases(about, site_tree):
    child = about.add_child(instance=StandardPage(title="Équipe", slug="equipe"))
    child.save_revision().publish()
    alias = about.create_alias(parent=site_tree["en"], update_slug="about-alias")
    listed = set(publicly_listed(Page.objects.all()).values_list("pk", flat=True))
    assert {about.pk, child.pk} <= listed
    assert alias.pk not in listed
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    listed = set(publicly_listed(Page.objects.all()).values_list("pk", flat=True))
    assert not {about.pk, child.pk} & listed
    assert site_tree["fr"].pk in listed


def test_a_site_change_refreshes_cached_pages(client, about):
    assert client.get("/fr/a-propos/")["X-Page-Cache"] == "miss"
    assert client.get("/fr/a-propos/")["X-Page-Cache"] == "hit"
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Coalition"
    site.save()
    assert client.get("/fr/a-propos/")["X-Page-Cache"] == "miss"


def test_each_host_is_cached_apart(client, about, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example.org"]
    assert client.get("/fr/a-propos/")["X-Page-Cache"] == "miss"
    assert client.get("/fr/a-propos/", headers={"host": "other.example.org"})["X-Page-Cache"] == "miss"


def test_a_disallowed_host_is_still_refused(client, site_tree, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    assert client.get("/fr/", headers={"host": "evil.example.org"}).status_code == 400
