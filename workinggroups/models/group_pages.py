"""A group's projects and achievements (its child pages)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.caching import locales
from home.blocks import BodyStreamBlock
from home.models import BasePage, IllustratedPageMixin

from ..choices import AchievementKind, ImpactArea, IssueApproach, ProjectStatus
from ..fields import ChoiceListField
from .listings import PublicListingsMixin, achievement_ordering, project_sort_key
from .topics import TopicTaggedMixin


class GroupChildPage(IllustratedPageMixin, TopicTaggedMixin, PublicListingsMixin, BasePage):
    """What projects and achievements share: a body, an image, topics, a group as parent."""

    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["workinggroups.WorkingGroupPage"]
    subpage_types = []

    class Meta:
        abstract = True

    @cached_property
    def group(self):
        """The group this page belongs to (a plain Page: its title and URL are all we show)."""
        return self.get_parent()

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
        *IllustratedPageMixin.illustration_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("start_date"),
        TopicTaggedMixin.topic_search_field,
    ]
    api_fields = BasePage.api_fields + [
        APIField("status"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("ways_addressed"),
        APIField("topic_links"),
        APIField("body"),
        *IllustratedPageMixin.api_fields,
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
        siblings = (
            ProjectPage.objects.sibling_of(self, inclusive=False)
            .live()
            .exclude(self.unlisted_q)
            .defer_streamfields()
            .order_by("path")
        )
        return sorted(siblings, key=project_sort_key)[:5]


class AchievementPage(GroupChildPage):
    """Something a group achieved: « Réalisations »."""

    date = models.DateField(_("date"), null=True, blank=True, help_text=_("When it was published or happened."))
    kind = models.CharField(_("kind"), max_length=20, choices=AchievementKind.choices, default=AchievementKind.OTHER)
    impact_areas = ChoiceListField(_("impact"), item_choices=ImpactArea.choices, blank=True)
    link_url = models.URLField(_("link"), blank=True, help_text=_("Where to read it, for example the open letter."))
    resource = models.ForeignKey(
        "resources.Resource",
        verbose_name=_("resource"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The achievement in the resource library (the letter, report or tool), when it is there."),
    )
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
        MultiFieldPanel(
            [FieldPanel("resource"), FieldPanel("link_url"), FieldPanel("document")],
            heading=_("Link or document"),
        ),
        InlinePanel("topic_links", label=_("Topic"), heading=_("Topics")),
        FieldPanel("body"),
        *IllustratedPageMixin.illustration_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
        TopicTaggedMixin.topic_search_field,
    ]
    api_fields = BasePage.api_fields + [
        APIField("date"),
        APIField("kind"),
        APIField("impact_areas"),
        APIField("link_url"),
        APIField("document"),
        APIField("topic_links"),
        APIField("body"),
        *IllustratedPageMixin.api_fields,
    ]
    # The resource is chosen once; each language shows the resource's own translation (listed_resource).
    override_translatable_fields = [
        SynchronizedField("link_url"),
        SynchronizedField("document"),
        SynchronizedField("resource"),
    ]

    class Meta:
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")

    def impact_area_labels(self):
        return self._meta.get_field("impact_areas").labels(self.impact_areas)

    @cached_property
    def listed_resource(self):
        """The linked resource in the reader's language (the chosen one where it is not translated),
        when it is published; None otherwise. Members-only ones too: the library lists them, locked.
        One query: every live version of the resource, then the right one picked here."""
        if self.resource_id is None:
            return None
        resources = self._meta.get_field("resource").related_model.objects
        versions = resources.filter(
            live=True, translation_key__in=resources.filter(pk=self.resource_id).values("translation_key")
        )
        active = locales.active_locale().pk
        return min(
            versions,
            key=lambda version: (version.locale_id != active, version.pk != self.resource_id),
            default=None,
        )

    def related_pages(self):
        return (
            AchievementPage.objects.sibling_of(self, inclusive=False)
            .live()
            .exclude(self.unlisted_q)
            .defer_streamfields()
            .order_by(*achievement_ordering())[:5]
        )
