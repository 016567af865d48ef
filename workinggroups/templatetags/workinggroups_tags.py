"""The working groups' part of the home page, in a fixed number of queries."""

from django import template

from workinggroups.models import (
    AchievementPage,
    WorkingGroupIndexPage,
    WorkingGroupPage,
    WorkingGroupTopic,
    achievement_ordering,
    topic_links_prefetch,
)

register = template.Library()

#: How many achievements the home page shows.
LATEST_ACHIEVEMENTS = 3


@register.inclusion_tag("workinggroups/includes/home_sections.html", takes_context=True)
def working_groups_home(context, home):
    """The groups and the latest achievements under ``home`` (the home page of one language)."""
    index = WorkingGroupIndexPage.objects.child_of(home).live().public().defer_streamfields().first()
    groups = []
    achievements = []
    if index is not None:
        groups = list(
            WorkingGroupPage.objects.child_of(index)
            .live()
            .public()
            .filter(alias_of__isnull=True)
            .defer_streamfields()
            .prefetch_related(topic_links_prefetch(WorkingGroupTopic))
            .order_by("path")
        )
        achievements = list(
            AchievementPage.objects.descendant_of(index)
            .live()
            .public()
            .filter(alias_of__isnull=True)
            .defer_streamfields()
            .order_by(*achievement_ordering())[:LATEST_ACHIEVEMENTS]
        )
    return {"request": context.get("request"), "index": index, "groups": groups, "achievements": achievements}
