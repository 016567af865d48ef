"""Registering, cancelling and choosing workshops (members); registrations, attendance and workshop
proposals (co-chairs and staff). Personal: never cached. Changes are POST only; a bad id or a
refused action gets a 4xx page with a message in the visitor's language, and nothing changes.
"""

import csv

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from core.caching import locales
from core.redirects import local_next_url
from members.access import is_approved_member, is_members_staff
from members.models import GroupMembership
from members.views.area import MemberAreaMixin
from members.views.common import error_response
from workinggroups.models import WorkingGroupPage

from . import registration as rules
from .forms import AttendanceForm, RegistrationForm, WorkshopChoiceForm, WorkshopProposalForm
from .models import ConsultationPage, MeetingPage, WorkshopProposal
from .tokens import registration_from_token


def refused(request, problem):
    return error_response(request, problem.status, problem.message)


class EventMixin(MemberAreaMixin):
    """Resolves ``event_id`` (a live meeting or Consultations page, any language) or answers 404."""

    def post(self, request, *args, **kwargs):
        return self.with_event(request, self.post_event, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.with_event(request, self.get_event, **kwargs)

    def with_event(self, request, handler, **kwargs):
        self.event = rules.find_event(kwargs["event_id"])
        if self.event is None:
            return error_response(request, 404, _("This meeting does not exist."))
        return handler(request)

    def back_to_event(self):
        return HttpResponseRedirect(local_next_url(self.request, default=self.event.localized.url or "/"))


class RegisterView(EventMixin, View):
    http_method_names = ["post"]

    def post_event(self, request):
        problem = rules.refusal(request.user, self.event)
        if problem is not None:
            return refused(request, problem)
        form = RegistrationForm(request.POST, event=self.event)
        if not form.is_valid():
            errors = " ".join(str(error) for errors in form.errors.values() for error in errors)
            return error_response(request, 400, errors)
        try:
            registration = rules.register(request.user, self.event, **form.registration_values())
        except rules.RegistrationRefused as problem:
            return refused(request, problem)
        if registration.is_confirmed:
            messages.success(request, _("You are registered. A confirmation has been sent to you by email."))
        else:
            messages.success(request, _("The meeting is full: you are on the wait-list. We will write to you."))
        return self.back_to_event()


class CancelView(EventMixin, View):
    """Cancel one's own registration (the meeting page or the dashboard)."""

    http_method_names = ["post"]

    def post_event(self, request):
        registration = rules.own_registration(request.user, self.event)
        if registration is None:
            return error_response(request, 409, _("You are not registered for this meeting."))
        try:
            rules.cancel(registration)
        except rules.RegistrationRefused as problem:
            return refused(request, problem)
        messages.success(request, _("Your registration has been cancelled."))
        return self.back_to_event()


@method_decorator(never_cache, name="dispatch")
class CancelLinkView(View):
    """The signed link in the emails: a page that asks to confirm (GET), then cancels (POST). No sign-in needed."""

    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        self.registration = registration_from_token(kwargs["token"])
        if self.registration is None:
            return error_response(request, 404, _("This cancellation link is not valid."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        event = self.registration.event.specific.localized
        return TemplateResponse(request, "meetings/cancel.html", {"registration": self.registration, "event": event})

    def post(self, request, *args, **kwargs):
        event = self.registration.event.specific.localized
        try:
            rules.cancel(self.registration)
        except rules.RegistrationRefused as problem:
            return refused(request, problem)
        messages.success(request, _("Your registration has been cancelled."))
        return HttpResponseRedirect(event.url or "/")


class ChooseWorkshopsView(EventMixin, View):
    http_method_names = ["post"]

    def post_event(self, request):
        if not isinstance(self.event, ConsultationPage):
            return error_response(request, 404, _("Only the Consultations have workshops."))
        registration = rules.own_registration(request.user, self.event)
        if registration is None:
            return error_response(request, 409, _("You are not registered for this meeting."))
        form = WorkshopChoiceForm(request.POST, workshops=rules.consultation_workshops(self.event))
        if not form.is_valid():
            return error_response(request, 400, _("Choose among the workshops of these Consultations."))
        try:
            rules.choose_workshops(registration, form.chosen())
        except rules.RegistrationRefused as problem:
            return refused(request, problem)
        messages.success(request, _("Your workshops have been saved."))
        return self.back_to_event()


class ManagerMixin(EventMixin):
    """Co-chairs and staff of the meeting's group (``rules.may_manage_event``)."""

    require_approved = False  # staff are not members themselves: may_manage_event decides

    def with_event(self, request, handler, **kwargs):
        def checked(request):
            if not rules.may_manage_event(request.user, self.event):
                return error_response(
                    request, 403, _("Only the co-chairs and staff of this group see its registrations.")
                )
            return handler(request)

        return super().with_event(request, checked, **kwargs)


class RegistrationsView(ManagerMixin, View):
    """The registrations with their needs and the counts; attendance once the meeting has started."""

    http_method_names = ["get"]

    def get_event(self, request):
        registrations = list(rules.registrations_for(self.event))
        started = self.event.starts_at <= timezone.now()
        context = {
            "event": self.event.localized,
            "event_id": self.event.pk,
            "registrations": registrations,
            "counts": rules.counts(self.event),
            "started": started,
            "attendance_form": AttendanceForm(
                initial={"present": [str(row.pk) for row in registrations if row.attended]},
                registrations=registrations,
            )
            if started
            else None,
        }
        return TemplateResponse(request, "meetings/registrations.html", context)


class RegistrationsCSVView(ManagerMixin, View):
    http_method_names = ["get"]

    def get_event(self, request):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"registrations-{self.event.slug}-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")  # lets spreadsheet software read the accents right
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Name"),
                _("Email"),
                _("Organisation"),
                _("Status"),
                _("Interpretation"),
                _("In person"),
                _("Accessibility needs"),
                _("Dietary needs"),
                _("Attended"),
            ]
        )
        yes_no = {True: _("yes"), False: _("no"), None: ""}
        for row in rules.registrations_for(self.event):
            profile = getattr(row.user, "member_profile", None)
            writer.writerow(
                [
                    row.user.get_full_name(),
                    row.user.email,
                    profile.organisation_name if profile else "",
                    row.get_status_display(),
                    yes_no[row.needs_interpretation],
                    yes_no[row.in_person],
                    row.accessibility_needs,
                    row.dietary_needs,
                    yes_no[row.attended],
                ]
            )
        return response


