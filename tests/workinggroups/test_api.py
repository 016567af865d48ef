"""Each page type declares its fields for Wagtail's API v3: topics, status, dates, leadership, upcoming meetings."""

import datetime

import pytest

from tests.factories.meetings import MeetingPageFactory, in_days
from tests.factories.workinggroups import (
    AchievementPageFactory,
    ProjectPageFactory,
    TopicFactory,
    WorkingGroupPageFactory,
    add_leader,
    add_topics,
)
from tests.workinggroups.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(wg_index):
    group = WorkingGroupPageFactory(parent=wg_index, title="Protection au Canada", slug="pac")
    add_topics(group, [TopicFactory(name="Expulsion")])
    add_leader(group, "Amina Diallo", "Centre")
    return publish(group)


def test_group_detail_has_topics_leadership_and_upcoming_meetings(client, group):
    upcoming = publish(
        MeetingPageFactory(
            parent=group,
            title="Rencontre d'hiver",
            city="Montréal",
            is_online=True,
            online_link="https://meet.example.org/secret-room",
            at_consultations=True,
        )
    )
    publish(MeetingPageFactory(parent=group, title="Passée", starts_at=in_days(-10), ends_at=in_days(-10, 15)))
    publish(MeetingPageFactory(parent=group, title="Retirée")).unpublish()
    response = client.get(f"/api/v3/pages/{group.pk}/")
    assert response.status_code == 200
    assert "secret-room" not in response.content.decode()
    data = response.json()
    assert data["meta"]["type"] == "workinggroups.WorkingGroupPage"
    assert [link["name"] for link in data["topic_links"]] == ["Expulsion"]
    (leader,) = data["leadership"]
    assert leader["display_name"] == "Amina Diallo"
    assert leader["role"] == "co_chair"
    assert "user" not in leader  # account links stay private
    assert "meetings" not in data  # the old inline meetings are no longer published
    (meeting,) = data["upcoming_meetings"]
    assert meeting == {
        "id": upcoming.pk,
        "title": "Rencontre d'hiver",
        "starts_at": upcoming.starts_at.isoformat().replace("+00:00", "Z"),
        "ends_at": upcoming.ends_at.isoformat().replace("+00:00", "Z"),
        "time_zone": "America/Toronto",
        "is_in_person": True,
        "city": "Montréal",
        "is_online": True,
        "at_consultations": True,
    }
    assert data["calendar_url"] == "/fr/groupes-de-travail/pac/calendar/"


def test_projects_and_achievements_are_reachable_by_child_of(client, group):
    project = ProjectPageFactory(
        parent=group, slug="projet", ways_addressed=["resolution"], start_date=datetime.date(2024, 1, 1)
    )
    achievement = AchievementPageFactory(parent=group, slug="lettre", impact_areas=["government"])
    response = client.get(f"/api/v3/pages/?child_of={group.pk}")
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert ids == {project.pk, achievement.pk}

    data = client.get(f"/api/v3/pages/{project.pk}/").json()
    assert data["status"] == "ongoing"
    assert data["start_date"] == "2024-01-01"
    assert data["ways_addressed"] == ["resolution"]
    data = client.get(f"/api/v3/pages/{achievement.pk}/").json()
    assert data["date"] == "2024-01-01" and data["impact_areas"] == ["government"]
    assert data["kind"] == "report"


def test_index_detail_has_its_sections(client, wg_index):
    wg_index.sections = [("text", {"heading": "Que sont-ils ?", "body": "<p>Des réseaux.</p>"})]
    publish(wg_index)
    data = client.get(f"/api/v3/pages/{wg_index.pk}/").json()
    assert data["sections"][0]["type"] == "text"
    assert data["sections"][0]["value"]["heading"] == "Que sont-ils ?"
