"""The iCalendar feeds parse with a real iCalendar library and carry the meetings, in the URL's language."""

import datetime

import icalendar
import pytest

from django.utils import timezone

from home.translation import translate_instance
from tests.factories.workinggroups import MeetingFactory, WorkingGroupPageFactory
from tests.workinggroups.conftest import publish
from workinggroups.models import Meeting, WorkingGroupPage

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


@pytest.fixture
def groups(wg_index):
    first = publish(WorkingGroupPageFactory(parent=wg_index, title="Protection au Canada", slug="pac"))
    second = publish(WorkingGroupPageFactory(parent=wg_index, title="Immigration et Établissement", slug="ie"))
    return first, second


def test_group_feed_carries_its_meetings(client, groups):
    group, other = groups
    starts_at = timezone.now().replace(microsecond=0) + datetime.timedelta(days=20)
    MeetingFactory(page=group, starts_at=starts_at, city="Montréal", at_consultations=True, notes="Ordre du jour.")
    MeetingFactory(page=group, starts_at=starts_at + datetime.timedelta(days=30), city="", is_virtual=True)
    MeetingFactory(page=other, city="Ailleurs")
    assert group.get_ical_url() == "/fr/groupes-de-travail/pac/calendar/"

    calendar = parse(client.get(group.get_ical_url()))
    found = sorted(events(calendar), key=lambda event: event.decoded("dtstart"))
    assert len(found) == 2
    first, second = found
    assert first.decoded("dtstart") == starts_at
    assert first.decoded("dtend") == starts_at + datetime.timedelta(hours=2)
    assert str(first["location"]) == "Montréal"
    assert str(first["summary"]) == "Protection au Canada : rencontre aux Consultations"
    assert "Ordre du jour." in str(first["description"])
    assert str(first["url"]) == "http://testserver/fr/groupes-de-travail/pac/"
    assert str(second["location"]) == "En ligne"
    assert first["uid"] != second["uid"]


def test_index_feed_carries_every_group(client, groups, wg_index):
    group, other = groups
    MeetingFactory(page=group, city="Toronto")
    MeetingFactory(page=other, city="Montréal")
    calendar = parse(client.get("/fr/groupes-de-travail/calendar/"))
    summaries = sorted(str(event["summary"]) for event in events(calendar))
    assert summaries == ["Immigration et Établissement : rencontre", "Protection au Canada : rencontre"]


def test_unpublished_group_meetings_stay_out_of_the_index_feed(client, groups):
    group, other = groups
    MeetingFactory(page=group, city="Toronto")
    MeetingFactory(page=other, city="Secret")
    other.unpublish()
    calendar = parse(client.get("/fr/groupes-de-travail/calendar/"))
    assert [str(event["location"]) for event in events(calendar)] == ["Toronto"]


def test_english_feed_is_in_english_with_the_same_uids(client, groups, locales):
    group, _ = groups
    _, english = locales
    MeetingFactory(page=group, city="Montréal", notes="Rencontre à huis clos.", at_consultations=True)
    index = group.get_parent().specific
    translate_instance(
        index, english, {"Les groupes de travail": "Working groups", "groupes-de-travail": "working-groups"}
    )
    english_group = translate_instance(
        group,
        english,
        {
            "Protection au Canada": "Inland Protection",
            "pac": "inland-protection",
            "Un groupe de travail.": "A working group.",
            "Trois fois par année.": "Three times a year.",
            "Montréal": "Montreal",
            "Rencontre à huis clos.": "Closed meeting.",
        },
    )
    assert english_group.get_ical_url() == "/en/working-groups/inland-protection/calendar/"
    (english_event,) = events(parse(client.get(english_group.get_ical_url())))
    (french_event,) = events(parse(client.get(group.get_ical_url())))
    assert str(english_event["summary"]) == "Inland Protection: meeting at the Consultations"
    assert str(english_event["location"]) == "Montreal"
    assert "Closed meeting." in str(english_event["description"])
    assert "closed to government and media" in str(english_event["description"])
    assert english_event["uid"] == french_event["uid"]
    assert english_event.decoded("dtstart") == french_event.decoded("dtstart")


def test_a_meeting_has_the_same_uid_whatever_address_the_feed_is_read_from(client, groups, settings):
    group, _ = groups
    meeting = MeetingFactory(page=group, city="Toronto")
    settings.SITE_URL = "https://coalition.example"
    uids = {
        str(only(parse(client.get(group.get_ical_url(), headers={"host": host})))["uid"])
        for host in ("testserver", "localhost:8000", "coalition.example", "127.0.0.1:8443")
    }
    assert uids == {f"meeting-{meeting.translation_key}@coalition.example"}
    (event,) = events(parse(client.get(group.get_ical_url(), headers={"host": "localhost:8000"})))
    assert str(event["url"]) == "https://coalition.example/fr/groupes-de-travail/pac/"


def only(calendar):
    (event,) = events(calendar)
    return event


def test_editing_a_meeting_raises_its_sequence_and_last_modified(client, groups):
    group, _ = groups
    meeting = MeetingFactory(page=group, city="Toronto")
    # Made an hour ago (calendars keep whole seconds).
    Meeting.objects.filter(pk=meeting.pk).update(last_modified=timezone.now() - datetime.timedelta(hours=1))
    before = only(parse(client.get(group.get_ical_url())))
    assert before["sequence"] == 0
    assert before.decoded("last-modified") == before.decoded("dtstamp")
    # Reading the feed again, or saving the meeting unchanged (publishing the page), changes nothing.
    publish(group)
    again = only(parse(client.get(group.get_ical_url())))
    assert again["sequence"] == 0
    assert again.decoded("last-modified") == before.decoded("last-modified")

    meeting.refresh_from_db()
    meeting.starts_at += datetime.timedelta(days=1)
    meeting.save()
    moved = only(parse(client.get(group.get_ical_url())))
    assert moved["sequence"] == 1
    assert moved.decoded("last-modified") > before.decoded("last-modified")
    assert moved.decoded("dtstamp") == moved.decoded("last-modified")
    assert moved["uid"] == before["uid"]

    meeting.city = "Ottawa"
    meeting.save()
    assert only(parse(client.get(group.get_ical_url())))["sequence"] == 2


def test_publishing_a_changed_meeting_from_the_page_raises_its_sequence(client, groups):
    """Editors change meetings in the page editor: publishing saves the meetings from a revision."""
    group, _ = groups
    MeetingFactory(page=group, city="Toronto")
    group = WorkingGroupPage.objects.get(pk=group.pk)
    meetings = list(group.meetings.all())
    meetings[0].city = "Winnipeg"
    group.meetings = meetings
    group.save_revision().publish()
    event = only(parse(client.get(group.get_ical_url())))
    assert str(event["location"]) == "Winnipeg"
    assert event["sequence"] == 1
    # A later publish of that revision (or any unchanged one) keeps it.
    group.get_latest_revision().publish()
    assert only(parse(client.get(group.get_ical_url())))["sequence"] == 1
