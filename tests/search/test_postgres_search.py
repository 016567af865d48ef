"""French and English stemming, accents ignored, sensible ranking: on PostgreSQL and, the same, on SQLite."""

import re

import pytest

from django.db import connection

from home.models import StandardPage
from tests.factories.searchapi import add

pytestmark = pytest.mark.django_db


def titles(client, language, query):
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    return re.findall(r'<li class="search-result">\s*<h2><a href="[^"]*">([^<]*)</a>', html)


@pytest.mark.postgres
def test_configurations_exist():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('coalition_fr', 'Réinstallations détention')")
        assert cursor.fetchone()[0] == "'detent':2 'reinstall':1"
        cursor.execute("SELECT to_tsvector('coalition_en', 'Resettlements détentions')")
        assert cursor.fetchone()[0] == "'detent':2 'resettl':1"


def test_french_stemming_and_accents(client, search_tree):
    assert "Protection outremer et réinstallation" in titles(client, "fr", "réinstallations")
    assert "Protection outremer et réinstallation" in titles(client, "fr", "reinstallations")
    assert "Protection au Canada" in titles(client, "fr", "detentions")
    assert "Protection au Canada" in titles(client, "fr", "expulsion")


def test_english_stemming_and_accents(client, search_tree):
    assert "Inland Protection" in titles(client, "en", "détention")
    assert "Inland Protection" in titles(client, "en", "removal")
    assert "Overseas Protection and Resettlement" in titles(client, "en", "resettled")
    assert "Overseas Protection and Resettlement" in titles(client, "en", "sponsorships")


def test_each_language_stems_with_its_own_rules(client, search_tree):
    # English stemming would not reduce the French "réunifications" to the French stem, and the
    # French pages never show up in English results.
    assert "Protection outremer et réinstallation" in titles(client, "fr", "réunifications familiales")
    assert titles(client, "en", "réinstallation") == []


def test_title_matches_rank_first(client, search_tree, site_tree):
    add(
        site_tree["en"],
        StandardPage(
            title="Annual report",
            slug="annual-report",
            introduction="Our year: detention, detention monitoring and more on detention.",
        ),
    )
    found = titles(client, "en", "detention")
    assert found[0] == "Campaign against the detention of children"
    assert set(found) == {"Campaign against the detention of children", "Inland Protection", "Annual report"}


def test_api_search_uses_the_locale_stemming(client, search_tree):
    response = client.get("/api/v3/pages/", {"locale": "fr", "search": "réinstallations"})
    assert [item["title"] for item in response.json()["items"]] == ["Protection outremer et réinstallation"]
    response = client.get("/api/v3/pages/", {"locale": "en", "search": "resettled"})
    assert [item["title"] for item in response.json()["items"]] == ["Overseas Protection and Resettlement"]
