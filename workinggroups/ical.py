"""iCalendar feeds of the groups' meetings, in the language of the URL (RFC 5545)."""

from urllib.parse import urlsplit

import icalendar

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.public_address import public_base_url, public_url


def meeting_uid(meeting):
    """The same for a meeting in both languages (its translation key) and whatever address the
    feed was read from: the public host, never the request's, so that a person subscribed
    through two addresses gets each meeting once."""
    return f"meeting-{meeting.translation_key}@{urlsplit(public_base_url()).hostname}"


def meeting_event(meeting, request, *, group):
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    # A feed without METHOD: DTSTAMP is when the event last changed in our store, like LAST-MODIFIED.
    event.add("dtstamp", meeting.last_modified)
    event.add("last-modified", meeting.last_modified)
    event.add("sequence", meeting.sequence)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.effective_end)
    summary = _("%(group)s: meeting") % {"group": group.title}
    if meeting.at_consultations:
        summary = _("%(group)s: meeting at the Consultations") % {"group": group.title}
    event.add("summary", summary)
    event.add("location", str(meeting.place))
    description = [meeting.notes] if meeting.notes else []
    if meeting.at_consultations:
        description.append(_("Held during the Consultations; closed to government and media."))
    if description:
        event.add("description", "\n\n".join(description))
    group_url = group.get_url(request)
    if group_url:
        event.add("url", public_url(group_url, request))
    return event


def calendar_response(request, page, meetings):
    """Answer with an iCalendar file of ``meetings`` (each meeting knows its group)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Coalition site//Working groups//" + get_language().upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", page.title)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, request, group=meeting.page))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{page.slug}.ics"'
    return response
