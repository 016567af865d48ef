"""What calendar apps rely on to keep one copy of each event up to date: a UID that is the same
whatever address and language the calendar is read from, and a SEQUENCE and LAST-MODIFIED (and
DTSTAMP) that move when a publish changes what the calendar shows, and never go back."""

import datetime

import icalendar
import pytest

from django.utils import timezone

from home.translation import translate_instance
from meetings.models import MeetingPage, WorkshopGroup
from tests.factories.meetings import ConsultationPageFactory, MeetingIndexPageFactory, WorkshopPageFactory
from tests.meetings.conftest import meeting
from tests.workinggroups.conftest import publish

pytestmark = pytest.mark.django_db

HOSTS = ("testserver", "localhost:8000", "coalition.example", "127.0.0.1:8443")


def only_event(response):
    assert response.status_code == 200
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    return event


def calendar_of(client, page):
    return only_event(client.get(MeetingPage.objects.get(pk=page.pk).calendar_url))


def made_an_hour_ago(page):
    """Calendars keep whole seconds: move the last change back so that a new one is seen."""
    type(page).objects.filter(pk=page.pk).update(last_modified=timezone.now() - datetime.timedelta(hours=1))


def test_a_meeting_has_one_uid_whatever_host_or_language_it_is_read_in(client, group, english_group, locales, settings):
    _, english = locales
    page = meeting(group, title="Rencontre de janvier", slug="janvier", theme="Accès")
    english_page = translate_instance(
        page,
        english,
        {"Rencontre de janvier": "January meeting", "janvier": "january", "Accès": "Access", "Toronto": "Toronto"},
    )
    settings.SITE_URL = "https://coalition.example"
    uids = {
        str(only_event(client.get(url, headers={"host": host}))["uid"])
        for host in HOSTS
        for url in (page.calendar_url, english_page.calendar_url, group.get_ical_url(), english_group.get_ical_url())
    }
    assert uids == {f"meeting-{page.translation_key}@coalition.example"}
    event = only_event(client.get(page.calendar_url, headers={"host": "localhost:8000"}))
    assert str(event["url"]) == "https://coalition.example/fr/groupes-de-travail/pac/janvier/"


def test_the_consultations_and_a_workshop_have_one_uid_whatever_host(client, site_tree, group, settings):
    index = publish(MeetingIndexPageFactory(parent=site_tree["fr"]))
    consultation = publish(ConsultationPageFactory(parent=index, slug="consultations"))
    workshop = WorkshopPageFactory(parent=consultation, slug="jeunesse")
    workshop.preparing_groups = [WorkshopGroup(group=group)]
    publish(workshop)
    settings.SITE_URL = "https://coalition.example"
    for page in (consultation, workshop):
        uids = {str(only_event(client.get(page.calendar_url, headers={"host": host}))["uid"]) for host in HOSTS}
        assert uids == {f"meeting-{page.translation_key}@coalition.example"}


def test_publishing_a_change_a_calendar_shows_raises_sequence_and_last_modified(client, group):
    page = meeting(group, title="Rencontre", city="Toronto")
    made_an_hour_ago(page)
    before = calendar_of(client, page)
    assert before["sequence"] == 0
    assert before.decoded("last-modified") == before.decoded("dtstamp")

    # Reading again, publishing unchanged, a draft, or a change the calendar does not show: nothing moves.
    page = publish(MeetingPage.objects.get(pk=page.pk))
    page.starts_at += datetime.timedelta(days=1)
    page.ends_at += datetime.timedelta(days=1)
    page.save_revision()
    page = MeetingPage.objects.get(pk=page.pk)
    page.minutes = "<p>Compte rendu.</p>"
    publish(page)
    again = calendar_of(client, page)
    assert again["sequence"] == 0
    assert again.decoded("last-modified") == before.decoded("last-modified")
    assert again.decoded("dtstart") == before.decoded("dtstart")

    page = MeetingPage.objects.get(pk=page.pk)
    page.starts_at += datetime.timedelta(days=1)
    page.ends_at += datetime.timedelta(days=1)
    publish(page)
    moved = calendar_of(client, page)
    assert moved["sequence"] == 1
    assert moved.decoded("last-modified") > before.decoded("last-modified")
    assert moved.decoded("dtstamp") == moved.decoded("last-modified")
    assert moved["uid"] == before["uid"]

    for change in ({"city": "Ottawa"}, {"time_zone": "America/Winnipeg"}, {"is_online": True}, {"theme": "Logement"}):
        page = MeetingPage.objects.get(pk=page.pk)
        for name, value in change.items():
            setattr(page, name, value)
        publish(page)
    assert calendar_of(client, page)["sequence"] == 5


def test_republishing_a_revision_keeps_the_sequence_and_an_older_one_never_lowers_it(client, group):
    page = meeting(group, city="Toronto")
    first_revision = page.get_latest_revision()
    page.city = "Winnipeg"
    publish(page)
    second_revision = page.get_latest_revision()
    event = calendar_of(client, page)
    assert (str(event["location"]), event["sequence"]) == ("Winnipeg", 1)

    second_revision.publish()
    assert calendar_of(client, page)["sequence"] == 1

    # The older revision holds sequence 0 and Toronto: the calendar sees a new version, not an old one.
    first_revision.publish()
    event = calendar_of(client, page)
    assert (str(event["location"]), event["sequence"]) == ("Toronto", 2)
    first_revision.publish()
    assert calendar_of(client, page)["sequence"] == 2
