"""API v3 and the site search carry meetings' public fields only: never the online link, the
participants' documents, the minutes or what was decided."""

import pytest

from tests.factories.meetings import ConsultationPageFactory, MeetingIndexPageFactory, WorkshopPageFactory
from tests.meetings.conftest import meeting
from tests.workinggroups.conftest import publish

pytestmark = pytest.mark.django_db

MEMBERS_ONLY_FIELDS = {"online_link", "participant_documents", "minutes", "decisions"}


@pytest.fixture
def meeting_pages(site_tree, group):
    page = meeting(
        group,
        title="Rencontre ouverte",
        theme="Protection temporaire",
        is_online=True,
        online_link="https://meet.example.org/secret-room",
        minutes="<p>Zanzibarite confidentielle</p>",
        decisions="<p>Quokkalogie réservée</p>",
    )
    index = publish(MeetingIndexPageFactory(parent=site_tree["fr"]))
    consultation = publish(ConsultationPageFactory(parent=index))
    workshop = publish(WorkshopPageFactory(parent=consultation))
    return page, consultation, workshop


def test_api_lists_the_three_types_with_public_fields_only(client, meeting_pages):
    for page, type_name in zip(meeting_pages, ["MeetingPage", "ConsultationPage", "WorkshopPage"], strict=True):
        listing = client.get("/api/v3/pages/", {"type": f"meetings.{type_name}"}).json()
        assert [item["id"] for item in listing["items"]] == [page.pk]
        detail = client.get(f"/api/v3/pages/{page.pk}/")
        assert detail.status_code == 200
        data = detail.json()
        assert data["meta"]["type"].endswith(type_name)
        assert data["starts_at"] and data["time_zone"] == "America/Toronto"
        assert not MEMBERS_ONLY_FIELDS & set(data), type_name
        text = detail.content.decode()
        assert "secret-room" not in text and "Zanzibarite" not in text and "Quokkalogie" not in text


def test_the_openapi_document_names_the_types_but_no_members_only_field(client, meeting_pages):
    text = client.get("/api/v3/openapi.json").content.decode()
    for name in ("MeetingPage", "ConsultationPage", "WorkshopPage"):
        assert name in text
    for field in ("online_link", "participant_documents", "decisions"):
        assert f'"{field}"' not in text


def test_search_finds_the_theme_but_not_the_minutes(client, meeting_pages):
    assert "Rencontre ouverte" in client.get("/fr/search/", {"q": "protection temporaire"}).content.decode()
    for secret in ("Zanzibarite", "Quokkalogie", "secret-room"):
        assert "Rencontre ouverte" not in client.get("/fr/search/", {"q": secret}).content.decode(), secret
