"""The main menu and the site footer are translated like pages, by translators as well as
communications staff; each language has one menu and one footer, and the editor says so."""

import pytest

from django.urls import reverse

from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from home.models import MainMenu, SiteFooter


@pytest.fixture
def french_menu(site_tree, locales):
    return MainMenu.objects.create(
        locale=locales[0], items=[("route", {"route": "resources", "label": "Bibliothèque"})]
    )


def snippet_url(model, action, *args):
    return reverse(f"wagtailsnippets_home_{model._meta.model_name}:{action}", args=args)


def test_a_translator_translates_the_menu_in_the_translation_editor(client, translator, french_menu, locales):
    english = locales[1]
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "mainmenu", french_menu.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"locales": [english.pk]}).status_code == 302

    english_menu = MainMenu.objects.get(locale=english)
    assert english_menu.translation_key == french_menu.translation_key
    response = client.get(snippet_url(MainMenu, "edit", english_menu.pk))
    assert response.status_code == 200
    # wagtail-localize's editor, holding the French label to translate.
    assert Translation.objects.filter(source__object_id=french_menu.translation_key, target_locale=english).exists()
    html = response.content.decode()
    assert 'class="js-translation-editor"' in html and "Biblioth" in html
    # Translating is not adding: a translator writes no menu of their own.
    assert client.get(snippet_url(MainMenu, "add") + "?locale=en").status_code in (302, 403)


def test_a_language_that_has_its_footer_is_not_offered_another(client, editor, site_tree, locales):
    french_footer = SiteFooter.objects.get(locale=locales[0])
    client.force_login(editor)
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "sitefooter", french_footer.pk])
    SiteFooter.objects.filter(locale=locales[1]).update(
        translation_key=SiteFooter._meta.get_field("translation_key").default()
    )
    response = client.post(url, {"locales": [locales[1].pk]})
    assert response.status_code == 200  # the form again: English is no longer a choice
    assert SiteFooter.objects.filter(locale=locales[1]).count() == 1


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Cette langue (Français) a déjà un menu principal\u00a0: modifiez celui-ci."),
        ("en", "This language (French) already has a main menu: edit that one instead."),
    ],
)
def test_a_second_menu_in_a_language_is_refused_in_the_editors_language(client, editor, french_menu, language, message):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)
    response = client.post(snippet_url(MainMenu, "add") + "?locale=fr", {"items-count": "0"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert MainMenu.objects.filter(locale__language_code="fr").count() == 1
