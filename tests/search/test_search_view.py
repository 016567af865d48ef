"""The site search page: language, results, excerpts, groups, filters, pagination, promotions, help."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.models import StandardPage
from members.access import members_group
from tests.factories.searchapi import add


def result_titles(response):
    return re.findall(r'<li class="search-result">\s*<h2><a href="[^"]*">([^<]*)</a>', response.content.decode())


@pytest.mark.django_db
def test_french_search_finds_french_pages_only(client, search_tree):
    response = client.get("/fr/search/", {"q": "détention"})
    assert response.status_code == 200
    titles = result_titles(response)
    assert set(titles) == {"Protection au Canada", "Campagne contre la détention des enfants"}


@pytest.mark.django_db
def test_english_search_finds_english_pages_only(client, search_tree):
    response = client.get("/en/search/", {"q": "detention"})
    titles = result_titles(response)
    assert set(titles) == {"Inland Protection", "Campaign against the detention of children"}


@pytest.mark.django_db
def test_accents_do_not_matter(client, search_tree):
    # SQLite's FTS5 tokenizer and the PostgreSQL configurations both drop accents.
    assert "Protection au Canada" in result_titles(client.get("/fr/search/", {"q": "detention"}))
    assert "Overseas Protection and Resettlement" not in result_titles(client.get("/en/search/", {"q": "detention"}))
    assert "Protection outremer et réinstallation" in result_titles(client.get("/fr/search/", {"q": "REINSTALLATION"}))


@pytest.mark.django_db
def test_result_shows_type_group_and_highlighted_excerpt(client, search_tree):
    html = client.get("/en/search/", {"q": "detention"}).content.decode()
    campaign = html[html.index("Campaign against the detention of children") :]
    campaign = campaign[: campaign.index("</li>")]
    assert '<span class="tag">Standard page</span>' in campaign  # the page type's verbose name
    assert 'Working group: <a href="/en/working-groups/inland-protection/">Inland Protection</a>' in campaign
    assert "end the <mark>detention</mark> of children" in campaign
    group = html[html.index(">Inland Protection</a></h2>") :]
    group = group[: group.index("</li>")]
    assert '<span class="tag">Working group</span>' in group
    # A group is not shown as belonging to itself.
    assert "search-result__group" not in group


@pytest.mark.django_db
def test_excerpt_escapes_markup_before_marking(client, search_tree, site_tree):
    add(
        site_tree["fr"],
        StandardPage(title="Guide", slug="guide", introduction='Un "guide" <img src=x onerror=alert(1)> & détention'),
    )
    html = client.get("/fr/search/", {"q": "guide"}).content.decode()
    assert "<img src=x" not in html
    assert "&amp; détention" in html
    assert "<mark>guide</mark>" in html


@pytest.mark.django_db
def test_group_lookup_does_not_cost_a_query_per_result(client, search_tree, site_tree):
    def count_queries():
        with CaptureQueriesContext(connection) as context:
            response = client.get("/fr/search/", {"q": "enfants"})
        return len(context.captured_queries), len(result_titles(response))

    count_queries()  # Warm the per-process caches (content types, site root paths).
    few_queries, few_results = count_queries()
    for number in range(6):
        add(
            search_tree.fr["inland"],
            StandardPage(title=f"Atelier {number}", slug=f"atelier-{number}", introduction="Les enfants détenus."),
        )
    count_queries()  # The new pages refreshed the cached menu, footer and language links.
    many_queries, many_results = count_queries()
    assert many_results == few_results + 6
    assert many_queries == few_queries


@pytest.mark.django_db
def test_filter_by_type(client, search_tree):
    response = client.get("/fr/search/", {"q": "détention", "type": "workinggroups.workinggrouppage"})
    assert result_titles(response) == ["Protection au Canada"]


@pytest.mark.django_db
def test_filter_by_group(client, search_tree):
    overseas = search_tree.fr["overseas"]
    response = client.get("/fr/search/", {"q": "détention", "group": search_tree.fr["inland"].pk})
    assert set(result_titles(response)) == {"Protection au Canada", "Campagne contre la détention des enfants"}
    response = client.get("/fr/search/", {"q": "détention", "group": overseas.pk})
    assert result_titles(response) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"type": "nonsense.model"}, {"group": "abc"}, {"group": "999999"}, {"type": "x\x00"}],
)
def test_bad_filter_values_get_a_message_and_a_400(client, search_tree, params):
    response = client.get("/en/search/", {"q": "detention", **params})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This filter value is not one we know" in html
    assert "Some filters could not be used" in html


@pytest.mark.django_db
def test_a_group_of_the_other_language_is_refused(client, search_tree):
    response = client.get("/fr/search/", {"q": "détention", "group": search_tree.en["inland"].pk})
    assert response.status_code == 400


@pytest.mark.django_db
def test_pagination(client, search_tree, site_tree):
    for number in range(12):
        add(site_tree["en"], StandardPage(title=f"Workshop {number}", slug=f"workshop-{number}", introduction="x"))
    first = client.get("/en/search/", {"q": "workshop"})
    assert len(result_titles(first)) == 10
    assert "12 results" in first.content.decode()
    assert 'href="?q=workshop&amp;page=2" rel="next"' in first.content.decode()
    second = client.get("/en/search/", {"q": "workshop", "page": "2"})
    assert len(result_titles(second)) == 2
    assert "Page 2 of 2" in second.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["3", "0", "-1", "abc", "1e3"])
def test_bad_page_is_a_404_with_a_way_back(client, search_tree, page):
    response = client.get("/en/search/", {"q": "detention", "page": page})
    assert response.status_code == 404
    html = response.content.decode()
    assert "This page of results does not exist." in html
    assert 'href="?q=detention">Go to the first page of results' in html


@pytest.mark.django_db
def test_promotions_come_first_per_language(client, search_tree):
    query = Query.objects.create(query_string="sponsorship")
    SearchPromotion.objects.create(
        query=query, page=search_tree.en["overseas"], sort_order=0, description="Start here."
    )
    SearchPromotion.objects.create(query=query, page=search_tree.fr["overseas"], sort_order=1)
    html = client.get("/en/search/", {"q": "Sponsorship"}).content.decode()
    promoted = html[html.index("search-results--promoted") : html.index("</ol>")]
    assert "Overseas Protection and Resettlement" in promoted
    assert "Recommended" in promoted
    assert "Start here." in promoted
    assert "Protection outremer" not in html
    # Not repeated among the ordinary results.
    assert html.count(">Overseas Protection and Resettlement</a>") == 1


@pytest.mark.django_db
def test_a_new_or_removed_promotion_shows_at_once(client, search_tree):
    # The language's promotions are kept in the cache: a search before the change must not hide it.
    assert "search-results--promoted" not in client.get("/en/search/", {"q": "sponsorship"}).content.decode()
    query = Query.objects.create(query_string="sponsorship")
    promotion = SearchPromotion.objects.create(query=query, page=search_tree.en["overseas"], sort_order=0)
    assert "search-results--promoted" in client.get("/en/search/", {"q": "sponsorship"}).content.decode()
    promotion.delete()
    assert "search-results--promoted" not in client.get("/en/search/", {"q": "sponsorship"}).content.decode()


@pytest.mark.django_db
def test_promotion_of_a_private_page_is_not_shown_to_the_public(client, search_tree, django_user_model):
    query = Query.objects.create(query_string="stratégie")
    SearchPromotion.objects.create(query=query, page=search_tree.fr["private"], sort_order=0)
    assert "Notes confidentielles" not in client.get("/fr/search/", {"q": "stratégie"}).content.decode()
    # Signed in is not enough: « private » is for approved members (members.privacy).
    reader = django_user_model.objects.create_user(email="reader@example.org", password="x")
    client.force_login(reader)
    assert "Notes confidentielles" not in client.get("/fr/search/", {"q": "stratégie"}).content.decode()
    reader.groups.add(members_group())
    assert "Notes confidentielles" in client.get("/fr/search/", {"q": "stratégie"}).content.decode()


@pytest.mark.django_db
def test_empty_query_gets_help_and_the_groups(client, search_tree):
    response = client.get("/fr/search/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert 'class="search-help"' in html
    assert 'href="/fr/groupes-de-travail/protection-au-canada/">Protection au Canada</a>' in html
    assert "Inland Protection" not in html


@pytest.mark.django_db
def test_hopeless_query_gets_help(client, search_tree):
    html = client.get("/en/search/", {"q": "xylophonequartz"}).content.decode()
    assert 'class="search-help"' in html
    assert 'href="/en/working-groups/inland-protection/">Inland Protection</a>' in html


@pytest.mark.django_db
def test_any_word_fallback_says_so(client, search_tree):
    html = client.get("/en/search/", {"q": "detention xylophonequartz"}).content.decode()
    assert "No result contains all of these words" in html
    assert "Inland Protection" in result_titles_from(html)


def result_titles_from(html):
    return re.findall(r'<li class="search-result">\s*<h2><a href="[^"]*">([^<]*)</a>', html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "word", "title"),
    [("fr", "parrainage", "Le parrainage privé"), ("en", "sponsorship", "Private sponsorship")],
)
def test_the_page_whose_title_matches_comes_first(client, search_tree, site_tree, language, word, title):
    # Pages that say the word more often, but not in their title.
    for number in range(3):
        add(
            site_tree[language],
            StandardPage(
                title=f"Bulletin {number}",
                slug=f"bulletin-{number}",
                introduction=f"{word} {word}, {word} et {word} : notes {number} sur le {word}.",
            ),
        )
    add(site_tree[language], StandardPage(title=title, slug="title-match", introduction="Une page."))
    found = result_titles(client.get(f"/{language}/search/", {"q": word}))
    assert found[0] == title
    assert len(found) >= 4
