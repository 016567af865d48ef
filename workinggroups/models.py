from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from home.models import BasePage


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


class WorkingGroupIndexPage(BasePage):
    """« Les groupes de travail »: what working groups are, and the list of groups."""

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["workinggroups.WorkingGroupPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("working group index")


class WorkingGroupPage(BasePage):
    """One working group. A group and its translations are one group."""

    summary = models.TextField(_("summary"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("summary")]
    search_fields = BasePage.search_fields + [index.SearchField("summary")]
    api_fields = BasePage.api_fields + [APIField("summary")]

    parent_page_types = ["workinggroups.WorkingGroupIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
