"""Canadian time zones, and an event's date and time said in its own zone, in the reader's language.

« mardi 12 janvier 2027, 13 h à 15 h (heure de l'Est) » / "Tuesday, January 12, 2027, 1:00 to
3:00 p.m. (Eastern time)": people from every province meet, so the zone is always named.
"""

import zoneinfo

from django.utils import formats, timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext_lazy as _

#: One zone per Canadian time, as IANA names it, with the name people use for it.
ZONE_LABELS = {
    "America/St_Johns": _("Newfoundland time"),
    "America/Halifax": _("Atlantic time"),
    "America/Toronto": _("Eastern time"),
    "America/Winnipeg": _("Central time"),
    "America/Regina": _("Saskatchewan time"),
    "America/Edmonton": _("Mountain time"),
    "America/Vancouver": _("Pacific time"),
    "America/Whitehorse": _("Yukon time"),
}
#: Only zones this Python knows (``zoneinfo.available_timezones``), east to west.
TIME_ZONE_CHOICES = [(name, label) for name, label in ZONE_LABELS.items() if name in zoneinfo.available_timezones()]
DEFAULT_TIME_ZONE = "America/Toronto"


def zone_label(name):
    return ZONE_LABELS.get(name, name)


def _is_french():
    return (get_language() or "fr").startswith("fr")


def format_time(value):
    """« 13 h », « 13 h 30 » in French; "1:00 p.m." in English."""
    if _is_french():
        return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"
    return f"{value.hour % 12 or 12}:{value.minute:02d} {meridiem(value)}"


def meridiem(value):
    return "a.m." if value.hour < 12 else "p.m."


def format_date(value):
    return formats.date_format(value, pgettext("date with the day of the week", "l, F j, Y"))


def event_when(starts_at, ends_at, zone_name):
    """The event's date and times in its zone, with the zone's name, in the active language."""
    zone = zoneinfo.ZoneInfo(zone_name)
    start = timezone.localtime(starts_at, zone)
    label = zone_label(zone_name)
    if ends_at is None:
        return pgettext("event time", "%(date)s, %(start)s (%(zone)s)") % {
            "date": format_date(start),
            "start": format_time(start),
            "zone": label,
        }
    end = timezone.localtime(ends_at, zone)
    if end.date() != start.date():
        return pgettext("event over several days", "%(start_date)s, %(start)s to %(end_date)s, %(end)s (%(zone)s)") % {
            "start_date": format_date(start),
            "start": format_time(start),
            "end_date": format_date(end),
            "end": format_time(end),
            "zone": label,
        }
    start_text = format_time(start)
    if not _is_french() and meridiem(start) == meridiem(end):
        # "1:00 to 3:00 p.m.": English says the half of the day once when both times share it.
        start_text = f"{start.hour % 12 or 12}:{start.minute:02d}"
    return pgettext("event time", "%(date)s, %(start)s to %(end)s (%(zone)s)") % {
        "date": format_date(start),
        "start": start_text,
        "end": format_time(end),
        "zone": label,
    }
