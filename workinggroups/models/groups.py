"""The working-group index and the working-group pages."""

from collections import defaultdict

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site, TranslatableMixin
from wagtail.search import index

from core.caching import fragments
from home.models import BasePage, IllustratedPageMixin, RoutableBasePageMixin
from members.models import GroupMembership

from ..blocks import IndexSectionsBlock
from ..choices import ProjectStatus
from .group_pages import AchievementPage, ProjectPage
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
from .topics import TopicTaggedMixin, WorkingGroupTopic


class WorkingGroupIndexPage(PublicListingsMixin, RoutableBasePageMixin, RoutablePageMixin, BasePage):
    """« Les groupes de travail »: what working groups are, and the list of groups."""

    sections = StreamField(
        IndexSectionsBlock(),
        verbose_name=_("sections"),
        blank=True,
        help_text=_("What the groups are, who is involved, when they meet, how issues are addressed, the impact."),
    )
    groups_heading = models.CharField(
        _("heading of the list of groups"),
        max_length=150,
        blank=True,
        help_text=_("For example « Take part in a working group ». The groups are listed below it automatically."),
    )
    groups_introduction = models.TextField(_("introduction to the list of groups"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("sections"),
        MultiFieldPanel(
            [
                FieldPanel("groups_heading"),
                FieldPanel("groups_introduction"),
                HelpPanel(content=_("The working groups published below this page are listed here, in their order.")),
            ],
            heading=_("List of groups"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("sections"),
        index.SearchField("groups_heading"),
        index.SearchField("groups_introduction"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("sections"),
        APIField("groups_heading"),
        APIField("groups_introduction"),
        APIField("calendar_url"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["workinggroups.WorkingGroupPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("working group index")

    def groups(self):
        """The live groups, each with its topics, ongoing projects and newest achievements.

        Four queries whatever the number of groups: groups, their topics, projects,
        achievements. The projects and achievements are attached to their group in
        Python by tree path, which avoids one query per group.
        """
        groups = list(
            WorkingGroupPage.objects.child_of(self).live().exclude(self.unlisted_q).only(*CARD_FIELDS).order_by("path")
        )
        attach_topic_links(groups, WorkingGroupTopic)
        projects = defaultdict(list)
        achievements = defaultdict(list)
        if groups:
            for project in (
                ProjectPage.objects.descendant_of(self)
                .live()
                .exclude(self.unlisted_q)
                .filter(status=ProjectStatus.ONGOING)
                .only(*LINK_FIELDS)
                .order_by(*recent_first_ordering())
            ):
                projects[project.path[: -Page.steplen]].append(project)
            for achievement in (
                AchievementPage.objects.descendant_of(self)
                .live()
                .exclude(self.unlisted_q)
                .only(*LINK_FIELDS)
                .order_by(*achievement_ordering())
            ):
                achievements[achievement.path[: -Page.steplen]].append(achievement)
        for group in groups:
            group.listed_projects = projects[group.path]
            group.listed_achievements = achievements[group.path]
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.groups()
        return context

    @property
    def calendar_url(self):
        return self.get_ical_url()

    def get_ical_url(self, request=None):
        return self.url + self.reverse_subpage("calendar") if self.url else ""

    @path("calendar/", name="calendar")
    def calendar(self, request):
        # The meetings app builds on this one (meetings are pages under the groups): imported when used.
        from meetings.ical import calendar_response
        from meetings.models import listed_meetings

        return calendar_response(request, self.title, self.slug, listed_meetings(self.locale_id))


class WorkingGroupPage(
    IllustratedPageMixin, TopicTaggedMixin, PublicListingsMixin, RoutableBasePageMixin, RoutablePageMixin, BasePage
):
    """One working group. A group and its translations are one group."""

    #: Among results that match a search as well, a group's own page comes before its projects (search.engine).
    search_boost = 1.5

    summary = RichTextField(
        _("about the group"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What the group works on, in a paragraph or two."),
    )
    meeting_pattern = models.TextField(
        _("how often it meets"),
        blank=True,
        help_text=_("For example: three to four times a year, in person or online, and at the Consultations."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("summary"),
        *IllustratedPageMixin.illustration_panels,
        InlinePanel("topic_links", label=_("Topics addressed"), heading=_("Topics addressed")),
        HelpPanel(
            content=_(
                "Who leads the group (co-chairs, steering committee, Executive representative, staff member) "
                "is shown from its memberships: membership staff give each person their role under "
                "Members › Group memberships."
            ),
            heading=_("Leadership"),
        ),
    ]
    # The old inline meetings are no longer edited here: a meeting is a page under the group (meetings app).
    meeting_panels = [
        FieldPanel("meeting_pattern"),
        HelpPanel(
            content=_(
                "Each meeting is a page under the group: add it with « Add child page », then « meeting ». "
                "The group page, its calendar and the meetings listing show the upcoming ones."
            ),
            heading=_("Meetings"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(meeting_panels, heading=_("Meetings")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("meeting_pattern"),
        TopicTaggedMixin.topic_search_field,
    ]
    api_fields = BasePage.api_fields + [
        APIField("summary"),
        APIField("topic_links"),
        APIField("leadership"),
        APIField("meeting_pattern"),
        APIField("upcoming_meetings"),
        APIField("calendar_url"),
        *IllustratedPageMixin.api_fields,
    ]

    parent_page_types = ["workinggroups.WorkingGroupIndexPage"]
    subpage_types = ["workinggroups.ProjectPage", "workinggroups.AchievementPage", "meetings.MeetingPage"]

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    @cached_property
    def leaders(self):
        """Co-chairs, steering committee, Executive representative and staff: the group's membership
        records (managed by membership staff), the same people in both languages."""
        if self.pk is None:  # a new page's preview: no members yet
            return []
        return GroupMembership.leadership_of(self)

    @property
    def leadership(self):
        """``leaders`` for the API: the role, its name in the request's language, the person's
        name and organisation; never the account or its address."""
        return [
            {
                "role": leader.role,
                "role_label": str(leader.get_role_display()),
                "display_name": leader.display_name,
                "organisation": leader.organisation_name,
            }
            for leader in self.leaders
        ]

    @property
    def upcoming_meetings(self):
        """The group's upcoming meeting pages for the API, soonest first: when, where, never the online link.

        Read through the meetings app's owner query; each is also at ``/api/v3/pages/<id>/``.
        """
        # The meetings app builds on this one (meetings are pages under the groups): imported when used.
        from meetings.models import upcoming_meetings

        if self.pk is None:
            return []
        return [
            {
                "id": meeting.pk,
                "title": meeting.title,
                "starts_at": meeting.starts_at,
                "ends_at": meeting.ends_at,
                "time_zone": meeting.time_zone,
                "is_in_person": meeting.is_in_person,
                "city": meeting.city,
                "is_online": meeting.is_online,
                "at_consultations": meeting.at_consultations,
            }
            for meeting in upcoming_meetings(self.locale_id, group=self, unlisted_q=self.unlisted_q)
        ]

    def projects(self):
        """The group's listed projects in ``project_sort_key``'s order (a list)."""
        listed = (
            ProjectPage.objects.child_of(self)
            .live()
            .exclude(self.unlisted_q)
            .only(*PROJECT_CARD_FIELDS)
            .order_by("path")
        )
        return sorted(listed, key=project_sort_key)

    def achievements(self):
        return (
            AchievementPage.objects.child_of(self)
            .live()
            .exclude(self.unlisted_q)
            .only(*ACHIEVEMENT_CARD_FIELDS)
            .order_by(*achievement_ordering())
        )

    def other_groups(self, request=None):
        """The index's other live, listed groups as ``(title, URL)``, in the editors' order.

        The same navigation on every group page of a language: kept with the menu under the
        cache version (core/caching), which any publish, move or restriction bumps.
        """
        if not self.path:  # a new page's preview: no place in the tree yet
            return []
        site = Site.find_for_request(request) if request else None
        links = fragments.cached(
            "group-links",
            (site.pk if site else None, self.path[: -self.steplen]),
            lambda: self.listed_group_links(request),
        )
        return [(title, url) for pk, title, url in links if pk != self.pk]

    def listed_group_links(self, request):
        groups = (
            WorkingGroupPage.objects.sibling_of(self)
            .live()
            .exclude(self.unlisted_q)
            .only(*LINK_FIELDS)
            .order_by("path")
        )
        return [(group.pk, group.title, group.get_url(request)) for group in groups]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            projects=self.projects(),
            achievements=list(self.achievements()),
            other_groups=self.other_groups(request),
        )
        return context

    @property
    def calendar_url(self):
        return self.get_ical_url()

    def get_ical_url(self, request=None):
        """The group's iCalendar feed, in the language of this page."""
        url = self.get_url(request)
        return url + self.reverse_subpage("calendar") if url else ""

    @path("calendar/", name="calendar")
    def calendar(self, request):
        # The meetings app builds on this one (meetings are pages under the groups): imported when used.
        from meetings.ical import calendar_response
        from meetings.models import listed_meetings

        return calendar_response(request, self.title, self.slug, listed_meetings(self.locale_id, group=self))


class WorkingGroupLink(TranslatableMixin, Orderable):
    """A working group chosen for a page (a workshop's preparing groups, a resolution's drafting groups).

    Concrete subclasses add the ParentalKey and their names; wagtail-localize points a translation
    at the translated group.
    """

    group = models.ForeignKey(
        "workinggroups.WorkingGroupPage", verbose_name=_("working group"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("group")]

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def __str__(self):
        return str(self.group)
