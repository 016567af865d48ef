"""Working groups: topics, the index page, groups, their projects, achievements and meetings.

Every relation that carries words (topics, leadership, meetings) is an inline
orderable with ``TranslatableMixin``: wagtail-localize then translates its text and
maps each topic to its translation, which it does not do for many-to-many fields.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
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
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import lookups, page_cache
from home.blocks import BodyStreamBlock
from home.models import BasePage, RoutableBasePageMixin

from .blocks import IndexSectionsBlock
from .choices import AchievementKind, ImpactArea, IssueApproach, LeadershipRole, ProjectStatus
from .fields import ChoiceListField


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """An issue that groups, projects, achievements and resources address."""

    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    api_fields = [APIField("name"), APIField("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


# --- Inline relations -------------------------------------------------------------


class TopicLink(TranslatableMixin, Orderable):
    """A topic chosen for a page. Concrete subclasses add the ParentalKey."""

    topic = models.ForeignKey(Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("topic")]
    api_fields = [APIField("topic"), APIField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]

    def __str__(self):
        return self.topic.name

    @property
    def name(self):
        return self.topic.name


class WorkingGroupTopic(TopicLink):
    page = ParentalKey("workinggroups.WorkingGroupPage", on_delete=models.CASCADE, related_name="topic_links")

    class Meta(TopicLink.Meta):
        verbose_name = _("topic addressed")
        verbose_name_plural = _("topics addressed")
        unique_together = [("translation_key", "locale")]


class ProjectTopic(TopicLink):
    page = ParentalKey("workinggroups.ProjectPage", on_delete=models.CASCADE, related_name="topic_links")

    class Meta(TopicLink.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale")]


class AchievementTopic(TopicLink):
    page = ParentalKey("workinggroups.AchievementPage", on_delete=models.CASCADE, related_name="topic_links")

    class Meta(TopicLink.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale")]


class WorkingGroupLeader(TranslatableMixin, Orderable):
    """A person who steers a group: co-chair, steering committee, Executive rep., staff."""

    page = ParentalKey("workinggroups.WorkingGroupPage", on_delete=models.CASCADE, related_name="leadership")
    role = models.CharField(_("role"), max_length=40, choices=LeadershipRole.choices)
    name = models.CharField(
        _("name"), max_length=150, blank=True, help_text=_("Leave blank to show the name of the member's account.")
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member's account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Link this person to their account on the site, when they have one."),
    )

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("user")]),
    ]
    api_fields = [APIField("role"), APIField("role_label"), APIField("display_name"), APIField("organisation")]
    # A person's name is the same in both languages; an organisation may have two.
    override_translatable_fields = [SynchronizedField("name"), TranslatableField("organisation")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("leader")
        verbose_name_plural = _("leadership")
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.display_name} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        if not self.name and not self.user_id:
            raise ValidationError({"name": _("Give the person's name, or choose their account.")})

    @property
    def display_name(self):
        if self.name:
            return self.name
        return self.user.get_full_name() if self.user_id else ""

    @property
    def role_label(self):
        return self.get_role_display()


class Meeting(TranslatableMixin, Orderable):
    """A meeting of a group. Dates are the same in both languages; the words are translated."""

    page = ParentalKey("workinggroups.WorkingGroupPage", on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    city = models.CharField(
        _("city"), max_length=100, blank=True, help_text=_("Leave blank for a meeting held only online.")
    )
    is_virtual = models.BooleanField(_("online"), default=False, help_text=_("Members can join online."))
    at_consultations = models.BooleanField(
        _("at the Consultations"),
        default=False,
        help_text=_("Held during the Consultations; closed to government and media."),
    )
    notes = models.TextField(_("notes"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("is_virtual"), FieldPanel("at_consultations")]),
        FieldPanel("notes"),
    ]
    api_fields = [
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("city"),
        APIField("is_virtual"),
        APIField("at_consultations"),
        APIField("notes"),
    ]
    override_translatable_fields = [
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("is_virtual"),
        SynchronizedField("at_consultations"),
        TranslatableField("city"),
        TranslatableField("notes"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M} {self.place}"

    def clean(self):
        super().clean()
        errors = {}
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("A meeting ends after it starts.")
        if not self.city and not self.is_virtual:
            errors["city"] = _("Give the city, or tick « online » for a meeting held only online.")
        if errors:
            raise ValidationError(errors)

    @property
    def place(self):
        if self.city and self.is_virtual:
            return _("%(city)s and online") % {"city": self.city}
        return self.city or _("Online")

    @property
    def effective_end(self):
        """Where no end is given, a meeting is taken to last two hours (calendars need an end)."""
        return self.ends_at or self.starts_at + datetime.timedelta(hours=2)

    def is_upcoming(self, now=None):
        return self.effective_end >= (now or timezone.now())


#: How many upcoming meetings (of all groups) the index page lists.
UPCOMING_ON_INDEX = 6


# --- Pages --------------------------------------------------------------------------


def project_ordering():
    """Ongoing projects first, then the most recent start; editors' order last."""
    return [
        Case(When(status=ProjectStatus.ONGOING, then=Value(0)), default=Value(1), output_field=IntegerField()),
        *recent_first_ordering(),
    ]


