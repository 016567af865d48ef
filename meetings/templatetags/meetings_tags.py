"""Meetings listed on other apps' pages (the group page, the working-group index), from the one owner query."""

from django import template
from django.utils import timezone

from home.listings import block_context, listing_scope

from .. import registration
from ..forms import RegistrationForm, WorkshopChoiceForm
from ..models import ConsultationPage, attach_groups, upcoming_meetings

register = template.Library()


@register.simple_tag
def group_upcoming_meetings(group, limit=None):
    """The group's upcoming meetings in the group page's language (a list)."""
    if group.pk is None:  # a new group's preview
        return []
    # The group page's own read of the view restrictions (PublicListingsMixin), shared with its other listings.
    return list(upcoming_meetings(group.locale_id, group=group, limit=limit, unlisted_q=group.unlisted_q))


@register.simple_tag
def all_upcoming_meetings(page, limit=6):
    """Every group's upcoming meetings in ``page``'s language, each with its group (a list)."""
    return attach_groups(upcoming_meetings(page.locale_id, limit=limit, unlisted_q=page.unlisted_q))


@register.inclusion_tag("meetings/includes/home_upcoming_meetings.html", takes_context=True)
def home_upcoming_meetings(context, value):
    """The home page's « Upcoming meetings » block: the next meetings of the listed groups, each with its group."""
    scope = listing_scope(context)
    limit = value.get("count") or 3
    meetings = attach_groups(upcoming_meetings(scope.locale_id, limit=limit, unlisted_q=scope.unlisted))
    return block_context(context, value, meetings=meetings)


@register.inclusion_tag("meetings/includes/registration_panel.html", takes_context=True)
def registration_panel(context, event):
    """Registering for ``event`` (a meeting or the Consultations page being shown), for the visitor.

    Anonymous visitors get a sign-in link and nothing personal: their page is the shared, cached
    one (core.caching.pages). Members see their registration, and the online link once they have a seat.
    """
    request = context["request"]
    user = request.user
    panel = {"event": event, "request": request, "signed_in": user.is_authenticated}
    now = timezone.now()
    panel["closed"] = event.is_cancelled or event.starts_at <= now
    if event.pk is None or not user.is_authenticated:
        return panel
    canonical = registration.canonical_event(event)
    panel["event_id"] = canonical.pk
    own = registration.own_registration(user, canonical)
    panel["registration"] = own
    panel["manages"] = registration.may_manage_event(user, canonical)
    if own is not None:
        if own.is_confirmed and isinstance(event, ConsultationPage):
            workshops = registration.consultation_workshops(canonical)
            chosen = set(own.workshop_choices.values_list("workshop_id", flat=True))
            panel["workshops"] = workshops
            panel["workshop_form"] = WorkshopChoiceForm(
                initial={"workshops": [str(pk) for pk in chosen]}, workshops=workshops
            )
        return panel
    if not panel["closed"]:
        problem = registration.refusal(user, canonical, now=now)
        if problem is None:
            panel["form"] = RegistrationForm(event=canonical)
            panel["full"] = not registration.has_free_seat(canonical)
        else:
            panel["refusal"] = problem.message
    return panel


@register.inclusion_tag("meetings/includes/my_registrations.html", takes_context=True)
def my_registrations(context):
    """The signed-in member's registrations for events to come, each with a cancel button (one query)."""
    request = context["request"]
    return {"request": request, "registrations": registration.upcoming_registrations(request.user)}
