"""One relevance order on SQLite and PostgreSQL: the best match first.

These tests run on whichever database the suite runs on (SQLite by default, PostgreSQL with
DATABASE_URL); the ``postgres`` copies make sure the PostgreSQL run is never skipped by accident.
"""

import re

import pytest

from home.models import StandardPage
from tests.factories.searchapi import add

pytestmark = pytest.mark.django_db


def titles(client, language, query):
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    return re.findall(r'<li class="search-result">\s*<h2><a href="[^"]*">([^<]*)</a>', html)


def page(parent, title, slug, introduction):
    return add(parent, StandardPage(title=title, slug=slug, introduction=introduction))


def check_title_before_body(client, site_tree):
    home = site_tree["fr"]
    page(home, "Rapport annuel", "rapport", "Détention, encore la détention, toujours la détention des enfants.")
    page(home, "Détention des enfants", "detention", "Un court texte.")
    assert titles(client, "fr", "détention") == ["Détention des enfants", "Rapport annuel"]
    # Plural, no accent, other case: the same order.
    assert titles(client, "fr", "DETENTIONS") == ["Détention des enfants", "Rapport annuel"]


def check_phrase_before_scattered_words(client, site_tree):
    home = site_tree["en"]
    page(home, "Newsletter", "newsletter", "The family was told about reunification at last, after a long wait.")
    page(home, "Bulletin", "bulletin", "Our work on family reunification goes on.")
    assert titles(client, "en", "family reunification") == ["Bulletin", "Newsletter"]


def check_current_language_only(client, site_tree):
    page(site_tree["fr"], "Réinstallation des réfugiés", "reinstallation", "Le parrainage privé.")
    page(site_tree["en"], "Refugee resettlement", "resettlement", "Private sponsorship.")
    assert titles(client, "fr", "réinstallation") == ["Réinstallation des réfugiés"]
    assert titles(client, "en", "réinstallation") == []
    assert titles(client, "en", "resettlement refugee") == ["Refugee resettlement"]


def test_a_title_match_comes_before_a_body_that_repeats_the_word(client, site_tree):
    check_title_before_body(client, site_tree)


def test_the_exact_phrase_comes_before_scattered_words(client, site_tree):
    check_phrase_before_scattered_words(client, site_tree)


def test_only_the_current_language_is_searched(client, site_tree):
    check_current_language_only(client, site_tree)


@pytest.mark.postgres
def test_postgres_orders_the_same(client, site_tree):
    check_title_before_body(client, site_tree)
    check_phrase_before_scattered_words(client, site_tree)
