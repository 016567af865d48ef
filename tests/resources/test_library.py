"""The library listing: filters in the URL, sort, pagination, bad input, both languages, query budget."""

import datetime
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from wagtail.models import Locale

from tests.factories.resources import ResourceFactory


@pytest.fixture
def catalogue(library_catalogue):
    """Two topics, two working groups and three resources (two translated), committed once a session."""
    return library_catalogue


def titles(response):
    return [resource.title for resource in response.context["resources"]]


def test_listing_in_both_languages_with_fallback(client, catalogue):
    response = client.get("/fr/resources/")
    assert response.status_code == 200
    assert titles(response) == ["Rapport sur les services", "Outil seulement en français", "Guide sur la détention"]
    assert "3 ressources" in response.content.decode()
    response = client.get("/en/resources/")
    # Untranslated resources show in the default language, marked with their language.
    assert titles(response) == ["Services report", "Outil seulement en français", "Detention guide"]
    assert 'lang="fr"' in response.content.decode()
    assert "Inland Protection" in response.content.decode()


def test_every_filter(client, catalogue):
    inland, settlement = catalogue["groups"]
    detention, services = catalogue["topics"]
    english_detention = detention.get_translation(Locale.objects.get(language_code="en"))
    cases = {
        "/fr/resources/?q=d%C3%A9tention": ["Guide sur la détention"],
        f"/fr/resources/?working_group={inland.pk}": ["Guide sur la détention"],
        f"/fr/resources/?topic={services.pk}": ["Rapport sur les services"],
        f"/en/resources/?topic={english_detention.pk}": ["Detention guide"],
        f"/en/resources/?working_group={settlement.pk}": ["Services report"],
        "/fr/resources/?kind=report": ["Rapport sur les services"],
        "/fr/resources/?year=2023": ["Outil seulement en français"],
        "/fr/resources/?audience=members": ["Guide sur la détention"],
        "/fr/resources/?file_language=en": [],
        "/fr/resources/?sort=title": [
            "Guide sur la détention",
            "Outil seulement en français",
            "Rapport sur les services",
        ],
    }
    for url, expected in cases.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert titles(response) == expected, url


def test_file_language_filter_finds_translations_with_their_own_file(client, catalogue):
    from tests.factories.resources import DocumentFactory

    english_version = catalogue["services"].get_translation(Locale.objects.get(language_code="en"))
    english_version.document = DocumentFactory()
    english_version.save()
    english_version.refresh_from_db()
    assert english_version.file_language == "en"
    response = client.get("/fr/resources/?file_language=en")
    assert titles(response) == ["Rapport sur les services"]
    response = client.get("/en/resources/?file_language=fr")
    assert "Services report" in titles(response)


def test_sort_by_most_downloaded(client, catalogue):
    for _ in range(3):
        catalogue["untranslated"].record_download()
    catalogue["detention"].record_download()
    response = client.get("/fr/resources/?sort=downloads")
    assert titles(response)[:2] == ["Outil seulement en français", "Guide sur la détention"]


@override_settings(RESOURCES_PAGE_SIZE=2)
def test_pagination_keeps_the_filters(client, catalogue):
    response = client.get("/fr/resources/?sort=title")
    html = response.content.decode()
    assert "Page 1 sur 2" in html
    assert "?sort=title&amp;page=2" in html
    response = client.get("/fr/resources/?sort=title&page=2")
    assert titles(response) == ["Rapport sur les services"]


BAD_QUERIES = [
    "working_group=999999",
    "working_group=abc",
    "working_group=99999999999999999999999999",
    "topic=-1",
    "topic=1.5",
    "topic=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "kind=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "year=abc",
    "year=99999999999999999999999999",
    "audience=everyone",
    "file_language=xx",
    "sort=%3Cb%3Ebold%3C%2Fb%3E",
    "q=" + "x" * 500,
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_filter_input_gives_a_message_and_a_400(client, catalogue, query):
    response = client.get(f"/fr/resources/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "pas pu être appliqués" in html
    assert 'class="errorlist"' in html
    assert "<script>alert(1)</script>" not in html and "<b>bold</b>" not in html


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "99999999999999999999999999", "%3Cscript%3E", "1.5"])
def test_bad_page_numbers_give_a_message_and_a_404(client, catalogue, page):
    response = client.get(f"/fr/resources/?page={page}")
    assert response.status_code == 404
    html = response.content.decode()
    assert "existe pas. Les résultats commencent à la page 1." in html
    assert "<script>" not in html
    # The first page of results still shows.
    assert len(titles(response)) == 3


