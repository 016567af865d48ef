"""Working groups: topics, the index page, groups, their projects, achievements and meetings.

Every relation that carries words (topics, meetings) is an inline
orderable with ``TranslatableMixin``: wagtail-localize then translates its text and
maps each topic to its translation, which it does not do for many-to-many fields.
Who leads a group is not page content: it is the group's membership records
(``members.GroupMembership`` roles), one set for both languages.
"""

from .group_pages import AchievementPage, GroupChildPage, ProjectPage
from .groups import WorkingGroupIndexPage, WorkingGroupLink, WorkingGroupPage
from .listings import (
    ACHIEVEMENT_CARD_FIELDS,
    CARD_FIELDS,
    LINK_FIELDS,
    PROJECT_CARD_FIELDS,
    PublicListingsMixin,
    achievement_ordering,
    attach_topic_links,
    project_sort_key,
    recent_first_ordering,
)
from .people import UPCOMING_ON_INDEX, Meeting
from .topics import AchievementTopic, ProjectTopic, Topic, TopicLink, WorkingGroupTopic

__all__ = [
    "ACHIEVEMENT_CARD_FIELDS",
    "CARD_FIELDS",
    "LINK_FIELDS",
    "PROJECT_CARD_FIELDS",
    "AchievementPage",
    "AchievementTopic",
    "GroupChildPage",
    "Meeting",
    "ProjectPage",
    "ProjectTopic",
    "PublicListingsMixin",
    "Topic",
    "TopicLink",
    "UPCOMING_ON_INDEX",
    "WorkingGroupIndexPage",
    "WorkingGroupLink",
    "WorkingGroupPage",
    "WorkingGroupTopic",
    "achievement_ordering",
    "attach_topic_links",
    "project_sort_key",
    "recent_first_ordering",
]