def recent_first_ordering():
    """``project_ordering()`` for projects of one status: the most recent start first."""
    return [F("start_date").desc(nulls_last=True), "path"]


def project_sort_key(project):
    """``project_ordering()`` in Python, for a list already in the tree's order."""
    return (not project.is_ongoing, project.start_date is None, -(project.start_date or datetime.date.min).toordinal())


#: What a link to a page needs, and a listing's card (title, link, introduction): the rest
#: of a page's columns cost more to select than to read (Django builds the SQL of each),
#: and long listings hold them all in memory.
LINK_FIELDS = ("id", "title", "url_path", "path", "depth", "locale_id")
CARD_FIELDS = LINK_FIELDS + ("introduction",)
PROJECT_CARD_FIELDS = CARD_FIELDS + ("status", "start_date", "end_date")
ACHIEVEMENT_CARD_FIELDS = CARD_FIELDS + ("date", "kind")


def achievement_ordering():
    """Newest first; undated achievements after the dated ones, in the editors' order."""
    return [F("date").desc(nulls_last=True), "path"]


def unlisted_pages_q():
    """The pages a public listing leaves out, as a Q to exclude: those under a view
    restriction, and synchronised aliases (wagtail-localize's placeholders, which carry
    the source language's text until someone translates them).

    Wagtail's ``PageQuerySet.public()`` reads the restrictions again on every call;
    this reads them from the cache (``home/lookups.py``).
    """
    return lookups.private_q() | Q(alias_of__isnull=False)


class PublicListingsMixin:
    """Share one read of the view restrictions among a page's listings (one request)."""

    @cached_property
    def unlisted_q(self):
        return unlisted_pages_q()


