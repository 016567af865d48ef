"""Registration for meetings and the Consultations: who may register, seats and wait-list, cancelling,
workshops at the Consultations, reminders, attendance. The one owner of these rules.

Seats are counted under a lock on the event's page row (``select_for_update``), so two members
taking the last seat at once get one seat and one wait-list place, never two seats. Emails go on
commit, in each person's language (``meetings.emails``).
"""

import datetime

from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from core.caching import locales
from members.access import can_manage_group, canonical_group, is_approved_member, is_members_staff
from members.models import GroupMembership
from workinggroups.models import WorkingGroupPage

from . import emails
from .models import ConsultationPage, MeetingPage, Registration, WorkshopChoice, WorkshopPage

#: How long before the start a registered member is reminded.
REMINDER_BEFORE = datetime.timedelta(days=2)


class RegistrationRefused(Exception):
    """What a person asked cannot be done: ``status`` (a 4xx) and ``message`` (in the active language)."""

    def __init__(self, status, message):
        super().__init__(str(message))
        self.status = status
        self.message = message


def canonical_event(page):
    """The event's page in the default language (a MeetingPage or ConsultationPage): one event, one list of seats."""
    default = locales.default_locale()
    if page.locale_id == default.pk:
        return page
    return type(page).objects.filter(translation_key=page.translation_key, locale=default).first() or page


def event_group(event):
    """The working group (default-language page) a meeting belongs to; None for the Consultations."""
    if not isinstance(event, MeetingPage):
        return None
    return WorkingGroupPage.objects.filter(path=event.path[: -event.steplen]).first()


def find_event(pk):
    """The live meeting or Consultations with this page id (any language), in the default language, or None."""
    page = Page.objects.live().filter(pk=pk).specific().first()
    if not isinstance(page, MeetingPage | ConsultationPage):
        return None
    return canonical_event(page)


def is_in_group(user, group):
    return GroupMembership.objects.filter(
        user=user, group=canonical_group(group), status=GroupMembership.Status.ACTIVE
    ).exists()


def refusal(user, event, *, now=None):
    """Why ``user`` may not register for ``event`` (a RegistrationRefused), or None when they may."""
    if not is_approved_member(user):
        return RegistrationRefused(403, _("Only approved members register for meetings."))
    if event.is_cancelled:
        return RegistrationRefused(409, _("This meeting is cancelled."))
    if event.starts_at <= (now or timezone.now()):
        return RegistrationRefused(409, _("This meeting has already taken place."))
    if isinstance(event, MeetingPage) and not event.open_to_all_members:
        group = event_group(event)
        if group is None or not is_in_group(user, group):
            return RegistrationRefused(403, _("Only the members of this working group register for its meetings."))
    return None


def may_register(user, event):
    return refusal(user, event) is None


def confirmed_count(event):
    return Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).count()


def has_free_seat(event):
    return event.capacity is None or confirmed_count(event) < event.capacity


def register(user, event, *, needs_interpretation=False, in_person=None, accessibility_needs="", dietary_needs=""):
    """Register ``user`` for ``event`` (default-language page): a seat, or the wait-list when none is left.

    Raises RegistrationRefused (and changes nothing) when they may not, or are registered already.
    """
    problem = refusal(user, event)
    if problem is not None:
        raise problem
    if in_person is None or not (event.is_in_person and event.is_online):
        in_person = event.is_in_person
    with transaction.atomic():
        # The lock every change to this event's seats takes: the count below cannot be stale.
        Page.objects.select_for_update().filter(pk=event.pk).first()
        existing = Registration.objects.filter(event=event, user=user).first()
        if existing is not None and existing.status != Registration.Status.CANCELLED:
            raise RegistrationRefused(409, _("You are already registered for this meeting."))
        registration = existing or Registration(event=event, user=user)
        registration.status = Registration.Status.CONFIRMED if has_free_seat(event) else Registration.Status.WAITLISTED
        registration.needs_interpretation = bool(needs_interpretation and event.interpretation)
        registration.in_person = bool(in_person)
        registration.accessibility_needs = accessibility_needs.strip()
        registration.dietary_needs = dietary_needs.strip() if in_person else ""
        registration.registered_at = timezone.now()
        registration.cancelled_at = None
        registration.reminded_at = None
        registration.attended = None
        registration.save()
        template = "registered" if registration.is_confirmed else "waitlisted"
        transaction.on_commit(lambda: emails.send_registration_email(registration, template))
    return registration


