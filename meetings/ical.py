"""iCalendar (RFC 5545) for meetings: each meeting's own file, and the group and site feeds.

The same event has the same UID in both languages and wherever it is fetched from: its
translation key at the public host (a meeting converted from the old inline meetings kept
their key, so its UID is the one the inline meeting had). SEQUENCE and LAST-MODIFIED (and
DTSTAMP) come from the page (``EventPage.save``). The online link is never written: a feed is public.
"""

import zoneinfo
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.public_address import public_base_url, public_url


def meeting_uid(meeting):
    """The public host, never the request's, so that a person subscribed through two addresses gets each event once."""
    return f"meeting-{meeting.translation_key}@{urlsplit(public_base_url()).hostname}"


def meeting_event(meeting, request=None):
    # Imported when a calendar is made: a worker that never serves one does without its 4 MB.
    import icalendar

    zone = zoneinfo.ZoneInfo(meeting.time_zone)
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    # A feed without METHOD: DTSTAMP is when the event last changed in our store, like LAST-MODIFIED.
    event.add("dtstamp", meeting.last_modified)
    event.add("last-modified", meeting.last_modified)
    event.add("sequence", meeting.sequence)
    event.add("dtstart", timezone.localtime(meeting.starts_at, zone))
    event.add("dtend", timezone.localtime(meeting.ends_at, zone))
    event.add("summary", meeting.title)
    location = ", ".join(str(part) for part in (meeting.venue, meeting.city) if part) if meeting.is_in_person else ""
    if meeting.is_online:
        location = _("%(place)s and online") % {"place": location} if location else _("Online")
    event.add("location", location)
    if meeting.theme:
        event.add("description", meeting.theme)
    url = meeting.get_url()
    if url:
        event.add("url", public_url(url, request))
    return event


def calendar_bytes(title, meetings, request=None):
    """An iCalendar file of ``meetings`` (event pages), in the active language: feeds and email attachments."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Coalition site//Meetings//" + get_language().upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(request, title, slug, meetings):
    """Answer with an iCalendar file of ``meetings`` (meeting pages), called ``<slug>.ics``."""
    response = HttpResponse(calendar_bytes(title, meetings, request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slug}.ics"'
    return response