def attach_topic_links(pages, link_model):
    """Give each page of a listing its topic links, with their topics, in one query, as
    ``topic_link_list``. Not ``prefetch_related``: it points every link back at its page,
    a reference cycle that only Python's cyclic garbage collector frees, late, so a
    worker's memory grew with each long listing it served."""
    links = defaultdict(list)
    if pages:
        listed = link_model.objects.filter(page__in=[page.pk for page in pages]).select_related("topic")
        # The editors' order; links made outside the editor have none: then the order they were made in.
        for link in listed.order_by("sort_order", "pk"):
            links[link.page_id].append(link)
    for page in pages:
        page.topic_link_list = links[page.pk]
    return pages


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

    def meetings(self):
        """Meetings of every live group of this index (this language), oldest first."""
        return (
            Meeting.objects.filter(
                page__in=WorkingGroupPage.objects.child_of(self).live().exclude(self.unlisted_q).values("pk"),
            )
            .select_related("page")
            .order_by("starts_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["groups"] = self.groups()
        context["upcoming_meetings"] = list(
            self.meetings().filter(Q(starts_at__gte=now) | Q(ends_at__gte=now))[:UPCOMING_ON_INDEX]
        )
        return context

    @property
    def calendar_url(self):
        return self.get_ical_url()

    def get_ical_url(self, request=None):
        return self.url + self.reverse_subpage("calendar") if self.url else ""

    @path("calendar/", name="calendar")
    def calendar(self, request):
        from .ical import calendar_response

        return calendar_response(request, self, self.meetings())


class WorkingGroupPage(PublicListingsMixin, RoutableBasePageMixin, RoutablePageMixin, BasePage):
    """One working group. A group and its translations are one group."""

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
        InlinePanel("topic_links", label=_("Topics addressed"), heading=_("Topics addressed")),
    ]
    people_panels = [
        InlinePanel(
            "leadership",
            label=_("Leader"),
            heading=_("Leadership"),
            help_text=_("Co-chairs, steering committee, Executive representative and staff member, in order."),
        ),
    ]
    meeting_panels = [
        FieldPanel("meeting_pattern"),
        InlinePanel(
            "meetings",
            label=_("Meeting"),
            heading=_("Meetings"),
            help_text=_("Past meetings stay here; the page and the calendar show the upcoming ones."),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(people_panels, heading=_("Leadership")),
            ObjectList(meeting_panels, heading=_("Meetings")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("meeting_pattern"),
        index.RelatedFields("topic_links", [index.RelatedFields("topic", [index.SearchField("name")])]),
    ]
    api_fields = BasePage.api_fields + [
        APIField("summary"),
        APIField("topic_links"),
        APIField("leadership"),
        APIField("meeting_pattern"),
        APIField("meetings"),
        APIField("calendar_url"),
    ]

    parent_page_types = ["workinggroups.WorkingGroupIndexPage"]
    subpage_types = ["workinggroups.ProjectPage", "workinggroups.AchievementPage"]

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    @cached_property
    def topic_link_list(self):
        """The topic links with their topics, in one query (in memory on a preview)."""
        return list(self.topic_links.select_related("topic"))

    @property
    def topics(self):
        return [link.topic for link in self.topic_link_list]

    @cached_property
    def leaders(self):
        return list(self.leadership.select_related("user"))

    def upcoming_meetings(self, now=None):
        """Meetings that have not ended yet, soonest first (a list).

        Works on a preview too: modelcluster keeps unsaved meetings in memory, so the
        filtering is done in Python on ``meetings.all()``.
        """
        now = now or timezone.now()
        return sorted((m for m in self.meetings.all() if m.is_upcoming(now)), key=lambda m: m.starts_at)

    def projects(self):
        """The group's listed projects, ongoing first (a list).

        Read in the tree's order and sorted here: every project of the group is shown,
        and building the SQL of ``project_ordering()``'s ``Case`` costs more than sorting
        a few dozen cards.
        """
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
        page-cache version (home/page_cache.py), which any publish, move or restriction bumps.
        """
        if not self.path:  # a new page's preview: no place in the tree yet
            return []
        site = Site.find_for_request(request) if request else None
        links = page_cache.cached(
            "group-links",
            (site.pk if site else None, self.path[: -self.steplen]),
            lambda: self._group_links(request),
        )
        return [(title, url) for pk, title, url in links if pk != self.pk]

    def _group_links(self, request):
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
            upcoming_meetings=self.upcoming_meetings(),
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
        from .ical import calendar_response

        return calendar_response(request, self, self.meetings.select_related("page").order_by("starts_at"))


class GroupChildPage(PublicListingsMixin, BasePage):
    """What projects and achievements share: a body, topics, a group as parent."""

    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["workinggroups.WorkingGroupPage"]
    subpage_types = []

    class Meta:
        abstract = True

    @cached_property
    def group(self):
        """The group this page belongs to (a plain Page: its title and URL are all we show)."""
        return self.get_parent()

    @cached_property
    def topic_link_list(self):
        """The topic links with their topics, in one query (in memory on a preview)."""
        return list(self.topic_links.select_related("topic"))

    @property
    def topics(self):
        return [link.topic for link in self.topic_link_list]

    def related_pages(self):
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(group=self.group, related=list(self.related_pages()))
        return context


class ProjectPage(GroupChildPage):
    """A project of a group: « Exemples de projets en cours »."""

    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.ONGOING)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    ways_addressed = ChoiceListField(
        _("ways the issue is addressed"),
        item_choices=IssueApproach.choices,
        blank=True,
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])],
            heading=_("Status and dates"),
        ),
        FieldPanel("ways_addressed"),
        InlinePanel("topic_links", label=_("Topic"), heading=_("Topics")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("start_date"),
        index.RelatedFields("topic_links", [index.RelatedFields("topic", [index.SearchField("name")])]),
    ]
    api_fields = BasePage.api_fields + [
        APIField("status"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("ways_addressed"),
        APIField("topic_links"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A project ends after it starts.")})

    @property
    def is_ongoing(self):
        return self.status == ProjectStatus.ONGOING

    def ways_addressed_labels(self):
        return self._meta.get_field("ways_addressed").labels(self.ways_addressed)

    def related_pages(self):
        return (
            ProjectPage.objects.sibling_of(self, inclusive=False)
            .live()
            .exclude(self.unlisted_q)
            .defer_streamfields()
            .order_by(*project_ordering())[:5]
        )


class AchievementPage(GroupChildPage):
    """Something a group achieved: « Réalisations »."""

    date = models.DateField(_("date"), null=True, blank=True, help_text=_("When it was published or happened."))
    kind = models.CharField(_("kind"), max_length=20, choices=AchievementKind.choices, default=AchievementKind.OTHER)
    impact_areas = ChoiceListField(_("impact"), item_choices=ImpactArea.choices, blank=True)
    link_url = models.URLField(_("link"), blank=True, help_text=_("Where to read it, for example the open letter."))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The report, letter or tool itself, when the site keeps it."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("impact_areas"),
        MultiFieldPanel([FieldPanel("link_url"), FieldPanel("document")], heading=_("Link or document")),
        InlinePanel("topic_links", label=_("Topic"), heading=_("Topics")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.RelatedFields("topic_links", [index.RelatedFields("topic", [index.SearchField("name")])]),
    ]
    api_fields = BasePage.api_fields + [
        APIField("date"),
        APIField("kind"),
        APIField("impact_areas"),
        APIField("link_url"),
        APIField("document"),
        APIField("topic_links"),
        APIField("body"),
    ]
    override_translatable_fields = [SynchronizedField("link_url"), SynchronizedField("document")]

    class Meta:
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")

    def impact_area_labels(self):
        return self._meta.get_field("impact_areas").labels(self.impact_areas)

    def related_pages(self):
        return (
            AchievementPage.objects.sibling_of(self, inclusive=False)
            .live()
            .exclude(self.unlisted_q)
            .defer_streamfields()
            .order_by(*achievement_ordering())[:5]
        )
