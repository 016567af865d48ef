"""The one rule for ``next`` parameters: a path on this site, or the page's default."""

import pytest

from django.test import RequestFactory

from core.redirects import is_local_path, local_next_url


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("/fr/members/", True),
        ("/en/?q=1#top", True),
        ("abc", False),
        ("", False),
        ("//evil.example/", False),
        ("/\\evil.example/", False),
        ("https://testserver/fr/", False),
        ("https://evil.example/", False),
        ("javascript:alert(1)", False),
    ],
)
def test_only_local_paths_pass(url, local):
    assert is_local_path(RequestFactory().get("/"), url) is local


def test_the_form_is_read_before_the_query_string_and_a_bad_value_gives_the_default():
    request = RequestFactory().post("/?next=/en/", {"next": "/fr/"})
    assert local_next_url(request, default="/default/") == "/fr/"
    assert local_next_url(RequestFactory().get("/?next=abc"), default="/default/") == "/default/"
