"""The working groups' part of the home page, in a fixed number of queries."""

from django import template

from home.visibility import unlisted_pages_q
from workinggroups.models import (
    ACHIEVEMENT_CARD_FIELDS,
    CARD_FIELDS,
    LINK_FIELDS,
    AchievementPage,
    WorkingGroupIndexPage,
    WorkingGroupPage,
    WorkingGroupTopic,
    achievement_ordering,
    attach_topic_links,
)

register = template.Library()

#: How many achievements the home page shows.
LATEST_ACHIEVEMENTS = 3


@register.inclusion_tag("workinggroups/includes/home_sections.html", takes_context=True)
def working_groups_home(context, home):
    """The groups and the latest achievements under ``home`` (the home page of one language)."""
    unlisted = unlisted_pages_q()
    index = WorkingGroupIndexPage.objects.child_of(home).live().exclude(unlisted).only(*LINK_FIELDS).first()
    groups = []
    achievements = []
    if index is not None:
        groups = attach_topic_links(
            list(WorkingGroupPage.objects.child_of(index).live().exclude(unlisted).only(*CARD_FIELDS).order_by("path")),
            WorkingGroupTopic,
        )
        achievements = list(
            AchievementPage.objects.descendant_of(index)
            .live()
            .exclude(unlisted)
            .only(*ACHIEVEMENT_CARD_FIELDS)
            .order_by(*achievement_ordering())[:LATEST_ACHIEVEMENTS]
        )
    return {"request": context.get("request"), "index": index, "groups": groups, "achievements": achievements}
