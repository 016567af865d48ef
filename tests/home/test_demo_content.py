"""load_demo_content is idempotent and translates through wagtail-localize."""

from io import StringIO

import pytest

from django.apps import apps
from django.core.management import CommandError, call_command


def snapshot():
    """Every row of every model, as a comparable structure."""
    state = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        state[model._meta.label] = list(model.objects.order_by("pk").values())
    return state


def test_running_twice_changes_nothing(demo_content):
    first = snapshot()
    call_command("load_demo_content", stdout=StringIO())
    second = snapshot()
    changed = [label for label in first if first[label] != second[label]]
    assert changed == []
    assert first["home.HomePage"], "the demo content created no home page"


def test_english_pages_are_translations_of_french_sources(demo_content):
    from wagtail.models import Page
    from wagtail_localize.models import Translation

    english_pages = Page.objects.filter(locale__language_code="en", depth__gt=1)
    assert english_pages.exists()
    for page in english_pages:
        assert Translation.objects.filter(source__object_id=page.translation_key, target_locale=page.locale).exists(), (
            f"{page} was not made through wagtail-localize"
        )


def test_demo_accounts_are_refused_under_production_like_settings(db, settings):
    settings.DEMO_ACCOUNTS_ALLOWED = False
    with pytest.raises(CommandError, match="development only"):
        call_command("load_demo_content", stdout=StringIO())


@pytest.mark.one_pass
def test_content_alone_loads_under_production_like_settings(db, settings):
    from home.models import HomePage

    settings.DEMO_ACCOUNTS_ALLOWED = False
    call_command("load_demo_content", "--no-accounts", stdout=StringIO())
    assert HomePage.objects.count() == 2


LEGAL_PAGES = {
    "fr": ["/fr/politique-de-confidentialite/", "/fr/accessibilite/", "/fr/conditions-d-adhesion/"],
    "en": ["/en/privacy-policy/", "/en/accessibility/", "/en/terms-of-membership/"],
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_footer_links_to_the_legal_pages_in_each_language(client, demo_content, language):
    """The privacy policy, the accessibility statement and the terms of membership: real pages
    of several sections, linked from the footer of every page in the reader's language."""
    home = client.get(f"/{language}/").content.decode()
    footer = home[home.index('<footer class="site-footer">') :]
    for url in LEGAL_PAGES[language]:
        assert f'href="{url}"' in footer
        page = client.get(url)
        assert page.status_code == 200
        body = page.content.decode()
        assert f'<html lang="{language}">' in body
        assert body.count("<h2") >= 3
    accessibility = client.get(LEGAL_PAGES[language][1]).content.decode()
    assert "WCAG" in accessibility and "2.2" in accessibility


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("fr", ["Groupes de travail", "Rencontres", "Bibliothèque de ressources", "Se connecter", "Devenir membre"]),
        ("en", ["Working groups", "Meetings", "Resource library", "Sign in", "Become a member"]),
    ],
)
def test_the_demo_menu_reaches_groups_meetings_library_sign_in_and_membership(client, demo_content, language, labels):
    from home.models import MainMenu

    assert MainMenu.objects.filter(locale__language_code=language).exists()
    html = client.get(f"/{language}/").content.decode()
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>", html.index('<nav class="site-nav"'))]
    assert [label for label in labels if f">{label}</a>" in nav] == labels
    assert f'href="/{language}/{"rencontres" if language == "fr" else "meetings"}/"' in nav