def test_markup_in_the_text_filter_is_escaped(client, catalogue):
    response = client.get("/fr/resources/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_no_javascript_needed(client, catalogue):
    html = client.get("/fr/resources/").content.decode()
    assert "<script" not in html
    assert '<form method="get"' in html


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("page_size", [10, 50])
def test_query_budget_is_fixed(client, catalogue, visitors, page_size):
    """The same number of queries for 10 resources as for 40, listed on one page or spread over several,
    for anonymous visitors and members: a query per listed resource would show as thirty more."""
    inland, _ = catalogue["groups"]
    detention, _ = catalogue["topics"]
    client.force_login(visitors["approved"])
    with override_settings(RESOURCES_PAGE_SIZE=page_size):
        for index in range(7):
            ResourceFactory(
                title=f"Lot A {index}",
                audience="members" if index % 2 else "public",
                links={"topics": [detention], "groups": [inland]},
            )
        for language in ("fr", "en"):
            client.get(f"/{language}/resources/")  # warm the per-site caches (root paths, locales, fragments)
        few = {language: _queries(client, f"/{language}/resources/") for language in ("fr", "en")}
        for index in range(30):
            ResourceFactory(title=f"Lot B {index}", links={"topics": [detention], "groups": [inland]})
        for language in ("fr", "en"):
            client.get(f"/{language}/resources/")  # the new resources refreshed the cached fragments
        many = {language: _queries(client, f"/{language}/resources/") for language in ("fr", "en")}
    # The English pages cost the header's localised home page on top: compare language by language.
    assert few == many
    assert many["fr"] <= 25


def test_language_links_of_a_resource_go_to_each_translation_s_own_address(client, catalogue):
    french_url = catalogue["services"].get_url()
    english = catalogue["services"].get_translation(Locale.objects.get(language_code="en"))
    html = client.get(french_url).content.decode()
    # Switcher and hreflang point at the English slug, not at the French slug under /en/.
    assert f'href="{english.get_url()}" hreflang="en"' in html
    assert f'hreflang="en" href="http://testserver{english.get_url()}"' in html
    assert f"/en/resources/{catalogue['services'].slug}/" not in html


def test_an_untranslated_resource_offers_the_library_in_the_other_language(client, catalogue):
    html = client.get(catalogue["untranslated"].get_url()).content.decode()
    assert 'href="/en/resources/" hreflang="en"' in html
    # Not a translation: no hreflang alternate for it.
    assert 'hreflang="en" href=' not in html


def test_anonymous_visitors_get_the_library_and_resource_pages_from_the_cache(client, catalogue, django_user_model):
    for url in ["/fr/resources/?kind=guide", catalogue["services"].get_url()]:
        assert client.get(url)["X-Page-Cache"] == "miss"
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url)["X-Page-Cache"] == "hit"
        assert len(queries) == 0
    # A member sees what is theirs: never a cached page, never stored.
    client.force_login(django_user_model.objects.create_user(email="reader@example.org", password="x"))
    assert "X-Page-Cache" not in client.get("/fr/resources/?kind=guide")


def test_a_wrong_filter_is_never_cached(client, catalogue):
    assert client.get("/fr/resources/?year=abc").status_code == 400
    assert "X-Page-Cache" not in client.get("/fr/resources/?year=abc")


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("typed", ["reinstallation", "réinstallation", "RÉINSTALLATION"])
def test_the_text_filter_ignores_accents(client, catalogue, language, typed):
    # Untranslated: listed in both languages, in French.
    ResourceFactory(title="Guide de réinstallation", description="Pour les parrains.", date=datetime.date(2021, 1, 1))
    ResourceFactory(title="Notes de reinstallation", description="Sans accent.", date=datetime.date(2020, 1, 1))
    response = client.get(f"/{language}/resources/", {"q": typed})
    assert response.status_code == 200
    assert titles(response) == ["Guide de réinstallation", "Notes de reinstallation"]


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [("fr", "detention", ["Guide sur la détention"]), ("en", "détention", ["Detention guide"])],
)
def test_the_text_filter_ignores_accents_in_translations_too(client, catalogue, language, typed, expected):
    assert titles(client.get(f"/{language}/resources/", {"q": typed})) == expected


@pytest.mark.parametrize(
    ("language", "label", "options"),
    [
        ("fr", "Trier par", ["Plus récentes", "Titre", "Plus téléchargées"]),
        ("en", "Sort by", ["Newest", "Title", "Most downloaded"]),
    ],
)
def test_the_sort_choices_keep_their_values_and_labels(client, catalogue, language, label, options):
    html = client.get(f"/{language}/resources/", {"sort": "downloads"}).content.decode()
    assert f'<label for="id_sort">{label}' in html
    found = re.findall(r'<option value="(\w+)"( selected)?>([^<]*)</option>', html[html.index('name="sort"') :])
    assert found[:3] == [
        ("newest", "", options[0]),
        ("title", "", options[1]),
        ("downloads", " selected", options[2]),
    ]
