"""Inline meetings become meeting pages under their group, the English one a wagtail-localize
translation of the French one; running the conversion again changes nothing."""

import datetime
from io import StringIO

import icalendar
import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource

from home.translation import translate_instance
from meetings.conversion import convert_inline_meetings
from meetings.models import MeetingPage
from tests.factories.workinggroups import MeetingFactory
from tests.meetings.conftest import GROUP_ENGLISH
from tests.workinggroups.conftest import publish
from workinggroups.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def inline_meetings(group, locales):
    _, english = locales
    starts_at = (timezone.now() + datetime.timedelta(days=10)).replace(microsecond=0)
    online = MeetingFactory(page=group, starts_at=starts_at, city="", is_virtual=True, notes="Lien envoyé aux membres.")
    in_person = MeetingFactory(
        page=group,
        starts_at=starts_at + datetime.timedelta(days=30),
        ends_at=None,
        city="Montréal",
        at_consultations=True,
    )
    publish(group)
    translate_instance(group.get_parent().specific, english, GROUP_ENGLISH)
    translate_instance(
        group, english, {**GROUP_ENGLISH, "Lien envoyé aux membres.": "Link sent to members.", "Montréal": "Montreal"}
    )
    return online, in_person


def test_each_meeting_becomes_a_page_with_its_english_translation(inline_meetings, group, locales):
    online, in_person = inline_meetings
    _, english = locales
    assert convert_inline_meetings() == 2

    page = MeetingPage.objects.get(translation_key=online.translation_key, locale=group.locale)
    assert page.get_parent().pk == group.pk and page.live
    assert (page.starts_at, page.ends_at) == (online.starts_at, online.ends_at)
    assert page.is_online and not page.is_in_person
    assert "Lien envoyé aux membres." in page.description
    assert page.title.startswith("Rencontre du ")

    translated = page.get_translation(english).specific
    assert translated.alias_of_id is None and translated.live
    assert translated.get_parent().specific.title == "Inland Protection"
    assert "Link sent to members." in translated.description
    assert translated.title.startswith("Meeting of ")
    # A real wagtail-localize translation: later edits of the French page can be translated.
    source = TranslationSource.objects.get_for_instance(page)
    assert Translation.objects.filter(source=source, target_locale=english).exists()

    hybrid = MeetingPage.objects.get(translation_key=in_person.translation_key, locale=english)
    assert hybrid.city == "Montreal" and hybrid.at_consultations
    assert hybrid.ends_at == in_person.starts_at + datetime.timedelta(hours=2)  # no end given: two hours


def test_a_converted_meeting_keeps_its_calendar_uid_sequence_and_last_modified(client, inline_meetings, locales):
    online, _ = inline_meetings
    _, english = locales
    edited = timezone.now().replace(microsecond=0) - datetime.timedelta(days=3)
    Meeting.objects.filter(pk=online.pk).update(sequence=3, last_modified=edited)
    Meeting.objects.filter(translation_key=online.translation_key, locale=english).update(
        sequence=2, last_modified=edited - datetime.timedelta(days=1)
    )
    convert_inline_meetings()
    for language, sequence, last_modified in (("fr", 3, edited), ("en", 2, edited - datetime.timedelta(days=1))):
        page = MeetingPage.objects.get(translation_key=online.translation_key, locale__language_code=language)
        (event,) = icalendar.Calendar.from_ical(client.get(page.calendar_url).content).walk("VEVENT")
        assert str(event["uid"]).startswith(f"meeting-{online.translation_key}@")
        assert event["sequence"] == sequence
        assert event.decoded("last-modified") == last_modified


def test_running_it_again_changes_nothing(inline_meetings):
    out = StringIO()
    call_command("convert_inline_meetings", stdout=out)
    count = MeetingPage.objects.count()
    call_command("convert_inline_meetings", stdout=out)
    assert MeetingPage.objects.count() == count == 4
    assert "0 meeting page(s) created." in out.getvalue()


def test_the_alias_locale_synchronisation_leaves_is_replaced_by_the_translation(inline_meetings, locales):
    french, english = locales
    LocaleSynchronization.objects.get_or_create(locale=english, defaults={"sync_from": french})
    online, _ = inline_meetings
    convert_inline_meetings()
    translated = MeetingPage.objects.get(translation_key=online.translation_key, locale=english)
    assert translated.alias_of_id is None
    assert "Link sent to members." in translated.description