def cancel(registration):
    """Cancel ``registration``; a seat it frees goes to the first on the wait-list, who is told by email."""
    with transaction.atomic():
        Page.objects.select_for_update().filter(pk=registration.event_id).first()
        locked = Registration.objects.filter(pk=registration.pk).first()
        if locked is None or locked.status == Registration.Status.CANCELLED:
            raise RegistrationRefused(409, _("This registration is already cancelled."))
        event = locked.event.specific
        if event.starts_at <= timezone.now():
            raise RegistrationRefused(409, _("This meeting has already taken place."))
        locked.status = Registration.Status.CANCELLED
        locked.cancelled_at = timezone.now()
        locked.save(update_fields=["status", "cancelled_at"])
        WorkshopChoice.objects.filter(registration=locked).delete()
        moved_up = fill_free_seats(event)
    registration.status, registration.cancelled_at = locked.status, locked.cancelled_at
    return moved_up


def fill_free_seats(event):
    """Give free seats to the wait-list, first come first served; call under the event's lock."""
    waiting = Registration.objects.filter(event=event, status=Registration.Status.WAITLISTED).order_by(
        "registered_at", "pk"
    )
    if event.capacity is not None:
        free = max(event.capacity - confirmed_count(event), 0)
        waiting = waiting[:free]
    moved_up = list(waiting)
    for person in moved_up:
        person.status = Registration.Status.CONFIRMED
        person.save(update_fields=["status"])
        transaction.on_commit(lambda person=person: emails.send_registration_email(person, "moved_up"))
    return moved_up


def own_registration(user, event):
    """``user``'s current registration for ``event`` (default-language page), or None."""
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(Registration.current(), event=event, user=user).first()


def upcoming_registrations(user, *, now=None):
    """``user``'s current registrations for events not ended yet, soonest first, each with ``event_page``:
    the event's page in the active language (the default one where untranslated).

    One query, whatever the kinds of event: the events' pages (meetings and the Consultations, through
    their page rows) carry the person's registration. The rows carry what the dashboard lists
    (id, event, status), not the person's needs.
    """
    now = now or timezone.now()
    active, default = locales.active_locale(), locales.default_locale()
    mine = Registration.objects.filter(Registration.current(), user=user)
    # An event's registrations are on its default-language page: one per event (translation key) and person.
    own = mine.filter(event__translation_key=OuterRef("translation_key"))
    pages = (
        Page.objects.live()
        .filter(
            Q(meetingpage__ends_at__gte=now) | Q(consultationpage__ends_at__gte=now),
            translation_key__in=mine.values("event__translation_key"),
            locale__in={active.pk, default.pk},
        )
        .annotate(
            registration_pk=Subquery(own.values("pk")[:1]),
            registration_event=Subquery(own.values("event")[:1]),
            registration_status=Subquery(own.values("status")[:1]),
        )
        .select_related("meetingpage", "consultationpage")
    )
    chosen = {}
    for page in pages:
        if page.translation_key not in chosen or page.locale_id == active.pk:
            chosen[page.translation_key] = page
    rows = []
    for page in chosen.values():
        row = Registration(
            pk=page.registration_pk, event_id=page.registration_event, user=user, status=page.registration_status
        )
        row.event_page = getattr(page, "meetingpage", None) or page.consultationpage
        rows.append(row)
    return sorted(rows, key=lambda row: (row.event_page.starts_at, row.pk))


def choose_workshops(registration, workshops):
    """Set the workshops a confirmed registration for the Consultations attends, within each one's seats.

    ``workshops``: default-language WorkshopPages of that Consultations. A full workshop refuses
    the whole choice (nothing changes).
    """
    if not registration.is_confirmed:
        raise RegistrationRefused(409, _("Only members with a seat choose their workshops."))
    chosen = sorted({workshop.pk for workshop in workshops})
    with transaction.atomic():
        # Lock the chosen workshops' rows, in one order: two members choosing at once wait for each other.
        list(Page.objects.select_for_update().filter(pk__in=chosen).order_by("pk").values_list("pk", flat=True))
        current = set(WorkshopChoice.objects.filter(registration=registration).values_list("workshop_id", flat=True))
        taken = dict(
            WorkshopChoice.objects.filter(workshop__in=chosen, registration__status=Registration.Status.CONFIRMED)
            .values("workshop")
            .annotate(n=Count("pk"))
            .values_list("workshop", "n")
        )
        for workshop in workshops:
            if workshop.pk in current or workshop.capacity is None:
                continue
            if taken.get(workshop.pk, 0) >= workshop.capacity:
                raise RegistrationRefused(
                    409, _("The workshop « %(title)s » is full.") % {"title": workshop.localized.title}
                )
        WorkshopChoice.objects.filter(registration=registration).exclude(workshop__in=chosen).delete()
        WorkshopChoice.objects.bulk_create(
            [WorkshopChoice(registration=registration, workshop_id=pk) for pk in chosen if pk not in current]
        )


