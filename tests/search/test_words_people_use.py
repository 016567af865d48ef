"""Synonyms editors manage, typos forgiven, and the report of searches that found nothing."""

import re

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from core import roles
from search.models import Synonym, UnansweredSearch
from tests.factories.members import UserFactory

pytestmark = pytest.mark.django_db


def titles(client, language, query):
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    return re.findall(r'<li class="search-result">\s*<h2><a href="[^"]*">([^<]*)</a>', html)


@pytest.fixture
def editor(client):
    roles.apply_roles()
    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    return user


def test_an_editor_fixes_a_search_that_found_nothing(client, search_tree, editor):
    # A visitor's word finds nothing, and the report shows it, most frequent first, per language.
    assert titles(client, "en", "asylum") == []
    titles(client, "en", "asylum")
    titles(client, "en", "xylophone")
    titles(client, "fr", "asylum")
    assert UnansweredSearch.objects.get(language="en", query="asylum").count == 2
    client.force_login(editor)
    report = client.get(reverse("search_unanswered_report")).content.decode()
    english = report[report.index('<h2 lang="en">') :]
    assert english.index(">asylum<") < english.index(">xylophone<")
    add_link = reverse("wagtailsnippets_site_search_synonym:add") + "?language=en&amp;terms=asylum"
    assert add_link in report
    assert reverse("wagtailsearchpromotions:add") in report

    # The editor adds the synonym in the admin; the next search in English finds the page.
    form = client.get(add_link.replace("&amp;", "&")).content.decode()
    assert "asylum</textarea>" in form
    response = client.post(
        reverse("wagtailsnippets_site_search_synonym:add"),
        {"language": "en", "terms": "asylum, refugee claimant"},
    )
    assert response.status_code == 302
    client.logout()
    html = client.get("/en/search/", {"q": "asylum"}).content.decode()
    assert "Inland Protection" in html
    # The synonym's words are the ones marked in the excerpt.
    assert "<mark>refugee</mark> <mark>claimants</mark>" in html
    # A synonym is of one language: French searches are unchanged.
    assert titles(client, "fr", "asylum") == []


def test_the_report_is_for_those_who_manage_synonyms(client, search_tree):
    client.force_login(UserFactory(is_superuser=False))
    response = client.get(reverse("search_unanswered_report"))
    assert response.status_code in (302, 403)


def test_synonyms_match_expressions_both_ways(client, search_tree):
    Synonym.objects.create(language="fr", terms="renvoi, expulsion, sans papiers")
    assert "Protection au Canada" in titles(client, "fr", "renvoi")
    assert "Protection au Canada" in titles(client, "fr", "sans papiers")


def test_a_typo_is_searched_as_the_nearest_indexed_word_and_said_so(client, search_tree):
    html = client.get("/fr/search/", {"q": "réinstalation"}).content.decode()
    assert "Protection outremer et réinstallation" in html
    assert "Voici les résultats pour" in html and "réinstallation" in html
    html = client.get("/en/search/", {"q": "detantion"}).content.decode()
    assert "Campaign against the detention of children" in html
    assert "Showing the results for “detention” instead." in html
    # The typo found nothing itself: it is in the report, for editors to add where needed.
    assert UnansweredSearch.objects.filter(language="en", query="detantion").exists()
