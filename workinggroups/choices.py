"""Choice lists of the working groups, defined once.

The index page's sections, the project and achievement pages, the API and the
members app (group roles) all use these lists, so a label is translated once.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IssueApproach(models.TextChoices):
    """The seven ways a working group addresses an issue once members raise it."""

    WORKSHOP_OR_MEETING = "workshop_or_meeting", _("Workshop or meeting")
    RESOLUTION = "resolution", _("Resolution")
    PUBLIC_CAMPAIGN = "public_campaign", _("Public campaign")
    RESOURCE = "resource", _("Practical or policy resource")
    MEDIA_ARTICLE = "media_article", _("Media article")
    LEGAL_ACTION = "legal_action", _("Legal action")
    DIALOGUE_WITH_GOVERNMENT = "dialogue_with_government", _("Dialogue with government")


class ImpactArea(models.TextChoices):
    """The four kinds of impact of the groups' work."""

    GOVERNMENT = "government", _("Government policy and practice")
    COMMUNITY = "community", _("Community practice")
    PUBLIC_AWARENESS = "public_awareness", _("Public awareness")
    MEMBERS_KNOWLEDGE = "members_knowledge", _("Members' knowledge and autonomy")


class ProjectStatus(models.TextChoices):
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class AchievementKind(models.TextChoices):
    OPEN_LETTER = "open_letter", _("Open letter")
    REPORT = "report", _("Report")
    SUBMISSION = "submission", _("Submission or recommendations")
    TOOL = "tool", _("Practical tool")
    CAMPAIGN = "campaign", _("Campaign")
    MEETING = "meeting", _("Meeting or consultation")
    OTHER = "other", _("Other")


class LeadershipRole(models.TextChoices):
    """Who steers a group. ``members.GroupMembership.Role`` adds « member » to these."""

    CO_CHAIR = "co_chair", _("Co-chair")
    STEERING_COMMITTEE = "steering_committee", _("Steering committee")
    EXECUTIVE_REPRESENTATIVE = "executive_representative", _("Executive representative")
    STAFF = "staff", _("Staff member")
