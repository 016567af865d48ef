"""The cached fragments (footer, main menu, language links, breadcrumbs, the anonymous
resources panel) show a change at once, in both languages, with the whole-page cache off
and on; so does a new view restriction (menu, and Wagtail's check before serving)."""

import pytest

from wagtail.models import Locale, PageViewRestriction

from home.models import SiteFooter, StandardPage
from home.translation import translate_instance
from tests.factories.resources import ResourceFactory, make_working_group

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[False, True], ids=["page-cache-off", "page-cache-on"])
def client(request, client, settings):
    settings.PAGE_CACHE_ENABLED = request.param
    return client


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_footer_edit_shows_at_once_in_each_language(client, site_tree):
    assert "Conseil canadien pour les réfugiés" in html(client, "/fr/")
    english = html(client, "/en/")
    french_footer = SiteFooter.objects.get(locale__language_code="fr")
    french_footer.organisation_name = "Coalition renommée"
    french_footer.save()
    assert "Coalition renommée" in html(client, "/fr/")
    assert "Coalition renommée" not in html(client, "/en/")
    english_footer = SiteFooter.objects.get(locale__language_code="en")
    english_footer.organisation_name = "Renamed coalition"
    english_footer.save()
    assert "Renamed coalition" in html(client, "/en/")
    assert english != html(client, "/en/")


def test_new_group_shows_at_once_in_both_languages(client, site_tree):
    first = make_working_group(site_tree["fr"], "Premier groupe", "First group")
    index = first.get_parent()
    french_index, english_index = index.url, index.get_translation(Locale.objects.get(language_code="en")).url
    html(client, french_index), html(client, english_index)
    make_working_group(site_tree["fr"], "Nouveau groupe", "New group")
    assert "Nouveau groupe" in html(client, french_index)
    assert "New group" in html(client, english_index)


def test_menu_follows_publishing_in_both_languages(client, site_tree):
    assert "À propos" not in html(client, "/fr/")
    html(client, "/en/")
    about = site_tree["fr"].add_child(instance=StandardPage(title="À propos", slug="a-propos", show_in_menus=True))
    about.save_revision().publish()
    assert 'href="/fr/a-propos/"' in html(client, "/fr/")
    translate_instance(about, Locale.objects.get(language_code="en"), {"À propos": "About", "a-propos": "about"})
    assert 'href="/en/about/"' in html(client, "/en/")
    about.unpublish()
    assert 'href="/fr/a-propos/"' not in html(client, "/fr/")


def test_language_links_follow_a_new_translation(client, site_tree):
    french = site_tree["fr"].add_child(instance=StandardPage(title="Histoire", slug="histoire"))
    french.save_revision().publish()
    assert 'hreflang="en" href="http://testserver/en/history/"' not in html(client, "/fr/histoire/")
    translate_instance(french, Locale.objects.get(language_code="en"), {"Histoire": "History", "histoire": "history"})
    assert 'hreflang="en" href="http://testserver/en/history/"' in html(client, "/fr/histoire/")


def breadcrumbs(client, url):
    page = html(client, url)
    start = page.index('<nav class="breadcrumbs')
    return page[start : page.index("</nav>", start)]


def test_breadcrumbs_follow_a_renamed_ancestor(client, site_tree):
    group = make_working_group(site_tree["fr"], "Premier groupe", "First group")
    assert "Les groupes de travail" in breadcrumbs(client, group.url)
    index = group.get_parent().specific
    index.title = "Nos groupes"
    index.save_revision().publish()
    trail = breadcrumbs(client, group.url)
    assert "Nos groupes" in trail and "Les groupes de travail" not in trail


def test_group_resources_panel_follows_a_new_resource(client, site_tree):
    group = make_working_group(site_tree["fr"], "Premier groupe", "First group")
    assert "Guide des nouveaux arrivants" not in html(client, group.url)
    ResourceFactory(title="Guide des nouveaux arrivants", links={"groups": [group]})
    assert "Guide des nouveaux arrivants" in html(client, group.url)


def test_a_new_restriction_applies_at_once(client, site_tree):
    """A page made private leaves the menu and asks to sign in, and so do its new children."""
    page = site_tree["fr"].add_child(instance=StandardPage(title="Réservé", slug="reserve", show_in_menus=True))
    page.save_revision().publish()
    assert 'href="/fr/reserve/"' in html(client, "/fr/")
    assert client.get("/fr/reserve/").status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert 'href="/fr/reserve/"' not in html(client, "/fr/")
    assert client.get("/fr/reserve/").status_code == 302
    child = page.add_child(instance=StandardPage(title="Dessous", slug="dessous"))
    child.save_revision().publish()
    assert client.get("/fr/reserve/dessous/").status_code == 302
