"""Whatever is typed, the search answers with a normal page: never a 500, never markup echoed."""

import pytest

ODD_QUERIES = [
    "",
    " ",
    "x" * 5000,
    "détention " * 600,
    "<script>alert('q')</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1; --",
    "1; DROP TABLE wagtailcore_page; --",
    "détention\x00",
    "\x00\x01\x02",
    '"',
    '"unbalanced phrase',
    "-",
    "- -détention",
    "NOT",
    "AND OR NOT",
    "NEAR(a b)",
    "a*",
    "*",
    "title:détention",
    "^détention",
    "((()))",
    "%_%",
    "\\",
    "😀 réfugiés",
    "\u202e\u200b",
]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_odd_queries_get_a_normal_page(client, search_tree, language):
    # One test per language walks the whole list: building the page tree is the slow part.
    for query in ODD_QUERIES:
        response = client.get(f"/{language}/search/", {"q": query})
        assert response.status_code == 200, query
        html = response.content.decode()
        assert "<script>alert" not in html, query
        assert "<img src=x" not in html, query
        assert "\x00" not in html, query
        assert "\u202e" not in html, query


@pytest.mark.django_db
def test_long_query_is_cut_and_the_visitor_told(client, search_tree):
    html = client.get("/en/search/", {"q": "detention " * 600}).content.decode()
    assert "only its first 200 characters were used" in html
    assert "Inland Protection" in html


@pytest.mark.django_db
def test_query_of_markup_only_says_there_was_nothing_to_look_for(client, search_tree):
    html = client.get("/en/search/", {"q": "<>{}[]"}).content.decode()
    assert "Your search had no words we could look for." in html
