"""The filters of the meetings listing: by group, and by in person / online (query parameters)."""

import django_filters

from django import forms
from django.utils.translation import gettext_lazy as _

from workinggroups.models import LINK_FIELDS, WorkingGroupPage


class Attendance:
    IN_PERSON = "in-person"
    ONLINE = "online"
    CHOICES = [(IN_PERSON, _("In person")), (ONLINE, _("Online"))]


class MeetingFilter(django_filters.FilterSet):
    """Filters a queryset of meeting pages; a value the form refuses is a form error (the page answers 400)."""

    group = django_filters.ModelChoiceFilter(
        label=_("Working group"),
        queryset=WorkingGroupPage.objects.none(),
        method="filter_group",
        empty_label=_("All groups"),
        widget=forms.Select,
    )
    attendance = django_filters.ChoiceFilter(
        label=_("How"),
        choices=Attendance.CHOICES,
        method="filter_attendance",
        empty_label=_("In person or online"),
    )

    def __init__(self, data=None, *, locale, unlisted_q, **kwargs):
        super().__init__(data, **kwargs)
        groups = WorkingGroupPage.objects.live().filter(locale=locale).exclude(unlisted_q)
        self.filters["group"].queryset = groups.only(*LINK_FIELDS).order_by("path")

    def filter_group(self, queryset, name, value):
        return queryset.child_of(value)

    def filter_attendance(self, queryset, name, value):
        if value == Attendance.IN_PERSON:
            return queryset.filter(is_in_person=True)
        return queryset.filter(is_online=True)

    def apply(self, queryset):
        """``queryset`` narrowed by the valid values given (unfiltered when none were)."""
        if not self.is_bound:
            return queryset
        # Validating first leaves only the valid values in cleaned_data.
        self.form.is_valid()
        return self.filter_queryset(queryset)
