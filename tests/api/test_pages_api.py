"""Anonymous reads of the pages API in both languages, with v3's own filters."""

import pytest

from wagtail.models import APIToken

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def test_openapi_document_and_docs(client, site_tree):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Coalition content API"
    assert {"/api/v3/pages/", "/api/v3/pages/{page_id}/", "/api/v3/documents/", "/api/v3/images/"} <= set(
        schema["paths"]
    )
    assert client.get("/api/v3/docs/").status_code == 200


def test_list_by_locale(client, search_tree):
    french = titles(client.get("/api/v3/pages/", {"locale": "fr", "limit": 50}))
    english = titles(client.get("/api/v3/pages/", {"locale": "en", "limit": 50}))
    assert {"Groupes de travail", "Protection au Canada", "Campagne contre la détention des enfants"} <= french
    assert {"Working groups", "Inland Protection", "Campaign against the detention of children"} <= english
    assert not french & english


def test_private_draft_and_unpublished_pages_are_never_listed(client, search_tree, django_user_model):
    hidden = {
        "Notes confidentielles",
        "Annexe secrète",
        "Compte rendu réservé",
        "Brouillon sur la détention",
        "Ancienne page sur la détention",
    }
    assert not titles(client.get("/api/v3/pages/", {"limit": 50})) & hidden
    assert client.get(f"/api/v3/pages/{search_tree.fr['private'].pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/{search_tree.fr['draft'].pk}/").status_code == 404
    # A session does not widen the anonymous tier: the API reads bearer tokens only.
    client.force_login(django_user_model.objects.create_superuser(email="admin@example.org", password="x"))
    assert not titles(client.get("/api/v3/pages/", {"limit": 50})) & hidden


def test_filter_by_type_and_child_of(client, search_tree):
    index = search_tree.en["index"]
    response = client.get("/api/v3/pages/", {"child_of": index.pk})
    assert titles(response) == {"Inland Protection", "Overseas Protection and Resettlement"}
    response = client.get("/api/v3/pages/", {"type": "workinggroups.WorkingGroupPage", "locale": "fr"})
    assert titles(response) == {"Protection au Canada", "Protection outremer et réinstallation"}
    response = client.get("/api/v3/pages/", {"type": "nonsense.Page"})
    assert response.status_code == 422


def test_translation_of(client, search_tree):
    response = client.get("/api/v3/pages/", {"translation_of": search_tree.fr["inland"].pk})
    assert titles(response) == {"Inland Protection"}
    response = client.get("/api/v3/pages/", {"translation_of": search_tree.fr["private"].pk})
    assert response.status_code == 422


def test_search(client, search_tree):
    response = client.get("/api/v3/pages/", {"locale": "en", "search": "detention"})
    assert titles(response) == {"Inland Protection", "Campaign against the detention of children"}
    response = client.get("/api/v3/pages/", {"locale": "fr", "search": "détention"})
    assert titles(response) == {"Protection au Canada", "Campagne contre la détention des enfants"}


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("locale", "accept_language", "query", "expected"),
    [
        # French stemming: réinstallations → reinstall (English would make it reinstal).
        ("fr", "en", "réinstallations", {"Protection outremer et réinstallation"}),
        # English stemming: resettled → resettl (French leaves it whole).
        ("en", "fr", "resettled", {"Overseas Protection and Resettlement"}),
    ],
)
def test_search_stems_in_the_language_of_the_locale_parameter(
    client, search_tree, locale, accept_language, query, expected
):
    # The browser's language is the other one: only ``locale`` chooses the stemming.
    response = client.get(
        "/api/v3/pages/", {"locale": locale, "search": query}, headers={"accept-language": accept_language}
    )
    assert titles(response) == expected


def test_search_reads_words_only(client, search_tree):
    words = titles(client.get("/api/v3/pages/", {"locale": "en", "search": "detention children"}))
    assert words
    odd = client.get("/api/v3/pages/", {"locale": "en", "search": 'detention!!! (children) "'})
    assert titles(odd) == words


def test_odd_search_input_is_not_an_error(client, search_tree):
    # One tree for every query: building it is the slow part.
    for query in ["' OR 1=1; --", '"', "NEAR(", "*", "<script>", "x" * 3000, "-", "a:b", "^~", "détention)"]:
        response = client.get("/api/v3/pages/", {"search": query})
        assert response.status_code == 200, query
        assert isinstance(response.json()["items"], list), query


def test_detail_exposes_the_page_type_fields(client, search_tree):
    group = search_tree.en["inland"]
    data = client.get(f"/api/v3/pages/{group.pk}/").json()
    assert data["summary"] == "It works on immigration detention and removals."
    assert data["introduction"] == "The group follows refugee claimants in Canada."
    assert data["meta"]["type"] == "workinggroups.WorkingGroupPage"
    assert data["meta"]["locale"] == "en"
    assert data["meta"]["html_url"].endswith("/en/working-groups/inland-protection/")
    home = search_tree.en["index"].get_parent()
    lead = client.get(f"/api/v3/pages/{home.pk}/").json()["body"][0]
    assert lead["type"] == "lead"
    assert lead["value"]["message"] == "Together for the rights of refugees and newcomers."


def test_bearer_token_reads_are_not_cached(client, search_tree, django_user_model):
    user = django_user_model.objects.create_superuser(email="editor@example.org", password="x")
    _token, plaintext = APIToken.create_token(user=user, name="tests")
    response = client.get("/api/v3/pages/", headers={"authorization": f"Bearer {plaintext}"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "ETag" not in response
