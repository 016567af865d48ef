"""Topics, and the inline links that tag pages with them."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index


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


class TopicTaggedMixin:
    """A page tagged with topics through its ``topic_links`` inline."""

    #: The topics' names make the page findable by them.
    topic_search_field = index.RelatedFields("topic_links", [index.RelatedFields("topic", [index.SearchField("name")])])

    @cached_property
    def topic_link_list(self):
        """The topic links with their topics, in one query (in memory on a preview)."""
        return list(self.topic_links.select_related("topic"))

    @property
    def topics(self):
        return [link.topic for link in self.topic_link_list]