def consultation_workshops(consultation):
    """The live workshops of a Consultations (default-language pages), with ``taken`` seats, by start."""
    return list(
        WorkshopPage.objects.child_of(consultation)
        .live()
        .annotate(
            taken=Count(
                "workshop_choices",
                filter=Q(workshop_choices__registration__status=Registration.Status.CONFIRMED),
            )
        )
        .order_by("starts_at", "path")
    )


def may_manage_event(user, event):
    """Co-chairs and staff of a meeting's group (``members.access.can_manage_group``); members-area staff for all."""
    if not user.is_authenticated:
        return False
    if is_members_staff(user):
        return True
    group = event_group(event)
    return group is not None and can_manage_group(user, group)


def managed_events_q(user):
    """A Q over MeetingPage: the meetings whose registrations ``user`` sees (default language)."""
    if is_members_staff(user):
        return Q()
    managed = GroupMembership.objects.filter(GroupMembership.managing(), user=user).select_related("group")
    if not is_approved_member(user):
        return Q(pk__in=[])
    paths = Q(pk__in=[])
    for membership in managed:
        paths |= Q(path__startswith=membership.group.path, depth=membership.group.depth + 1)
    return paths


def registrations_for(event):
    """Every registration of ``event`` with its person and organisation, seats first, then the wait-list."""
    return (
        Registration.objects.filter(event=event)
        .select_related("user", "user__member_profile__organisation")
        .order_by("status", "registered_at", "pk")
    )


def counts(event):
    """Seats taken, wait-list, interpretation, in person and organisations present, in one query."""
    confirmed = Q(status=Registration.Status.CONFIRMED)
    return Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=confirmed),
        waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        interpretation=Count("pk", filter=confirmed & Q(needs_interpretation=True)),
        in_person=Count("pk", filter=confirmed & Q(in_person=True)),
        present=Count("pk", filter=Q(attended=True)),
        organisations_present=Count("user__member_profile__organisation", filter=Q(attended=True), distinct=True),
    )


def record_attendance(event, present_ids):
    """After the meeting: the confirmed registrations in ``present_ids`` attended, the others did not."""
    if event.starts_at > timezone.now():
        raise RegistrationRefused(409, _("Attendance is recorded once the meeting has started."))
    seats = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    with transaction.atomic():
        seats.filter(pk__in=present_ids).update(attended=True)
        seats.exclude(pk__in=present_ids).update(attended=False)


def organisations_present(event):
    """How many member organisations had someone at the meeting (attendance recorded), or None before."""
    result = counts(event)
    return result["organisations_present"] if result["present"] else None


def due_reminders(now=None):
    """Seats at events that start within REMINDER_BEFORE and whose reminder has not been sent."""
    now = now or timezone.now()
    window = {"gt": now, "lte": now + REMINDER_BEFORE}
    starts = Q()
    for relation in ("meetingpage", "consultationpage"):
        lookups = {f"event__{relation}__starts_at__{op}": value for op, value in window.items()}
        starts |= Q(**lookups, **{f"event__{relation}__is_cancelled": False})
    return Registration.objects.filter(starts, status=Registration.Status.CONFIRMED, reminded_at__isnull=True)


def send_reminders(now=None):
    """Send each due reminder once: claimed by setting ``reminded_at`` first, given back when the mail server refuses.

    Two workers (or a task run twice) claim a registration once: the update only matches while
    ``reminded_at`` is empty. Returns how many were sent.
    """
    now = now or timezone.now()
    sent = 0
    for registration in due_reminders(now).select_related("user"):
        claimed = Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(reminded_at=now)
        if not claimed:
            continue
        if emails.send_registration_email(registration, "reminder"):
            sent += 1
        else:
            Registration.objects.filter(pk=registration.pk).update(reminded_at=None)
    return sent
