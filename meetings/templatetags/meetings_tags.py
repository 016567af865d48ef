"""Meetings listed on other apps' pages (the group page, the working-group index), from the one owner query."""

from django import template

from ..models import attach_groups, upcoming_meetings

register = template.Library()


@register.simple_tag
def group_upcoming_meetings(group, limit=None):
    """The group's upcoming meetings in the group page's language (a list)."""
    if group.pk is None:  # a new group's preview
        return []
    return list(upcoming_meetings(group.locale_id, group=group, limit=limit))


@register.simple_tag
def all_upcoming_meetings(locale_id, limit=6):
    """Every group's upcoming meetings in that language, each with its group (a list)."""
    return attach_groups(upcoming_meetings(locale_id, limit=limit))
