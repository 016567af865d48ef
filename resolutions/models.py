"""Resolutions: the record of each resolution's life, its pages in both languages, and amendments.

A resolution is one ``Resolution`` row (its number, stage, general meeting, outcome and
votes: the same in every language) and one ``ResolutionPage`` per language (its words:
title, clauses, follow-up, translated with wagtail-localize). Whether a resolution is public
is decided in one place, ``resolutions.visibility``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage, RoutableBasePageMixin
from members.access import can_manage_group, canonical_group, is_approved_member
from workinggroups.models import (
    LINK_FIELDS,
    PublicListingsMixin,
    TopicLink,
    WorkingGroupLink,
    WorkingGroupPage,
    attach_topic_links,
)
from workinggroups.models.topics import TopicTaggedMixin

from .blocks import ClausesBlock, FollowUpBlock
from .choices import Outcome, Stage
from .filters import ResolutionFilter
from .visibility import is_public, public_pages_q

#: Tries to take the year's next number when another adoption took it first.
NUMBER_ATTEMPTS = 5

#: What a card of the listing reads from the page.
CARD_FIELDS = (*LINK_FIELDS, "introduction", "translation_key")

#: How many resolutions the database lists at most (the filters narrow it).
LISTING_LIMIT = 100


class GeneralMeeting(models.Model):
    """A general meeting of the coalition, where resolutions are put to the vote."""

    date = models.DateField(_("date"), unique=True)
    city = models.CharField(_("city"), max_length=100, blank=True)

    panels = [FieldPanel("date"), FieldPanel("city")]

    class Meta:
        verbose_name = _("general meeting")
        verbose_name_plural = _("general meetings")
        ordering = ["-date"]

    def __str__(self):
        return _("General meeting of %(date)s") % {"date": date_format(self.date)}


def format_number(year, sequence):
    """« 2026-07 »: the year, then the resolution's rank among that year's adoptions."""
    return f"{year}-{sequence:02d}"


class Resolution(models.Model):
    """What a resolution is across its languages: number, stage, meeting, outcome and votes.

    ``number``, ``year`` and ``sequence`` are given by ``services.record_outcome`` at adoption,
    never typed: the unique constraints let two simultaneous adoptions settle the race.
    """

    number = models.CharField(_("number"), max_length=12, unique=True, null=True, blank=True, editable=False)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, editable=False)
    sequence = models.PositiveSmallIntegerField(_("sequence"), null=True, blank=True, editable=False)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.DRAFTING)
    comment_deadline = models.DateTimeField(
        _("end of the comment period"),
        null=True,
        blank=True,
        help_text=_("Approved members may propose amendments until then."),
    )
    general_meeting = models.ForeignKey(
        GeneralMeeting,
        verbose_name=_("general meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resolutions",
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    decided_on = models.DateField(_("date of the decision"), null=True, blank=True)
    votes_for = models.PositiveIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("votes against"), null=True, blank=True)
    abstentions = models.PositiveIntegerField(_("abstentions"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    panels = [
        FieldPanel("stage"),
        FieldPanel("comment_deadline"),
        FieldPanel("general_meeting"),
        FieldPanel("outcome"),
        FieldPanel("decided_on"),
        FieldPanel("votes_for"),
        FieldPanel("votes_against"),
        FieldPanel("abstentions"),
    ]

    class Meta:
        verbose_name = _("resolution record")
        verbose_name_plural = _("resolution records")
        constraints = [models.UniqueConstraint(fields=["year", "sequence"], name="resolution_year_sequence")]

    def __str__(self):
        return self.number or _("Resolution (no number yet)")

    def save(self, *args, **kwargs):
        if self.number is not None or not is_public(self) or self.decided_on is None:
            return super().save(*args, **kwargs)
        # Adopted: the year's next number. The unique constraints refuse a number another
        # adoption took meanwhile; then the next one is tried.
        for attempt in range(NUMBER_ATTEMPTS):
            taken = Resolution.objects.filter(year=self.decided_on.year).aggregate(last=Max("sequence"))["last"] or 0
            self.year, self.sequence = self.decided_on.year, taken + 1
            self.number = format_number(self.year, self.sequence)
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                self.number = self.year = self.sequence = None
                if attempt == NUMBER_ATTEMPTS - 1:
                    raise
        return None

    def clean(self):
        super().clean()
        if self.outcome and self.decided_on is None:
            raise ValidationError({"decided_on": _("Give the date of the decision.")})

    def drafting_groups(self):
        """The groups (each its page in the default locale, as memberships are kept) that drafted it."""
        links = ResolutionGroup.objects.filter(page__record=self).select_related("group")
        return list({canonical_group(link.group).pk: canonical_group(link.group) for link in links}.values())

    def may_be_decided_by(self, user):
        """Co-chairs and staff of a drafting group, and members-area staff, decide on amendments."""
        return any(can_manage_group(user, group) for group in self.drafting_groups())

    def comment_period_open(self, now=None):
        return (
            self.stage == Stage.COMMENT
            and self.comment_deadline is not None
            and (now or timezone.now()) < self.comment_deadline
        )


class ResolutionIndexPage(PublicListingsMixin, RoutableBasePageMixin, RoutablePageMixin, BasePage):
    """« Résolutions »: the public database of adopted resolutions, filtered by query parameters."""

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resolutions.ResolutionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resolutions database")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resolution_filter = ResolutionFilter(
            request.GET or None, queryset=ResolutionPage.objects.none(), locale=self.locale, unlisted_q=self.unlisted_q
        )
        resolutions = resolution_filter.apply(adopted_resolutions(self.locale, unlisted_q=self.unlisted_q))
        resolutions = list(resolutions[:LISTING_LIMIT])
        attach_drafting_groups(resolutions)
        attach_topic_links(resolutions, ResolutionTopic)
        context.update(resolution_filter=resolution_filter, resolutions=resolutions)
        return context

    @path("", name="listing")
    def listing(self, request):
        # A filter the form refuses is answered with its message and a 400 (the cache keeps only 200s).
        context = self.get_context(request)
        status = 400 if context["resolution_filter"].errors else 200
        return TemplateResponse(request, self.get_template(request), context, status=status)

    @path("<int:year>-<int:sequence>/", name="by_number")
    def by_number(self, request, year, sequence):
        """The citable address of an adopted resolution: its number, in this listing's language."""
        page = (
            adopted_resolutions(self.locale, unlisted_q=self.unlisted_q)
            .filter(record__year=year, record__sequence=sequence)
            .first()
        )
        if page is None:
            raise Http404
        return redirect(page.get_url(request))