class AttendanceView(ManagerMixin, View):
    http_method_names = ["post"]

    def post_event(self, request):
        registrations = list(rules.registrations_for(self.event))
        form = AttendanceForm(request.POST, registrations=registrations)
        if not form.is_valid():
            return error_response(request, 400, _("Tick the people who were present."))
        try:
            rules.record_attendance(self.event, form.present_ids())
        except rules.RegistrationRefused as problem:
            return refused(request, problem)
        messages.success(request, _("The attendance has been recorded."))
        return HttpResponseRedirect(reverse("meetings:registrations", args=[self.event.pk]))


class ManagedMeetingsView(MemberAreaMixin, TemplateView):
    """The meetings whose registrations the person sees: their groups' (co-chairs), every one (staff)."""

    template_name = "meetings/managed_meetings.html"
    require_approved = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        meetings = MeetingPage.objects.none()
        if is_members_staff(user) or is_approved_member(user):
            meetings = (
                MeetingPage.objects.live()
                .filter(rules.managed_events_q(user), locale=locales.default_locale())
                .order_by("-starts_at")[:100]
            )
        consultations = ConsultationPage.objects.none()
        if is_members_staff(user):
            consultations = ConsultationPage.objects.live().filter(locale=locales.default_locale())
        context.update(meetings=list(meetings), consultations=list(consultations))
        return context


class ProposeWorkshopView(EventMixin, View):
    """A co-chair proposes a workshop of one of their groups for the Consultations; staff decide in the admin."""

    http_method_names = ["get", "post"]

    require_approved = False  # staff propose too; groups() decides

    def groups(self):
        """The groups (default-language pages) the person may propose for: those they co-chair, all for staff."""
        user = self.request.user
        if is_members_staff(user):
            return WorkingGroupPage.objects.filter(locale=locales.default_locale()).order_by("title")
        if not is_approved_member(user):
            return WorkingGroupPage.objects.none()
        managed = GroupMembership.objects.filter(GroupMembership.managing(), user=user).values("group")
        return WorkingGroupPage.objects.filter(pk__in=managed).order_by("title")

    def checked(self, request):
        if not isinstance(self.event, ConsultationPage):
            return error_response(request, 404, _("Workshops are proposed for the Consultations only."))
        if not self.groups().exists():
            return error_response(request, 403, _("Only the co-chairs of a working group propose workshops."))
        return None

    def render(self, form, status=200):
        context = {"form": form, "event": self.event.localized, "event_id": self.event.pk}
        return TemplateResponse(self.request, "meetings/propose_workshop.html", context, status=status)

    def get_event(self, request):
        return self.checked(request) or self.render(WorkshopProposalForm(groups=self.groups()))

    def post_event(self, request):
        problem = self.checked(request)
        if problem is not None:
            return problem
        form = WorkshopProposalForm(request.POST, groups=self.groups())
        if not form.is_valid():
            return self.render(form, status=400)
        proposal = form.save(commit=False)
        proposal.consultation = self.event
        proposal.proposed_by = request.user
        proposal.status = WorkshopProposal.Status.PENDING
        proposal.save()
        messages.success(request, _("Your workshop proposal has been sent to staff."))
        return HttpResponseRedirect(reverse("members:dashboard"))
