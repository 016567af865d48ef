"""The library's filters, shared by the public listing and the Wagtail admin.

Every choice list is built in one query when the form is made, and every filter is
a closed list (or bounded text), so unknown ids, text where numbers go, huge
numbers and markup end as a form error in the visitor's language, never in SQL.
"""

import django_filters

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

from core.caching import locales
from search.text import clean_query
from workinggroups.models import Topic, WorkingGroupPage

from .models import Resource, ResourceTopic, ResourceWorkingGroup
from .search import filter_by_text


def working_group_choices(locale):
    """(id of the default-language page, title in ``locale``) for every live group."""
    default = locales.default_locale()
    groups = list(
        WorkingGroupPage.objects.live()
        .filter(locale__in=[default, locale])
        .only("id", "title", "translation_key", "locale_id")
        .order_by("title")
    )
    originals = {group.translation_key: group for group in groups if group.locale_id == default.pk}
    titles = {group.translation_key: group.title for group in groups if group.locale_id == locale.pk}
    choices = [(str(group.pk), titles.get(key, group.title)) for key, group in originals.items()]
    return sorted(choices, key=lambda choice: choice[1].casefold())


def topic_choices(locale):
    """(topic id, name) in ``locale``, and each topic's translation key for filtering every language."""
    topics = list(Topic.objects.filter(locale=locale).only("id", "name", "translation_key").order_by("name"))
    return [(str(topic.pk), topic.name) for topic in topics], {str(topic.pk): topic.translation_key for topic in topics}


def year_choices():
    years = Resource.objects.filter(live=True).dates("date", "year", order="DESC")
    return [(str(day.year), str(day.year)) for day in years]


class ResourceFilterBase(django_filters.FilterSet):
    """Filters common to the public listing and the admin listing."""

    q = django_filters.CharFilter(
        label=_("Text"),
        method="filter_text",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    working_group = django_filters.ChoiceFilter(
        label=_("Working group"), method="filter_working_group", empty_label=_("All groups")
    )
    topic = django_filters.ChoiceFilter(label=_("Topic"), method="filter_topic", empty_label=_("All topics"))
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="kind", choices=Resource.Kind.choices, empty_label=_("All kinds")
    )
    file_language = django_filters.ChoiceFilter(
        label=_("Language of the file"),
        method="filter_file_language",
        choices=settings.LANGUAGES,
        empty_label=_("All languages"),
    )
    year = django_filters.ChoiceFilter(label=_("Year"), method="filter_year", empty_label=_("All years"))
    audience = django_filters.ChoiceFilter(
        label=_("Audience"), field_name="audience", choices=Resource.Audience.choices, empty_label=_("Everyone")
    )

    class Meta:
        model = Resource
        fields = []

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        locale = locale or locales.active_locale()
        self.filters["working_group"].extra["choices"] = working_group_choices(locale)
        choices, self._topic_keys = topic_choices(locale)
        self.filters["topic"].extra["choices"] = choices
        self.filters["year"].extra["choices"] = year_choices()

    def filter_text(self, queryset, name, value):
        # The site search's words and backend: accents never matter, in either language.
        query, _shortened = clean_query(value)
        if not query:
            return queryset
        return filter_by_text(queryset, query)

    def filter_working_group(self, queryset, name, value):
        return queryset.filter(pk__in=ResourceWorkingGroup.objects.filter(group_id=value).values("resource_id"))

    def filter_topic(self, queryset, name, value):
        # A French resource shown in the English listing has French topics: match the
        # topic in any language through its translation key.
        key = self._topic_keys.get(value)
        return queryset.filter(pk__in=ResourceTopic.objects.filter(topic__translation_key=key).values("resource_id"))

    def filter_file_language(self, queryset, name, value):
        # The file "exists in" a language when any live version of the resource has a file in it.
        keys = Resource.objects.filter(live=True, file_language=value, document__isnull=False).values("translation_key")
        return queryset.filter(translation_key__in=keys)

    def filter_year(self, queryset, name, value):
        return queryset.filter(date__year=int(value))


class SortFilter(django_filters.OrderingFilter):
    """django-filter's ordering where each public value stands for a whole order, tie-breakers included.

    Without a value the first order applies; a value the form refuses is a form error (400), and the
    listing then keeps the model's own order, which is the same "newest first".
    """

    def __init__(self, *args, orders, **kwargs):
        self.orders = orders
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        values = [param for param in value or () if param in self.orders] or [next(iter(self.orders))]
        return qs.order_by(*(field for param in values for field in self.orders[param]))


class ResourceFilter(ResourceFilterBase):
    """The public library's filters and sort order, all in the query string."""

    sort = SortFilter(
        label=_("Sort by"),
        orders={
            "newest": ["-date", "title"],
            "title": ["title"],
            "downloads": ["-download_count", "-date"],
        },
        choices=[("newest", _("Newest")), ("title", _("Title")), ("downloads", _("Most downloaded"))],
        empty_label=None,
    )


class ResourceAdminFilter(WagtailFilterSet, ResourceFilterBase):
    """The same filters in the Wagtail admin (in the staff member's language), plus the publication state."""

    live = django_filters.BooleanFilter(label=_("Published"), field_name="live")

    class Meta:
        model = Resource
        fields = []
