"""Meetings listed on other apps' pages (the group page, the working-group index), from the one owner query."""

from django import template

from home.listings import block_context, listing_scope

from ..models import attach_groups, upcoming_meetings

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
