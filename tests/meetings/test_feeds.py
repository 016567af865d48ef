"""The iCalendar feeds (each meeting's own, the group's, all groups') parse with a real iCalendar
library, carry meeting pages in the URL's language, and never the online link."""

import datetime

import icalendar
import pytest

from home.translation import translate_instance
from tests.factories.meetings import in_days
from tests.factories.workinggroups import WorkingGroupPageFactory
from tests.meetings.conftest import meeting
from tests.workinggroups.conftest import publish

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


def test_a_meeting_has_its_own_ics_in_its_zone_without_the_online_link(client, group):
    starts_at = in_days(20)
    page = meeting(
        group,
        title="Rencontre d'hiver",
        slug="hiver",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        time_zone="America/Vancouver",
        venue="Salle 3",
        is_online=True,
        online_link="https://meet.example.org/secret-room",
    )
    response = client.get("/fr/groupes-de-travail/pac/hiver/calendar/")
    assert "secret-room" not in response.content.decode()
    assert response["Content-Disposition"] == 'inline; filename="hiver.ics"'
    (event,) = events(parse(response))
    assert event.decoded("dtstart") == starts_at
    assert str(event.decoded("dtstart").tzinfo) == "America/Vancouver"
    assert str(event["summary"]) == "Rencontre d'hiver"
    assert str(event["location"]) == "Salle 3, Toronto et en ligne"
    assert str(event["url"]) == "http://testserver/fr/groupes-de-travail/pac/hiver/"
    assert str(event["uid"]).startswith(f"meeting-{page.translation_key}@")


def test_group_feed_carries_its_meetings_and_the_index_feed_every_group(client, group, wg_index):
    other = publish(WorkingGroupPageFactory(parent=wg_index, title="Immigration", slug="ie"))
    meeting(group, title="Première", city="Montréal")
    meeting(group, title="Passée", starts_at=in_days(-30), ends_at=in_days(-30) + datetime.timedelta(hours=1))
    meeting(other, title="Ailleurs")
    titles = sorted(str(event["summary"]) for event in events(parse(client.get(group.get_ical_url()))))
    assert titles == ["Passée", "Première"]
    everything = sorted(str(e["summary"]) for e in events(parse(client.get("/fr/groupes-de-travail/calendar/"))))
    assert everything == ["Ailleurs", "Passée", "Première"]


def test_unpublished_meetings_and_those_of_unpublished_groups_stay_out_of_the_feeds(client, group, wg_index):
    hidden = publish(WorkingGroupPageFactory(parent=wg_index, title="Retiré", slug="retire"))
    meeting(group, title="Publique")
    meeting(group, title="Retirée").unpublish()
    meeting(hidden, title="Du groupe retiré")
    hidden.unpublish()
    feed = client.get("/fr/groupes-de-travail/calendar/").content.decode()
    assert "Publique" in feed and "Retirée" not in feed and "Du groupe retiré" not in feed


def test_english_feed_is_in_english_with_the_same_uids(client, group, english_group, locales):
    _, english = locales
    page = meeting(group, title="Rencontre de janvier", slug="janvier", theme="Accès")
    english_page = translate_instance(
        page,
        english,
        {"Rencontre de janvier": "January meeting", "janvier": "january", "Accès": "Access", "Toronto": "Toronto"},
    )
    (english_event,) = events(parse(client.get(english_page.url + "calendar/")))
    (french_event,) = events(parse(client.get(page.url + "calendar/")))
    assert str(english_event["summary"]) == "January meeting"
    assert english_event["uid"] == french_event["uid"]
    (group_event,) = events(parse(client.get(english_group.get_ical_url())))
    assert str(group_event["summary"]) == "January meeting"
