"""Who registered for an event, with their needs; their workshops at the Consultations; workshops proposed by groups.

Private data: never in search, the API, a feed or a public page. The rules that change these rows
live in ``meetings.registration``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    """A member's registration for a meeting or the Consultations.

    ``event`` is the event's page in the default language: an event and its translation are one
    event, with one list of seats (like a group and its translation, ``members.access.canonical_group``).
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITLISTED = "waitlisted", _("On the wait-list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="meeting_registrations",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CONFIRMED)
    needs_interpretation = models.BooleanField(_("needs interpretation (French ↔ English)"), default=False)
    in_person = models.BooleanField(_("attends in person"), default=False)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    dietary_needs = models.TextField(_("dietary needs"), blank=True)
    # The wait-list's order: when the person (last) asked for a seat.
    registered_at = models.DateTimeField(_("registered at"))
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # Set once, by the reminder task, when the reminder was handed to the mail server.
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="meetings_one_registration_per_event"),
        ]
        indexes = [models.Index(fields=["event", "status", "registered_at"], name="meetings_reg_event_status")]

    def __str__(self):
        return f"{self.user} · {self.event_id} ({self.get_status_display()})"

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def is_waitlisted(self):
        return self.status == self.Status.WAITLISTED

    @classmethod
    def current(cls):
        """Registered or wait-listed: not cancelled."""
        return Q(status__in=(cls.Status.CONFIRMED, cls.Status.WAITLISTED))


class WorkshopChoice(models.Model):
    """A workshop of the Consultations a registered member will attend (``workshop``: its default-language page)."""

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="workshop_choices"
    )
    workshop = models.ForeignKey(
        "meetings.WorkshopPage",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="workshop_choices",
    )

    class Meta:
        verbose_name = _("workshop choice")
        verbose_name_plural = _("workshop choices")
        constraints = [
            models.UniqueConstraint(fields=["registration", "workshop"], name="meetings_one_choice_per_workshop"),
        ]

    def __str__(self):
        return f"{self.registration_id} → {self.workshop_id}"


class WorkshopProposal(models.Model):
    """A workshop a group's co-chairs propose for the Consultations; staff accept or decline it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    consultation = models.ForeignKey(
        "meetings.ConsultationPage",
        verbose_name=_("Consultations"),
        on_delete=models.CASCADE,
        related_name="workshop_proposals",
    )
    group = models.ForeignKey(
        "workinggroups.WorkingGroupPage", verbose_name=_("working group"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("workshop proposal")
        verbose_name_plural = _("workshop proposals")
        ordering = ["-proposed_at"]

    def __str__(self):
        return self.title
