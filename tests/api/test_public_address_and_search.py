"""Every address the API hands out is at the site's public address (SITE_URL), not the Wagtail
Site record's (http://localhost) nor the request's host; the resources listing's ``search``
works like the site search, and parameters a listing would ignore are refused."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Site

from home.translation import translate_instance
from tests.factories.resources import ResourceFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://coalition.example"
# Another address the site answers on (a load balancer's, an old domain).
OTHER_HOST = "internal.example:8080"


@pytest.fixture
def public_address(settings, site_tree):
    settings.SITE_URL = PUBLIC
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://localhost"  # what Wagtail would use
    return PUBLIC


def get(client, path, **params):
    response = client.get(path, params, headers={"host": OTHER_HOST})
    assert response.status_code == 200, response.content
    return response.json()


def addresses(data):
    """Every html_url, detail_url and download_url anywhere in an API answer."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in {"html_url", "detail_url", "download_url"} and value:
                found.append(value)
            else:
                found.extend(addresses(value))
    elif isinstance(data, list):
        for item in data:
            found.extend(addresses(item))
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pages_list_and_detail_give_public_addresses(client, search_tree, public_address, language):
    listing = get(client, "/api/v3/pages/", locale=language, limit=50)
    found = addresses(listing)
    assert len(found) == 2 * listing["count"] > 0
    assert all(url.startswith(PUBLIC + "/") for url in found), found
    group = (search_tree.fr if language == "fr" else search_tree.en)["inland"]
    detail = get(client, f"/api/v3/pages/{group.pk}/")
    assert detail["meta"]["html_url"] == PUBLIC + group.url
    assert detail["meta"]["detail_url"] == f"{PUBLIC}/api/v3/pages/{group.pk}/"
    # The parent (a nested page) too.
    assert detail["meta"]["parent"]["meta"]["html_url"] == PUBLIC + group.get_parent().url
    assert all(url.startswith(PUBLIC + "/") for url in addresses(detail))


def test_documents_and_images_give_public_addresses(client, public_address):
    public = Collection.get_first_root_node().add_child(name="Public")
    document = get_document_model()(title="Guide", collection=public)
    document.file.save("guide.txt", ContentFile(b"text"), save=False)
    document.save()
    get_image_model().objects.create(title="Photo", collection=public, file=get_test_image_file())
    for path in ("/api/v3/documents/", "/api/v3/images/"):
        listing = get(client, path)
        found = addresses(listing)
        assert found and all(url.startswith(PUBLIC + "/") for url in found), found
    detail = get(client, f"/api/v3/documents/{document.pk}/")
    assert detail["meta"]["download_url"] == PUBLIC + document.url


def test_without_a_public_address_the_request_host_not_the_site_record(client, site_tree, settings):
    """Development (no SITE_URL): the address the request came in on, as emails use."""
    settings.SITE_URL = ""
    found = addresses(get(client, "/api/v3/pages/", locale="en"))
    assert found and all(url.startswith(f"http://{OTHER_HOST}/") for url in found), found


@pytest.fixture
def resources(site_tree, locales):
    _, english = locales
    detention = ResourceFactory(
        title="Guide sur la détention", slug="guide-detention", description="Les droits des personnes détenues."
    )
    translate_instance(
        detention,
        english,
        {
            "Guide sur la détention": "Guide to detention",
            "guide-detention": "detention-guide",
            "Les droits des personnes détenues.": "The rights of people in detention.",
        },
    )
    ResourceFactory(title="Lettre ouverte sur la réinstallation", slug="lettre-reinstallation")
    ResourceFactory(title="Rapport réservé sur la détention", slug="rapport-reserve", audience="members")
    return detention


def test_resources_give_public_addresses(client, resources, public_address):
    items = get(client, "/api/v3/resources/", locale="en")["items"]
    assert items[0]["html_url"] == f"{PUBLIC}/en/resources/detention-guide/"
    assert items[0]["download_url"] == f"{PUBLIC}/en/resources/detention-guide/download/"


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("fr", "detention", ["Guide sur la détention"]),
        ("fr", "réinstallation", ["Lettre ouverte sur la réinstallation"]),
        ("en", "detention", ["Guide to detention"]),
        ("en", "rights", ["Guide to detention"]),
        ("en", "réinstallation", []),  # only the English versions with locale=en
    ],
)
def test_resources_search_finds_what_the_site_search_finds(client, resources, language, typed, expected):
    found = get(client, "/api/v3/resources/", search=typed, locale=language)
    assert [item["title"] for item in found["items"]] == expected
    assert found["count"] == len(expected)
    # The site search agrees (members-only resources stay out of both for anonymous visitors).
    page = client.get(f"/{language}/search/", {"q": typed, "type": "resources.resource"}).content.decode()
    for title in expected:
        assert title in page
    assert "Rapport réservé" not in page


def test_resources_search_without_words_finds_nothing(client, resources):
    assert get(client, "/api/v3/resources/", search="  ")["items"] == []
    assert len(get(client, "/api/v3/resources/")["items"]) == 3


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"order": "title"}, 400),
        ({"ordering": "-date"}, 400),
        ({"q": "detention"}, 400),
        ({"search_operator": "or", "search": "detention"}, 400),
        ({"locale": "de"}, 422),
        ({"kind": "poster"}, 422),
        ({"search": "detention", "limit": 1, "offset": 0, "kind": "practical_tool", "locale": "fr"}, 200),
    ],
)
def test_resources_refuse_what_they_would_ignore(client, resources, query, status):
    response = client.get("/api/v3/resources/", query)
    assert response.status_code == status, response.content
    if status == 400:
        assert response["Content-Type"].startswith("application/problem+json")
        assert next(iter(query)) in response.json()["detail"]


@pytest.mark.parametrize(
    "query",
    [{"order": "nonsense"}, {"search_operator": "xor", "search": "a"}, {"order": "nonsense", "search": "a"}],
)
@pytest.mark.parametrize("path", ["/api/v3/pages/", "/api/v3/documents/", "/api/v3/images/"])
def test_other_listings_refuse_an_order_or_operator_they_do_not_know(client, site_tree, path, query):
    assert client.get(path, query).status_code in (400, 422)


def test_the_redirects_listing_refuses_a_search_it_would_ignore(client, site_tree):
    response = client.get("/api/v3/redirects/", {"search": "groupes"})
    assert response.status_code == 400
    assert "search" in response.json()["detail"]
    # Its own filters (its fields) and order still work.
    assert client.get("/api/v3/redirects/", {"old_path": "/groupes", "order": "old_path"}).status_code == 200
