"""The site of a request comes from the cache, and a change to the sites shows at once."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

pytestmark = pytest.mark.django_db


def site_queries(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    return response, [query["sql"] for query in queries if 'FROM "wagtailcore_site"' in query["sql"]]


def test_the_site_is_looked_up_once_then_read_from_the_cache(client, site_tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    response, first = site_queries(client, "/fr/")
    assert response.status_code == 200 and first
    response, second = site_queries(client, "/fr/")
    assert response.status_code == 200
    assert second == []


def test_a_change_to_the_sites_is_seen_on_the_next_request(client, site_tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    site_queries(client, "/fr/")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Coalition"
    site.save()
    response, after = site_queries(client, "/fr/")
    assert response.status_code == 200
    assert after, "the site was not looked up again after it changed"


def test_each_host_has_its_own_answer(client, site_tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.ALLOWED_HOSTS = ["testserver", "other.example.org"]
    site_queries(client, "/fr/")
    _, other = site_queries(client, "/fr/", host="other.example.org")
    assert other, "another host reused the first host's answer"


def test_a_disallowed_host_is_still_refused(client, site_tree, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    assert client.get("/fr/", headers={"host": "evil.example.org"}).status_code == 400
