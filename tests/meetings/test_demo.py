"""The demo content has meetings for several groups, past and upcoming, in Toronto, Montréal and
online, and one Consultations with workshops, each in French with its English translation."""

import pytest

from django.utils import timezone

from wagtail_localize.models import TranslationSource

from meetings.models import ConsultationPage, MeetingIndexPage, MeetingPage, WorkshopPage
from workinggroups.models import Meeting

pytestmark = pytest.mark.usefixtures("demo_content")


def french(model):
    return model.objects.live().filter(locale__language_code="fr")


def test_meetings_of_several_groups_past_and_upcoming_in_each_place():
    meetings = list(french(MeetingPage))
    now = timezone.now()
    assert len({meeting.path[: -MeetingPage.steplen] for meeting in meetings}) >= 3
    assert any(meeting.ends_at < now for meeting in meetings)
    assert any(meeting.ends_at >= now for meeting in meetings)
    assert {"Toronto", "Montréal"} <= {meeting.city for meeting in meetings if meeting.is_in_person}
    assert any(meeting.is_online and not meeting.is_in_person for meeting in meetings)
    assert any(meeting.minutes for meeting in meetings if meeting.ends_at < now)


def test_every_inline_meeting_has_its_page():
    keys = set(Meeting.objects.filter(locale__language_code="fr").values_list("translation_key", flat=True))
    assert keys <= set(french(MeetingPage).values_list("translation_key", flat=True))


def test_one_consultations_with_workshops_prepared_by_groups():
    (consultation,) = french(ConsultationPage)
    workshops = consultation.workshops()
    assert len(workshops) >= 2
    assert all(workshop.prepared_by_groups for workshop in workshops)
    assert any(len(workshop.prepared_by_groups) > 1 for workshop in workshops)


@pytest.mark.parametrize("model", [MeetingIndexPage, MeetingPage, ConsultationPage, WorkshopPage])
def test_each_page_has_a_real_english_translation(model):
    for page in french(model):
        english = page.get_translation_or_none(page.locale.__class__.objects.get(language_code="en"))
        assert english is not None and english.alias_of_id is None and english.live, page
        assert english.title != page.title, page
        assert TranslationSource.objects.get_for_instance_or_none(page) is not None


@pytest.mark.parametrize(
    ("path", "text"), [("/fr/rencontres/", "Rencontres à venir"), ("/en/meetings/", "Upcoming meetings")]
)
def test_the_listing_answers_in_both_languages(client, path, text):
    response = client.get(path)
    assert response.status_code == 200 and text in response.content.decode()


def test_one_meeting_has_registrations_and_a_wait_list():
    from meetings.models import Registration

    rows = list(Registration.objects.select_related("event").order_by("registered_at"))
    assert [row.status for row in rows] == ["confirmed", "confirmed", "waitlisted"]
    assert len({row.event_id for row in rows}) == 1
    assert rows[0].event.specific.capacity == 2
