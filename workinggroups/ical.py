"""iCalendar feeds of the groups' meetings, in the language of the URL."""

import icalendar

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def meeting_event(meeting, request, *, group):
    event = icalendar.Event()
    # The same meeting has the same UID in both languages: its translation key.
    event.add("uid", f"{meeting.translation_key}@{request.get_host()}")
    event.add("dtstamp", timezone.now())
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
        event.add("url", request.build_absolute_uri(group_url))
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
