"""The header's menu and the footer's page links, as staff set them in the admin: in the
reader's language, depending on the visitor, and fresh as soon as staff save them."""

import re

import pytest

from django.urls import reverse

from home.models import MainMenu, SiteFooter, StandardPage
from home.translation import translate_instance
from tests.factories.members import make_person

pytestmark = pytest.mark.django_db


def menu_links(client, url):
    """``[(label, href)]`` of the main menu's links on the page at ``url``."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return [(label.strip(), href) for href, label in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)]


def footer_links(client, url):
    html = client.get(url).content.decode()
    nav = re.search(r'<nav aria-labelledby="footer-about">.*?</nav>', html, re.S).group(0)
    return [(label.strip(), href) for href, label in re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav)]


def publish(parent, title, slug):
    page = parent.add_child(instance=StandardPage(title=title, slug=slug))
    page.save_revision().publish()
    return page


@pytest.fixture
def about(site_tree, locales):
    french = publish(site_tree["fr"], "À propos", "a-propos")
    translate_instance(french, locales[1], {"À propos": "About", "a-propos": "about"})
    return french


@pytest.fixture
def staff_menu(site_tree, locales, about):
    """Staff's French menu (a page with its own label, the library, the members area, sign-up) and its English."""
    french, english = locales
    menu = MainMenu(locale=french)
    menu.items = [
        ("page", {"page": about, "label": "Qui sommes-nous"}),
        ("route", {"route": "resources", "label": ""}),
        ("route", {"route": "members", "label": ""}),
        ("route", {"route": "signup", "label": "Adhérer"}),
    ]
    menu.save()
    translate_instance(menu, english, {"Qui sommes-nous": "Who we are", "Adhérer": "Join us"})
    return menu


@pytest.fixture(params=[False, True], ids=["page-cache-off", "page-cache-on"])
def client(request, client, settings):
    settings.PAGE_CACHE_ENABLED = request.param
    return client


def test_staff_menu_in_each_language_for_a_visitor(client, staff_menu):
    assert menu_links(client, "/fr/") == [
        ("Qui sommes-nous", "/fr/a-propos/"),
        ("Bibliothèque de ressources", "/fr/resources/"),
        ("Se connecter", "/fr/accounts/login/"),
        ("Adhérer", "/fr/accounts/signup/"),
    ]
    assert menu_links(client, "/en/") == [
        ("Who we are", "/en/about/"),
        ("Resource library", "/en/resources/"),
        ("Sign in", "/en/accounts/login/"),
        ("Join us", "/en/accounts/signup/"),
    ]


def test_signed_in_people_reach_the_members_area_and_are_not_asked_to_sign_up(client, staff_menu):
    client.force_login(make_person())
    assert menu_links(client, "/en/") == [
        ("Who we are", "/en/about/"),
        ("Resource library", "/en/resources/"),
        ("Members area", reverse("members:dashboard")),
    ]
    assert reverse("members:dashboard") == "/en/members/"


def test_the_current_part_of_the_site_is_marked(client, staff_menu):
    html = client.get("/fr/resources/").content.decode()
    assert '<a href="/fr/resources/" aria-current="page">' in html
    html = client.get("/fr/a-propos/").content.decode()
    assert '<a href="/fr/a-propos/" aria-current="page">' in html


def test_a_menu_edit_shows_at_once_in_its_language(client, staff_menu, locales):
    menu_links(client, "/fr/"), menu_links(client, "/en/")
    english = MainMenu.objects.get(locale=locales[1])
    english.items.insert(0, ("route", {"route": "search", "label": "Find"}))
    english.save()
    assert menu_links(client, "/en/")[0] == ("Find", "/en/search/")
    assert menu_links(client, "/fr/")[0] == ("Qui sommes-nous", "/fr/a-propos/")


def test_a_menu_page_that_is_unpublished_or_untranslated(client, staff_menu, site_tree, about):
    """An untranslated page is linked in its own language; an unpublished one leaves the menu."""
    only_french = publish(site_tree["fr"], "Seulement en français", "seul")
    french_menu = MainMenu.objects.get(locale__language_code="fr")
    french_menu.items.append(("page", {"page": only_french, "label": ""}))
    french_menu.save()
    # The English menu is staff's English one: the French page appears there once staff add it.
    english_menu = MainMenu.objects.get(locale__language_code="en")
    english_menu.items.append(("page", {"page": only_french, "label": ""}))
    english_menu.save()
    assert ("Seulement en français", "/fr/seul/") in menu_links(client, "/en/")
    about.unpublish()
    assert [label for label, _href in menu_links(client, "/fr/")][0] == "Bibliothèque de ressources"


def test_without_a_staff_menu_the_default_menu_reaches_the_library_members_and_sign_up(client, site_tree):
    assert menu_links(client, "/fr/") == [
        ("Bibliothèque de ressources", "/fr/resources/"),
        ("Se connecter", "/fr/accounts/login/"),
        ("Devenir membre", "/fr/accounts/signup/"),
    ]


def test_footer_links_to_pages_in_the_readers_language(client, site_tree, about, locales):
    french_footer = SiteFooter.objects.get(locale=locales[0])
    # Staff chose the French page in both footers (wagtail-localize keeps chosen pages as they are).
    for footer in SiteFooter.objects.all():
        footer.page_links = [("page", {"page": about, "label": ""})]
        footer.save()
    assert footer_links(client, "/fr/") == [("À propos", "/fr/a-propos/")]
    assert footer_links(client, "/en/") == [("About", "/en/about/")]
    french_footer.page_links = [("page", {"page": about, "label": "Notre coalition"})]
    french_footer.save()
    assert footer_links(client, "/fr/") == [("Notre coalition", "/fr/a-propos/")]


def test_the_header_shows_the_logo_in_the_pages_language(client, site_tree):
    french = client.get("/fr/").content.decode()
    english = client.get("/en/").content.decode()
    assert 'srcset="/static/img/logo-fr.svg"' in french and "logo-en.svg" not in french
    assert 'srcset="/static/img/logo-en.svg"' in english and "logo-fr.svg" not in english
    assert 'alt="Conseil canadien pour les réfugiés"' in french
    assert 'alt="Canadian Council for Refugees"' in english


@pytest.mark.parametrize(
    ("written", "tel"),
    [("514 277-7223", "+15142777223"), ("1 (514) 277.7223", "+15142777223"), ("+33 1 23 45 67 89", "+33123456789")],
)
def test_the_footers_phone_is_called_in_international_form_and_shown_as_written(client, site_tree, written, tel):
    SiteFooter.objects.update(phone=written)
    for language in ("fr", "en"):
        html = client.get(f"/{language}/").content.decode()
        assert f'<a href="tel:{tel}">{written}</a>' in html


def test_a_phone_number_that_cannot_be_called_is_refused_in_the_editor(site_tree, locales):
    from django.core.exceptions import ValidationError

    footer = SiteFooter.objects.get(locale=locales[0])
    for wrong in ("277-7223", "poste 12", "+1 514 277 72"):
        footer.phone = wrong
        with pytest.raises(ValidationError) as refused:
            footer.full_clean()
        assert "phone" in refused.value.message_dict
    footer.phone = "514 277-7223"
    footer.full_clean()