class ResolutionPage(TopicTaggedMixin, PublicListingsMixin, RoutableBasePageMixin, RoutablePageMixin, BasePage):
    """A resolution in one language: its title, clauses, drafting groups, topics and follow-up."""

    record = models.ForeignKey(
        Resolution, verbose_name=_("resolution"), on_delete=models.PROTECT, related_name="pages", editable=False
    )
    clauses = StreamField(
        ClausesBlock(),
        verbose_name=_("clauses"),
        help_text=_("The preamble (« Whereas ») then the operative clauses (« Be it resolved »), in order."),
    )
    follow_up = StreamField(
        FollowUpBlock(),
        verbose_name=_("follow-up"),
        blank=True,
        help_text=_("Once adopted: the actions it called for, with their status, and dated updates."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("drafting_groups", label=_("Working group"), heading=_("Drafted by"), min_num=1),
        InlinePanel("topic_links", label=_("Topic"), heading=_("Topics")),
        FieldPanel("clauses"),
        FieldPanel("follow_up"),
        HelpPanel(
            content=_(
                "The number, the comment period, the general meeting and the outcome are recorded "
                "under Snippets › Resolution records; the number is given at adoption."
            ),
            heading=_("Stage and outcome"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("clauses"),
        index.SearchField("follow_up"),
        TopicTaggedMixin.topic_search_field,
    ]
    # Public fields only: never the stage, the comment period or the amendments.
    api_fields = BasePage.api_fields + [
        APIField("number"),
        APIField("outcome"),
        APIField("decided_on"),
        APIField("votes"),
        APIField("drafted_by"),
        APIField("topic_links"),
        APIField("clauses"),
        APIField("follow_up"),
    ]
    override_translatable_fields = [SynchronizedField("record")]
    exclude_fields_in_copy = ["record"]

    parent_page_types = ["resolutions.ResolutionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")

    @path("fr-en/", name="side_by_side")
    def side_by_side(self, request):
        """The French and the English side by side, clause by clause (matched by block id)."""
        translations = self.get_translations(inclusive=True).live().exclude(self.unlisted_q)
        pages = {page.locale.language_code: page for page in translations.specific().select_related("locale")}
        french, english = pages.get("fr"), pages.get("en")
        rows = []
        if french is not None and english is not None:
            english_clauses = {block.id: block for block in english.clauses}
            rows = [(block, english_clauses.get(block.id)) for block in french.clauses]
        return self.render(
            request,
            template="resolutions/side_by_side.html",
            context_overrides={"french": french, "english": english, "rows": rows},
        )

    def save(self, *args, **kwargs):
        # A translation (or a copy) shares the record of its source; a new resolution gets its own.
        if self.record_id is None:
            sibling = (
                ResolutionPage.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).first()
                if self.translation_key
                else None
            )
            self.record = sibling.record if sibling else Resolution.objects.create()
        return super().save(*args, **kwargs)

    @classmethod
    def get_indexed_objects(cls):
        # Only public resolutions reach the search index: a member's search never lists a draft.
        return super().get_indexed_objects().filter(public_pages_q())

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if is_public(self.record) else []

    @property
    def number(self):
        return self.record.number

    @property
    def outcome(self):
        return self.record.outcome

    @property
    def outcome_label(self):
        return self.record.get_outcome_display()

    @property
    def decided_on(self):
        return self.record.decided_on

    @property
    def votes(self):
        record = self.record
        return {"for": record.votes_for, "against": record.votes_against, "abstentions": record.abstentions}

    @cached_property
    def drafting_group_pages(self):
        """The drafting groups' pages in this page's language (the chosen page where untranslated)."""
        if not hasattr(self, "drafted_by_groups"):
            attach_drafting_groups([self])
        return self.drafted_by_groups

    @property
    def drafted_by(self):
        return [{"id": group.pk, "title": group.title} for group in self.drafting_group_pages]

    @property
    def preamble(self):
        return [block for block in self.clauses if block.block_type == "whereas"]

    @property
    def operative_clauses(self):
        return [block for block in self.clauses if block.block_type == "resolved"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        record = self.record
        # The whole-page cache keeps only anonymous answers (core.caching.pages): a member's view is never shared.
        shows_amendments = not is_public(record) and is_approved_member(request.user)
        context.update(
            record=record,
            groups=self.drafting_group_pages,
            comment_open=record.comment_period_open(),
            shows_amendments=shows_amendments,
            side_by_side_url=self.get_url(request) + self.reverse_subpage("side_by_side"),
        )
        if shows_amendments:
            amendments = list(record.amendments.select_related("page__locale", "author").order_by("created_at"))
            clauses = {block.id: block for block in self.clauses}
            for amendment in amendments:
                amendment.clause_block = clauses.get(amendment.clause_id)
            context.update(
                amendments=amendments,
                can_decide=record.may_be_decided_by(request.user),
                amendment_kinds=Amendment.Kind.choices,
                versions=list(self.revisions.order_by("-created_at").values("pk", "created_at")[:20]),
            )
        return context

    def clause(self, block_id):
        return next((block for block in self.clauses if block.id == block_id), None)


class ResolutionGroup(WorkingGroupLink):
    """A working group that drafted a resolution."""

    page = ParentalKey("resolutions.ResolutionPage", on_delete=models.CASCADE, related_name="drafting_groups")

    class Meta(WorkingGroupLink.Meta):
        verbose_name = _("drafting group")
        verbose_name_plural = _("drafting groups")


class ResolutionTopic(TopicLink):
    page = ParentalKey("resolutions.ResolutionPage", on_delete=models.CASCADE, related_name="topic_links")

    class Meta(TopicLink.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale")]


def adopted_resolutions(locale, *, unlisted_q):
    """Live, listed pages of public resolutions in ``locale``, newest number first (one query)."""
    return (
        ResolutionPage.objects.live()
        .filter(public_pages_q(), locale=locale)
        .exclude(unlisted_q)
        .select_related("record")
        .only(*CARD_FIELDS, "record__number", "record__outcome", "record__decided_on", "record__year")
        .order_by("-record__year", "-record__sequence", "path")
    )


def attach_drafting_groups(pages):
    """Give each page ``drafted_by_groups``: its groups' pages in its language, in two queries."""
    links = list(
        ResolutionGroup.objects.filter(page__in=[page.pk for page in pages if page.pk])
        .select_related("group")
        .only("page_id", "sort_order", "group__translation_key", *(f"group__{name}" for name in LINK_FIELDS))
        .order_by("sort_order", "pk")
    )
    translated = {
        (group.translation_key, group.locale_id): group
        for group in WorkingGroupPage.objects.live()
        .filter(translation_key__in={link.group.translation_key for link in links})
        .only(*LINK_FIELDS, "translation_key")
    }
    by_page = {}
    for link in links:
        by_page.setdefault(link.page_id, []).append(link.group)
    for page in pages:
        page.drafted_by_groups = [
            translated.get((group.translation_key, page.locale_id), group) for group in by_page.get(page.pk, [])
        ]
    return pages


class Amendment(models.Model):
    """A member's proposed change to one clause, in the language they wrote it, with the co-chairs' answer."""

    class Kind(models.TextChoices):
        REPLACE = "replace", _("Replace the clause")
        ADD = "add", _("Add a clause after it")
        DELETE = "delete", _("Delete the clause")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the co-chairs")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    record = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="amendments")
    # The page in the language the member wrote in: its locale is the amendment's original language.
    page = models.ForeignKey(ResolutionPage, on_delete=models.CASCADE, related_name="amendments")
    clause_id = models.CharField(_("clause"), max_length=64)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("proposed text"), blank=True)
    reason = models.TextField(_("reason"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    reply = models.TextField(_("reply"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # The revision the acceptance made: the version members compare with the one before.
    revision = models.ForeignKey("wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL)
    fingerprint = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["created_at", "pk"]
        # The same proposal twice (a double click) is refused by the database, whoever races.
        constraints = [
            models.UniqueConstraint(
                fields=["author", "record", "clause_id", "kind", "fingerprint"], name="amendment_once"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.clause_id[:8]})"

    @property
    def language(self):
        return self.page.locale.language_code
