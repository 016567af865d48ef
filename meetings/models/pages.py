"""Meetings as pages: a working group's meetings, and the coalition's Consultations with their workshops.

What the public may read (date, place, theme, languages, description, agenda) is in
``search_fields`` and ``api_fields``; the online link, the participants' documents, the minutes
and what was decided are in neither and are rendered for approved members only
(``members.access.is_approved_member``). Every query for a listing of meetings goes through
``upcoming_meetings`` and ``past_meetings``.
"""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.caching.pages import public_page_cache
from home.models import BasePage, RoutableBasePageMixin
from home.visibility import unlisted_pages_q
from members.access import is_approved_member
from workinggroups.models import LINK_FIELDS, PublicListingsMixin, WorkingGroupLink, WorkingGroupPage

from .. import ical
from ..blocks import AgendaBlock, ParticipantDocumentsBlock
from ..filters import MeetingFilter
from ..zones import DEFAULT_TIME_ZONE, TIME_ZONE_CHOICES, event_when, zone_label

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

#: How many meetings a listing shows at most: the upcoming ones, and the most recent past ones.
UPCOMING_LIMIT = 50
PAST_LIMIT = 12


class MeetingLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    BILINGUAL = "fr-en", _("French and English")


class EventPage(RoutableBasePageMixin, RoutablePageMixin, BasePage):
    """What a meeting, the Consultations and a workshop share: when, where, in which languages, about what."""

    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TIME_ZONE_CHOICES,
        default=DEFAULT_TIME_ZONE,
        help_text=_("The times are entered, and shown, in this zone."),
    )
    is_in_person = models.BooleanField(_("in person"), default=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Never shown on the public site, in feeds or in the API."),
    )
    languages = models.CharField(
        _("languages"), max_length=8, choices=MeetingLanguage.choices, default=MeetingLanguage.BILINGUAL
    )
    interpretation = models.BooleanField(
        _("interpretation offered"), default=False, help_text=_("Interpretation between French and English.")
    )
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    agenda = StreamField(AgendaBlock(), verbose_name=_("agenda"), blank=True)
    # Members only: never in search_fields or api_fields.
    participant_documents = StreamField(
        ParticipantDocumentsBlock(), verbose_name=_("documents for participants"), blank=True
    )
    minutes = RichTextField(_("minutes"), blank=True, features=RICH_TEXT_FEATURES + ["h3"])
    decisions = RichTextField(_("what was decided"), blank=True, features=RICH_TEXT_FEATURES)
    # Registration (meetings.registration): seats, then a wait-list; a cancelled event takes no registration.
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit; past it, members are wait-listed.")
    )
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    # What calendar apps read to replace their copy of the event (iCalendar SEQUENCE and
    # LAST-MODIFIED): raised and stamped by save() when a publish changes what the calendar shows.
    sequence = models.PositiveIntegerField(_("revision number"), default=0, editable=False)
    last_modified = models.DateTimeField(_("last modified"), default=timezone.now, editable=False)

    #: The fields the iCalendar event shows (meetings.ical): a change to any of them is a new version of the event.
    CALENDAR_FIELDS = (
        "title",
        "starts_at",
        "ends_at",
        "time_zone",
        "is_in_person",
        "city",
        "venue",
        "is_online",
        "theme",
    )

    event_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("time_zone")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_in_person"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("venue")]),
                FieldPanel("address"),
                FieldPanel("is_online"),
                FieldPanel("online_link"),
            ],
            heading=_("Where"),
        ),
        FieldRowPanel([FieldPanel("languages"), FieldPanel("interpretation")], heading=_("Languages")),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("is_cancelled")], heading=_("Registration")),
        FieldPanel("theme"),
        FieldPanel("description"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [FieldPanel("participant_documents"), FieldPanel("minutes"), FieldPanel("decisions")],
            heading=_("For members only"),
        ),
    ]
    content_panels = BasePage.content_panels + [FieldPanel("introduction")] + event_panels
    search_fields = BasePage.search_fields + [
        index.SearchField("theme"),
        index.SearchField("description"),
        index.SearchField("agenda"),
        index.SearchField("city"),
        index.FilterField("starts_at"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("time_zone"),
        APIField("is_in_person"),
        APIField("city"),
        APIField("venue"),
        APIField("address"),
        APIField("is_online"),
        APIField("languages"),
        APIField("interpretation"),
        APIField("theme"),
        APIField("description"),
        APIField("agenda"),
        APIField("calendar_url"),
        APIField("is_cancelled"),
    ]
    override_translatable_fields = [
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("time_zone"),
        SynchronizedField("is_in_person"),
        SynchronizedField("is_online"),
        SynchronizedField("online_link"),
        SynchronizedField("languages"),
        SynchronizedField("interpretation"),
        SynchronizedField("participant_documents"),
        SynchronizedField("capacity"),
        SynchronizedField("is_cancelled"),
        TranslatableField("city"),
        TranslatableField("venue"),
        TranslatableField("address"),
        TranslatableField("theme"),
        TranslatableField("description"),
        TranslatableField("agenda"),
        TranslatableField("minutes"),
        TranslatableField("decisions"),
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Raise ``sequence`` and stamp ``last_modified`` when what a calendar shows changed.

        The stored row decides, not the copy being saved: publishing an older revision saves a
        copy whose ``sequence`` is older than the row's, and the sequence never falls. A save of
        a few other fields (a draft's ``save_revision``) leaves both alone.
        """
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not set(update_fields) & set(self.CALENDAR_FIELDS):
            return super().save(*args, **kwargs)
        stored = None
        if self.pk is not None:
            stored = (
                type(self).objects.filter(pk=self.pk).values(*self.CALENDAR_FIELDS, "sequence", "last_modified").first()
            )
        if stored is not None:
            if any(getattr(self, name) != stored[name] for name in self.CALENDAR_FIELDS):
                self.sequence = stored["sequence"] + 1
                self.last_modified = timezone.now()
            else:
                self.sequence, self.last_modified = stored["sequence"], stored["last_modified"]
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "sequence", "last_modified"}
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("An event ends after it starts.")
        if not self.is_in_person and not self.is_online:
            errors["is_online"] = _("An event is held in person, online, or both.")
        if self.is_in_person and not self.city:
            errors["city"] = _("Give the city of an event held in person.")
        if errors:
            raise ValidationError(errors)

    @property
    def when(self):
        """« mardi 12 janvier 2027, 13 h à 15 h (heure de l'Est) », in the active language."""
        return event_when(self.starts_at, self.ends_at, self.time_zone)

    @property
    def zone_label(self):
        return zone_label(self.time_zone)

    @property
    def local_start(self):
        """The start in the event's own zone (its day, for a calendar-style date)."""
        return timezone.localtime(self.starts_at, zoneinfo.ZoneInfo(self.time_zone))

    @property
    def place(self):
        """Where, as the public may read it: the city, « online », or both (never the link)."""
        if self.is_in_person and self.is_online:
            return _("%(city)s and online") % {"city": self.city}
        if self.is_in_person:
            return self.city
        return _("Online")

    def is_upcoming(self, now=None):
        return self.ends_at >= (now or timezone.now())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The whole-page cache only keeps anonymous answers (core.caching.pages), so a member's page is never shared.
        context["shows_members_content"] = is_approved_member(request.user)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A signed-in person's page shows their registration and, with a seat, the online link: kept by nobody.
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response

    @property
    def calendar_url(self):
        url = self.get_url()
        return url + self.reverse_subpage("calendar") if url else ""

    @path("calendar/", name="calendar")
    def calendar(self, request):
        return ical.calendar_response(request, self.title, self.slug, [self])


class MeetingPage(EventPage):
    """A meeting of a working group, under the group."""

    at_consultations = models.BooleanField(
        _("at the Consultations"),
        default=False,
        help_text=_("Held during the Consultations; closed to government and media."),
    )
    open_to_all_members = models.BooleanField(
        _("open to every member"),
        default=False,
        help_text=_("Every approved member may register, not only the group's members."),
    )

    content_panels = EventPage.content_panels + [FieldPanel("at_consultations"), FieldPanel("open_to_all_members")]
    api_fields = EventPage.api_fields + [APIField("at_consultations")]
    override_translatable_fields = EventPage.override_translatable_fields + [
        SynchronizedField("at_consultations"),
        SynchronizedField("open_to_all_members"),
    ]

    parent_page_types = ["workinggroups.WorkingGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["group"] = WorkingGroupPage.objects.filter(path=self.path[: -self.steplen]).only(*LINK_FIELDS).first()
        return context


class ConsultationPage(EventPage):
    """The Consultations: the coalition-wide gathering, with workshops prepared by the groups."""

    parent_page_types = ["meetings.MeetingIndexPage"]
    subpage_types = ["meetings.WorkshopPage"]

    class Meta:
        verbose_name = _("Consultations")
        verbose_name_plural = _("Consultations")

    def workshops(self):
        workshops = list(
            WorkshopPage.objects.child_of(self).live().exclude(unlisted_pages_q()).order_by("starts_at", "path")
        )
        return attach_preparing_groups(workshops)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["workshops"] = list(self.workshops())
        return context


class WorkshopPage(EventPage):
    """A workshop of the Consultations, prepared by one or more working groups."""

    content_panels = EventPage.content_panels + [
        InlinePanel("preparing_groups", label=_("Working group"), heading=_("Prepared by"), min_num=1),
    ]
    api_fields = EventPage.api_fields + [APIField("prepared_by")]

    parent_page_types = ["meetings.ConsultationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    @cached_property
    def preparing_group_pages(self):
        """The preparing groups' pages in this workshop's language (the chosen page where untranslated)."""
        if not hasattr(self, "prepared_by_groups"):
            attach_preparing_groups([self])
        return self.prepared_by_groups

    @property
    def prepared_by(self):
        """The preparing groups, for the API: id and title of each group's page in this language."""
        return [{"id": group.pk, "title": group.title} for group in self.preparing_group_pages]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["preparing_groups"] = self.preparing_group_pages
        return context


class WorkshopGroup(WorkingGroupLink):
    """A working group that prepares a workshop."""

    page = ParentalKey("meetings.WorkshopPage", on_delete=models.CASCADE, related_name="preparing_groups")

    class Meta(WorkingGroupLink.Meta):
        verbose_name = _("preparing group")
        verbose_name_plural = _("preparing groups")


def listed_meetings(locale, group=None, *, unlisted_q=None):
    """Live, publicly listed group meetings in ``locale`` (of ``group`` only when given), oldest first.

    The one query behind every listing and feed of meetings (group page, the meetings listing,
    the iCalendar feeds, the home page); ``upcoming_meetings`` and ``past_meetings`` narrow it.
    ``unlisted_q``: ``home.visibility.unlisted_pages_q()`` when the caller has it already (it costs a query).
    """
    # Unpublishing a group leaves its meetings live (Wagtail unpublishes one page): leave them out too.
    parent = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    in_unpublished_group = Exists(Page.objects.filter(path=parent, live=False))
    meetings = MeetingPage.objects.live().filter(locale=locale).exclude(unlisted_q or unlisted_pages_q())
    meetings = meetings.exclude(in_unpublished_group).order_by("starts_at", "path")
    return meetings.child_of(group) if group is not None else meetings


def upcoming_meetings(locale, group=None, *, now=None, limit=UPCOMING_LIMIT, unlisted_q=None):
    """The meetings that have not ended yet, soonest first."""
    meetings = listed_meetings(locale, group, unlisted_q=unlisted_q).filter(ends_at__gte=now or timezone.now())
    return meetings[:limit] if limit else meetings


def past_meetings(locale, group=None, *, now=None, limit=PAST_LIMIT, unlisted_q=None):
    """The meetings that have ended, most recent first."""
    meetings = (
        listed_meetings(locale, group, unlisted_q=unlisted_q)
        .filter(ends_at__lt=now or timezone.now())
        .order_by("-starts_at", "path")
    )
    return meetings[:limit] if limit else meetings


def upcoming_meetings_by_group(groups, *, now=None, per_group=3):
    """The next ``per_group`` meetings of each group page of ``groups``, as {group pk: [meetings]}, in one query."""
    groups = [group for group in groups if group.path]
    if not groups:
        return {}
    under_groups = Q()
    for group in groups:
        under_groups |= Q(path__startswith=group.path, depth=group.depth + 1)
    found = {group.pk: [] for group in groups}
    by_path = {group.path: group.pk for group in groups}
    meetings = (
        MeetingPage.objects.live()
        .filter(under_groups, ends_at__gte=now or timezone.now())
        .exclude(unlisted_pages_q())
        .order_by("starts_at", "path")
    )
    for meeting in meetings:
        listed = found[by_path[meeting.path[: -Page.steplen]]]
        if len(listed) < per_group:
            listed.append(meeting)
    return found


def attach_preparing_groups(workshops):
    """Give each workshop ``prepared_by_groups``: its groups' pages in its language, in two queries.

    wagtail-localize copies a link to a page into a translation as it is (it points at the
    French group), so each group is looked up here by its translation key in the workshop's locale.
    """
    links = list(
        WorkshopGroup.objects.filter(page__in=[workshop.pk for workshop in workshops if workshop.pk])
        .select_related("group")
        .order_by("sort_order", "pk")
    )
    translated = {
        (group.translation_key, group.locale_id): group
        for group in WorkingGroupPage.objects.live()
        .filter(translation_key__in={link.group.translation_key for link in links})
        .only(*LINK_FIELDS, "translation_key")
    }
    by_workshop = {}
    for link in links:
        by_workshop.setdefault(link.page_id, []).append(link.group)
    for workshop in workshops:
        workshop.prepared_by_groups = [
            translated.get((group.translation_key, workshop.locale_id), group)
            for group in by_workshop.get(workshop.pk, [])
        ]
    return workshops


def attach_groups(meetings):
    """Give each meeting its group page (``meeting.group``) in one query, for listings across groups."""
    meetings = list(meetings)
    parent_paths = {meeting.path[: -Page.steplen] for meeting in meetings}
    groups = {}
    if parent_paths:
        groups = {
            group.path: group for group in WorkingGroupPage.objects.filter(path__in=parent_paths).only(*LINK_FIELDS)
        }
    for meeting in meetings:
        meeting.group = groups.get(meeting.path[: -Page.steplen])
    return meetings


class MeetingIndexPage(PublicListingsMixin, BasePage):
    """« Rencontres »: the groups' meetings, filterable by group and by in person / online; the Consultations."""

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["meetings.ConsultationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("meetings listing")

    @cached_property
    def consultations(self):
        return list(
            ConsultationPage.objects.child_of(self)
            .live()
            .exclude(self.unlisted_q)
            .filter(ends_at__gte=timezone.now())
            .order_by("starts_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        meeting_filter = MeetingFilter(
            request.GET or None, queryset=MeetingPage.objects.none(), locale=self.locale, unlisted_q=self.unlisted_q
        )
        upcoming = upcoming_meetings(self.locale, limit=None, unlisted_q=self.unlisted_q)
        past = past_meetings(self.locale, limit=None, unlisted_q=self.unlisted_q)
        upcoming = meeting_filter.apply(upcoming)[:UPCOMING_LIMIT]
        past = meeting_filter.apply(past)[:PAST_LIMIT]
        context.update(
            meeting_filter=meeting_filter,
            upcoming=attach_groups(upcoming),
            past=attach_groups(past),
            consultations=self.consultations,
        )
        return context

    # Answer a filter the form refuses with its message and a 400 (cached only when 200).
    @method_decorator(public_page_cache)
    def serve(self, request, *args, **kwargs):
        redirect = self.redirect_alias_to_original(request)
        if redirect is not None:
            return redirect
        request.is_preview = False
        context = self.get_context(request, *args, **kwargs)
        status = 400 if context["meeting_filter"].errors else 200
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=status)
