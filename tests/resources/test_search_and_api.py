"""The access matrix, continued: site search and the headless API never leak a members-only resource."""

import pytest

from tests.factories.resources import ResourceFactory


def sign_in(client, user):
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize(
    ("visitor", "finds_members_only"),
    [("anonymous", False), ("pending", False), ("approved", True), ("staff", True)],
)
@pytest.mark.parametrize(
    ("language", "public_title", "members_title"),
    [
        ("fr", "Outil public", "Rapport des membres"),
        ("en", "Public tool", "Members&#x27; report"),
    ],
)
def test_search_names_members_only_resources_to_members_only(
    client, library, visitors, visitor, finds_members_only, language, public_title, members_title
):
    sign_in(client, visitors[visitor])
    query = "outil" if language == "fr" else "tool"  # in both resources' descriptions
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    assert public_title in html
    assert (members_title in html) is finds_members_only


def test_search_filter_by_type_keeps_resources_only(client, library, visitors):
    sign_in(client, visitors["approved"])
    html = client.get("/fr/search/", {"q": "outil", "type": "resources.resource"}).content.decode()
    assert "Outil public" in html
    assert "Rapport des membres" in html


def test_unpublished_resource_is_never_found(client, library, visitors):
    library["public"].unpublish()
    sign_in(client, visitors["staff"])
    html = client.get("/fr/search/", {"q": "outil"}).content.decode()
    assert "Outil public" not in html


@pytest.mark.parametrize("visitor", ["anonymous", "pending"])
def test_api_never_lists_a_members_only_document(client, library, visitors, visitor):
    sign_in(client, visitors[visitor])
    members_document = library["members"].document
    response = client.get("/api/v3/documents/")
    assert response.status_code == 200
    ids = [item["id"] for item in response.json()["items"]]
    assert members_document.pk not in ids
    assert client.get(f"/api/v3/documents/{members_document.pk}/").status_code == 404
    assert library["public"].document.pk in ids


@pytest.mark.parametrize("visitor", ["anonymous", "pending", "approved", "staff"])
def test_api_lists_public_resources_with_their_download_url(client, library, visitors, visitor):
    sign_in(client, visitors[visitor])
    response = client.get("/api/v3/resources/", {"locale": "en"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Public tool"]
    assert items[0]["download_url"] == "http://testserver/en/resources/public-tool/download/"
    assert items[0]["translation_key"] == str(library["public"].translation_key)


def test_api_detail_of_a_members_only_resource_is_not_found(client, library):
    assert client.get(f"/api/v3/resources/{library['members'].pk}/").status_code == 404
    assert client.get(f"/api/v3/resources/{library['public'].pk}/").json()["title"] == "Outil public"


def test_api_resources_are_in_the_openapi_document(client, db):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/resources/" in paths


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("typed", ["reinstallation", "réinstallation"])
def test_search_finds_what_the_library_lists_in_both_languages(client, library, language, typed):
    # Not translated: the English library lists it, in French, so the English search finds it too.
    ResourceFactory(title="Guide de réinstallation", slug="guide-reinstallation", audience="public")
    listed = client.get(f"/{language}/resources/", {"q": typed}).content.decode()
    found = client.get(f"/{language}/search/", {"q": typed}).content.decode()
    assert "Guide de réinstallation" in listed
    assert "Guide de réinstallation" in found
    assert "/fr/resources/guide-reinstallation/" in found
