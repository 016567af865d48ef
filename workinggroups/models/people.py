"""When a group meets. Who leads it is in its membership records (``members.GroupMembership``)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


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
    # What calendar apps read to replace their copy of an event (iCalendar SEQUENCE and
    # LAST-MODIFIED): raised and stamped by save() when what the calendar shows changes.
    sequence = models.PositiveIntegerField(_("revision number"), default=0, editable=False)
    last_modified = models.DateTimeField(_("last modified"), default=timezone.now, editable=False)

    #: The fields a calendar shows: a change to any of them is a new version of the event.
    CALENDAR_FIELDS = ("starts_at", "ends_at", "city", "is_virtual", "at_consultations", "notes")

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

    def save(self, *args, **kwargs):
        """Raise ``sequence`` and stamp ``last_modified`` when what a calendar shows changed.

        The stored row decides, not the copy being saved: publishing a page saves its meetings
        from a revision, whose ``sequence`` may be older than the row's.
        """
        stored = None
        if self.pk is not None:
            stored = (
                type(self).objects.filter(pk=self.pk).values(*self.CALENDAR_FIELDS, "sequence", "last_modified").first()
            )
        if stored is None:
            self.last_modified = timezone.now()
        elif any(getattr(self, name) != stored[name] for name in self.CALENDAR_FIELDS):
            self.sequence = stored["sequence"] + 1
            self.last_modified = timezone.now()
        else:
            self.sequence, self.last_modified = stored["sequence"], stored["last_modified"]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "sequence", "last_modified"}
        super().save(*args, **kwargs)

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
