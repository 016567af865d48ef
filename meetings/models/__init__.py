"""The meetings app's models: the event pages (``pages``) and the registrations (``registrations``)."""

from .pages import (
    PAST_LIMIT,
    RICH_TEXT_FEATURES,
    UPCOMING_LIMIT,
    ConsultationPage,
    EventPage,
    MeetingIndexPage,
    MeetingLanguage,
    MeetingPage,
    WorkshopGroup,
    WorkshopPage,
    attach_groups,
    attach_preparing_groups,
    listed_meetings,
    past_meetings,
    upcoming_meetings,
    upcoming_meetings_by_group,
)
from .registrations import Registration, WorkshopChoice, WorkshopProposal

__all__ = [
    "ConsultationPage",
    "EventPage",
    "MeetingIndexPage",
    "MeetingLanguage",
    "MeetingPage",
    "PAST_LIMIT",
    "RICH_TEXT_FEATURES",
    "UPCOMING_LIMIT",
    "WorkshopGroup",
    "WorkshopPage",
    "attach_groups",
    "attach_preparing_groups",
    "listed_meetings",
    "past_meetings",
    "upcoming_meetings",
    "upcoming_meetings_by_group",
    "Registration",
    "WorkshopChoice",
    "WorkshopProposal",
]
