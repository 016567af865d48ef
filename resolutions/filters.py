"""The public database's query: adopted resolutions of a language, and its filters (query parameters)."""

import django_filters

from django import forms
from django.utils.translation import gettext_lazy as _

from workinggroups.models import LINK_FIELDS, Topic, WorkingGroupPage

from .choices import Outcome
from .visibility import PUBLIC_OUTCOMES


class ResolutionFilter(django_filters.FilterSet):
    """A value the form refuses is a form error (the listing answers 400 with its message)."""

    year = django_filters.NumberFilter(label=_("Year"), field_name="record__year", min_value=1900, max_value=2999)
    group = django_filters.ModelChoiceFilter(
        label=_("Working group"),
        queryset=WorkingGroupPage.objects.none(),
        method="filter_group",
        empty_label=_("All groups"),
        widget=forms.Select,
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=Topic.objects.none(), method="filter_topic", empty_label=_("All topics")
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Outcome"),
        field_name="record__outcome",
        choices=[(value, label) for value, label in Outcome.choices if value in PUBLIC_OUTCOMES],
        empty_label=_("Any outcome"),
    )

    def __init__(self, data=None, *, locale, unlisted_q, **kwargs):
        super().__init__(data, **kwargs)
        groups = WorkingGroupPage.objects.live().filter(locale=locale).exclude(unlisted_q)
        self.filters["group"].queryset = groups.only(*LINK_FIELDS, "translation_key").order_by("path")
        self.filters["topic"].queryset = Topic.objects.filter(locale=locale).only("pk", "name", "translation_key")

    def filter_group(self, queryset, name, value):
        # A translation's link may still point at the French group (wagtail-localize copies page links
        # as they are): the group is matched across its languages.
        pages = queryset.model.objects.filter(drafting_groups__group__translation_key=value.translation_key)
        return queryset.filter(pk__in=pages.values("pk"))

    def filter_topic(self, queryset, name, value):
        pages = queryset.model.objects.filter(topic_links__topic__translation_key=value.translation_key)
        return queryset.filter(pk__in=pages.values("pk"))

    def apply(self, queryset):
        """``queryset`` narrowed by the valid values given (unfiltered when none were)."""
        if not self.is_bound:
            return queryset
        self.form.is_valid()
        return self.filter_queryset(queryset)
