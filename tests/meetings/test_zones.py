"""An event's time is said in its own zone, with the zone's name, in the reader's language."""

import datetime
import zoneinfo

import pytest

from django.utils import translation

from meetings.zones import TIME_ZONE_CHOICES, event_when

EASTERN = zoneinfo.ZoneInfo("America/Toronto")


def at(day, hour, minute=0, zone=EASTERN):
    return datetime.datetime(2027, 1, day, hour, minute, tzinfo=zone)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "mardi 12 janvier 2027, 13 h à 15 h (heure de l'Est)"),
        ("en", "Tuesday, January 12, 2027, 1:00 to 3:00 p.m. (Eastern time)"),
    ],
)
def test_an_afternoon_meeting_in_both_languages(language, expected):
    with translation.override(language):
        assert event_when(at(12, 13), at(12, 15), "America/Toronto") == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "mardi 12 janvier 2027, 7 h 30 à 12 h 30 (heure du Pacifique)"),
        ("en", "Tuesday, January 12, 2027, 7:30 a.m. to 12:30 p.m. (Pacific time)"),
    ],
)
def test_times_are_shown_in_the_events_zone_not_the_sites(language, expected):
    # 10:30 in Toronto is 7:30 in Vancouver.
    with translation.override(language):
        assert event_when(at(12, 10, 30), at(12, 15, 30), "America/Vancouver") == expected


def test_an_event_over_several_days_names_both_days():
    with translation.override("fr"):
        text = event_when(at(12, 9), at(14, 17), "America/Toronto")
    assert text == "du mardi 12 janvier 2027, 9 h au jeudi 14 janvier 2027, 17 h (heure de l'Est)"


def test_only_canadian_zones_are_offered():
    names = [name for name, _label in TIME_ZONE_CHOICES]
    assert "America/Toronto" in names and "America/St_Johns" in names and "America/Vancouver" in names
    assert all(name in zoneinfo.available_timezones() for name in names)
    assert "Europe/Paris" not in names and "America/New_York" not in names
