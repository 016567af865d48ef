"""The site is bilingual from the first request: redirects, lang, hreflang, switcher."""

import re

import pytest

from wagtail.models import Page

from home.models import StandardPage
from home.translation import translate_instance


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-CA,en;q=0.9", "/en/"), ("fr-CA,fr;q=0.9", "/fr/"), ("", "/fr/"), ("de-DE", "/fr/")],
)
def test_root_redirects_by_accept_language(client, site_tree, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language} if accept_language else {})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(("language", "other"), [("fr", "en"), ("en", "fr")])
def test_home_pages_have_lang_and_hreflang(client, site_tree, language, other):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert f'<link rel="alternate" hreflang="{other}" href="http://testserver/{other}/">' in html
    assert f'<link rel="alternate" hreflang="{language}" href="http://testserver/{language}/">' in html
    assert site_tree[language].title in html


def test_english_home_is_a_wagtail_localize_translation(site_tree):
    from wagtail_localize.models import Translation, TranslationSource

    french, english = site_tree["fr"], site_tree["en"]
    assert english.translation_key == french.translation_key
    assert english.locale.language_code == "en"
    source = TranslationSource.objects.get_for_instance(french)
    assert Translation.objects.filter(source=source, target_locale=english.locale).exists()
    assert english.title == "Canadian Council for Refugees"
    assert english.title != french.title


@pytest.fixture
def about_pages(site_tree, locales):
    about = site_tree["fr"].add_child(
        instance=StandardPage(title="À propos", slug="a-propos", introduction="Qui nous sommes.", show_in_menus=True)
    )
    about.save_revision().publish()
    english = translate_instance(
        about, locales[1], {"À propos": "About", "a-propos": "about", "Qui nous sommes.": "Who we are."}
    )
    return about, english


def test_switcher_goes_to_the_translated_page(client, about_pages):
    html = client.get("/fr/a-propos/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/en/about/"' in switcher
    assert "not translated yet" not in switcher


def test_menu_lists_pages_of_the_active_language(client, about_pages):
    english_html = client.get("/en/").content.decode()
    french_html = client.get("/fr/").content.decode()
    assert 'href="/en/about/">About</a>' in english_html
    assert 'href="/fr/a-propos/">À propos</a>' in french_html
    assert "À propos" not in english_html


def test_switcher_falls_back_to_nearest_translated_ancestor(client, site_tree):
    untranslated = site_tree["fr"].add_child(instance=StandardPage(title="Seulement en français", slug="seul"))
    untranslated.save_revision().publish()
    response = client.get("/fr/seul/")
    html = response.content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/en/"' in switcher
    assert "page not translated yet" in switcher
    # hreflang names only translations that exist.
    assert 'hreflang="en"' not in html.split("</head>")[0]


def test_draft_translation_is_not_offered(client, site_tree, locales):
    page = site_tree["fr"].add_child(instance=StandardPage(title="Brouillon anglais", slug="brouillon"))
    page.save_revision().publish()
    translate_instance(page, locales[1], {"Brouillon anglais": "English draft", "brouillon": "draft"}, publish=False)
    html = client.get("/fr/brouillon/").content.decode()
    assert 'href="/en/draft/"' not in html
    assert client.get("/en/draft/").status_code == 404


@pytest.mark.parametrize(("language", "title"), [("fr", "Page introuvable"), ("en", "Page not found")])
def test_not_found_page_speaks_the_language_of_the_url(client, site_tree, language, title):
    response = client.get(f"/{language}/cette-page-nexiste-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert title in html


def test_sitemap_lists_both_languages_with_alternates(client, about_pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for path in ("/fr/", "/en/", "/fr/a-propos/", "/en/about/"):
        assert f"<loc>http://testserver{path}</loc>" in xml
    assert 'hreflang="en" href="http://testserver/en/about/"' in xml
    # The pages, then the resource library's listing in each language.
    assert xml.count("<url>") == Page.objects.live().filter(depth__gt=1).count() + 2


def test_sitemap_leaves_out_private_pages(client, about_pages):
    from wagtail.models import PageViewRestriction

    about, _ = about_pages
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/fr/a-propos/" not in xml
    # The translation follows its source's privacy (translations app, issue 6).
    assert "/en/about/" not in xml


def test_robots_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
