"""The members area: dashboard, joining and leaving groups, rosters, approval by organisation administrators.

Every view here is personal: never cached. Actions that change something are POST
only; a bad id, a request already decided or a visitor without the right gets a
4xx page with a message in their language, and nothing changes.
"""

import csv
from operator import attrgetter

from allauth.account.decorators import reauthentication_required

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import BooleanField, Case, Q, Value, When
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView, UpdateView

from core.caching import locales
from core.redirects import local_next_url
from meetings.models import upcoming_meetings_by_group
from workinggroups.models import WorkingGroupPage

from .. import services
from ..access import (
    can_manage_group,
    can_review_profile,
    canonical_group,
    decision_emails_pending_q,
    has_verified_email,
    is_approved_member,
    is_members_staff,
    managed_groups_filter,
    reviewable_profiles_q,
)
from ..forms import DeleteAccountForm, ProfileForm, RejectForm
from ..models import GroupMembership, GroupSettings, MemberProfile
from .common import InvalidFormAnswers400Mixin, error_response


@method_decorator(never_cache, name="dispatch")
class MemberAreaMixin(LoginRequiredMixin):
    """Signed in, and (unless ``require_approved`` is False) an approved member.

    Signed-in people who are not approved get a page that says why and what to do,
    with a 403: never a redirect back to the sign-in page they came from.
    """

    require_approved = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if self.require_approved and not is_approved_member(request.user):
            return not_approved_response(request)
        return super().dispatch(request, *args, **kwargs)

    def http_method_not_allowed(self, request, *args, **kwargs):
        # GET on a POST-only action gets a page that says so, not an empty 405.
        response = error_response(request, 405, _("This address only accepts a form sent from the site's buttons."))
        allowed = [method.upper() for method in self.http_method_names if hasattr(self, method)]
        response["Allow"] = ", ".join(allowed)
        return response


def not_approved_context(user, profile):
    """Why ``user`` (with ``profile``, or None) is not an approved member, for the page that says what to do."""
    if not has_verified_email(user):
        reason = "unverified"
    elif profile is None:
        reason = "no_profile"
    elif profile.is_pending:
        reason = "pending"
    elif profile.status == MemberProfile.Status.REJECTED:
        reason = "rejected"
    elif profile.organisation_lapsed:
        reason = "lapsed"
    else:
        reason = "no_profile"
    return {"profile": profile, "reason": reason}


def why_not_approved(user):
    """``not_approved_context`` for ``user``, reading their profile: for any page that turns them away."""
    profile = MemberProfile.objects.select_related("organisation").filter(user=user).first()
    return not_approved_context(user, profile)


def not_approved_response(request):
    return TemplateResponse(request, "members/not_approved.html", why_not_approved(request.user), status=403)


class DashboardView(MemberAreaMixin, TemplateView):
    """A fixed number of queries whatever the data: each list below is read in one query
    for all its rows (tests/members/test_dashboard_queries.py)."""

    template_name = "members/dashboard.html"
    require_approved = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        approved = is_approved_member(user)
        staff = is_members_staff(user)
        profile, to_review, emails_pending = self.profiles(user)
        context.update(
            {
                "approved": approved,
                "profile": profile,
                "members_staff": staff,
                "people_to_review": to_review,
                "decision_emails_pending": emails_pending,
                "pending_requests": [],
            }
        )
        if not approved:
            context.update(not_approved_context(user, profile))
            if not staff:
                return context
        memberships, requests = self.memberships(user, approved)
        joinable, localized = self.groups({row.group_id for row in memberships}, approved or bool(requests))
        for row in requests:
            row.group_page = localized(row.group)
        context["pending_requests"] = requests
        if not approved:
            return context

        my_groups = [{"membership": row, "page": localized(row.group)} for row in memberships]
        # The upcoming meetings of all my active groups, in one query.
        meetings = upcoming_meetings_by_group([item["page"] for item in my_groups if item["membership"].is_active])
        for item in my_groups:
            active = item["membership"].is_active
            item["meetings"] = meetings.get(item["page"].pk, []) if active else []
            item["ical_url"] = item["page"].get_ical_url() if active else ""
            item["manages"] = item["membership"].is_manager
        context["my_groups"] = my_groups
        context["manages_a_group"] = any(item["manages"] for item in my_groups)
        # The newest resources of the groups I am in (the resources app's inclusion tag).
        context["my_group_pages"] = [item["page"] for item in my_groups if item["membership"].is_active]
        # Its cache key: an approved member may download every file, so the list depends
        # only on the groups and the language, not on who reads it.
        context["my_group_keys"] = " ".join(sorted(str(page.translation_key) for page in context["my_group_pages"]))
        context["joinable_groups"] = [
            {
                "group": group,
                "page": localized(group),
                "on_request": GroupSettings.policy_of(group) == GroupSettings.JoinPolicy.ON_REQUEST,
            }
            for group in joinable
        ]
        return context

    @staticmethod
    def profiles(user):
        """The user's own profile, the pending profiles they may review and the decisions whose
        email is still to be sent, in one query."""
        to_review = reviewable_profiles_q(user)
        emails_pending = decision_emails_pending_q(user)
        rows = list(
            MemberProfile.objects.filter(Q(user=user) | to_review | emails_pending)
            .annotate(
                to_review=Case(When(to_review, then=Value(True)), default=Value(False), output_field=BooleanField()),
                email_pending=Case(
                    When(emails_pending, then=Value(True)), default=Value(False), output_field=BooleanField()
                ),
            )
            .select_related("user", "organisation")
            .order_by("created_at")
        )
        own = next((row for row in rows if row.user_id == user.pk), None)
        return (
            own,
            [row for row in rows if row.to_review],
            sorted((row for row in rows if row.email_pending), key=lambda row: row.reviewed_at or row.created_at),
        )

    @staticmethod
    def memberships(user, approved):
        """My current memberships (approved members only) and the requests waiting on me, in one query."""
        requests = Q(status=GroupMembership.Status.PENDING) & managed_groups_filter(user) & ~Q(user=user)
        mine = Q(user=user, status__in=GroupMembership.CURRENT_STATUSES)
        rows = list(
            GroupMembership.objects.filter(requests | mine if approved else requests)
            .select_related("user", "group", "user__member_profile__organisation")
            .order_by("group__title", "requested_at")
        )
        return (
            [row for row in rows if row.user_id == user.pk],
            sorted((row for row in rows if row.user_id != user.pk), key=attrgetter("requested_at")),
        )

    @staticmethod
    def groups(taken, needed):
        """The live groups I may join (default-language pages, by title) and a function giving
        a group's page in the active language (or the group itself), from one query."""
        if not needed:
            return [], lambda group: group
        default, active = locales.default_locale(), locales.active_locale()
        pages = list(
            WorkingGroupPage.objects.live()
            .filter(locale__in={default.pk, active.pk})
            .select_related("member_settings")
            .defer_streamfields()
            .order_by("title")
        )
        translations = {page.translation_key: page for page in pages if page.locale_id == active.pk}
        joinable = [page for page in pages if page.locale_id == default.pk and page.pk not in taken]
        return joinable, lambda group: translations.get(group.translation_key, group)


class ProfileView(InvalidFormAnswers400Mixin, MemberAreaMixin, UpdateView):
    template_name = "members/profile.html"
    form_class = ProfileForm
    require_approved = False
    success_url = reverse_lazy("members:dashboard")

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        messages.success(self.request, _("Your profile has been saved."))
        return super().form_valid(form)


class GroupActionMixin(MemberAreaMixin):
    """Resolves ``group_id`` (a working group page in any language) or answers 404 with a message."""

    def get_group(self):
        group = WorkingGroupPage.objects.live().filter(pk=self.kwargs["group_id"]).first()
        return canonical_group(group) if group else None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and (not self.require_approved or is_approved_member(request.user)):
            self.group = self.get_group()
            if self.group is None:
                return error_response(request, 404, _("This working group does not exist."))
        return super().dispatch(request, *args, **kwargs)

    def redirect_back(self):
        """Back to where the button was (the group page or the dashboard), when that is on this site."""
        return HttpResponseRedirect(local_next_url(self.request, default=reverse("members:dashboard")))


class JoinGroupView(GroupActionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        membership = services.join(request.user, self.group)
        title = self.group.localized.title
        if membership.is_active:
            messages.success(request, _("You are a member of %(group)s.") % {"group": title})
        else:
            messages.success(
                request, _("Your request to join %(group)s has been sent to its co-chairs.") % {"group": title}
            )
        return self.redirect_back()


class LeaveGroupView(GroupActionMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        membership = GroupMembership.objects.filter(
            user=request.user,
            group=self.group,
            status__in=GroupMembership.CURRENT_STATUSES,
        ).first()
        if membership is None:
            return error_response(request, 409, _("You are not a member of this working group."))
        was_pending = membership.is_pending
        services.leave(membership)
        title = self.group.localized.title
        if was_pending:
            messages.success(request, _("Your request to join %(group)s has been withdrawn.") % {"group": title})
        else:
            messages.success(request, _("You have left %(group)s.") % {"group": title})
        return self.redirect_back()


class RosterView(GroupActionMixin, TemplateView):
    """The group's roster and pending requests, for its co-chairs and staff only. Never public, never in an API."""

    template_name = "members/roster.html"
    # Staff are not members themselves: the right is checked by can_manage_group.
    require_approved = False

    def get(self, request, *args, **kwargs):
        if not can_manage_group(request.user, self.group):
            return error_response(request, 403, _("Only the co-chairs and staff of this group see its roster."))
        return super().get(request, *args, **kwargs)

    def memberships(self):
        return (
            GroupMembership.objects.filter(group=self.group)
            .select_related("user", "user__member_profile__organisation")
            .order_by("user__last_name", "user__first_name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        memberships = list(self.memberships().filter(status__in=GroupMembership.CURRENT_STATUSES))
        context.update(
            {
                "group": self.group,
                "page": self.group.localized,
                "active": [m for m in memberships if m.is_active],
                "pending": [m for m in memberships if m.is_pending],
            }
        )
        return context


class RosterCSVView(RosterView):
    def get_context_data(self, **kwargs):
        return {}

    def get(self, request, *args, **kwargs):
        if not can_manage_group(request.user, self.group):
            return error_response(request, 403, _("Only the co-chairs and staff of this group see its roster."))
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"roster-{self.group.slug}-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")  # lets spreadsheet software read the accents right
        writer = csv.writer(response)
        writer.writerow([_("Name"), _("Email"), _("Organisation"), _("Role"), _("Member since")])
        for membership in self.memberships().filter(status=GroupMembership.Status.ACTIVE):
            profile = getattr(membership.user, "member_profile", None)
            writer.writerow(
                [
                    membership.user.get_full_name(),
                    membership.user.email,
                    profile.organisation_name if profile else "",
                    membership.get_role_display(),
                    timezone.localtime(membership.joined_at).date().isoformat() if membership.joined_at else "",
                ]
            )
        return response


class DecideRequestView(MemberAreaMixin, View):
    """A co-chair or staff accepts or declines a pending request."""

    http_method_names = ["post"]
    accept = True
    require_approved = False  # can_manage_group decides

    def post(self, request, *args, **kwargs):
        membership = GroupMembership.objects.select_related("group", "user").filter(pk=kwargs["pk"]).first()
        if membership is None:
            return error_response(request, 404, _("This request does not exist."))
        if not can_manage_group(request.user, membership.group):
            return error_response(request, 403, _("Only the co-chairs and staff of this group decide its requests."))
        if not services.decide(membership, request.user, accept=self.accept):
            return error_response(request, 409, _("This request has already been decided."))
        name = membership.user.get_full_name() or membership.user.email
        if self.accept:
            messages.success(request, _("%(name)s is now a member of the group.") % {"name": name})
        else:
            messages.success(request, _("The request of %(name)s has been declined.") % {"name": name})
        if request.POST.get("next") == "roster":
            return redirect("members:roster", group_id=membership.group_id)
        return redirect("members:dashboard")


class ReviewMixin(MemberAreaMixin):
    """Staff or an administrator of the person's organisation, on a pending profile."""

    require_approved = False

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.profile = MemberProfile.objects.select_related("user", "organisation").filter(pk=kwargs["pk"]).first()
            if self.profile is None:
                return error_response(request, 404, _("This person does not exist."))
            if not can_review_profile(request.user, self.profile):
                return error_response(
                    request, 403, _("Only staff and the administrators of their organisation review this person.")
                )
            if not self.profile.is_pending:
                return error_response(request, 409, _("This person has already been reviewed."))
        return super().dispatch(request, *args, **kwargs)


def warn_if_decision_email_pending(request, profile):
    profile.refresh_from_db(fields=["decision_email_pending"])
    if profile.decision_email_pending:
        messages.warning(
            request,
            _(
                "The decision is saved, but the email telling %(name)s could not be sent: our mail service is "
                "not answering. Send it again from your dashboard in a few minutes."
            )
            % {"name": profile.user},
        )


class ApproveView(ReviewMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if not services.approve(self.profile, request.user):
            return error_response(request, 409, _("This person has already been reviewed."))
        messages.success(request, _("%(name)s has been approved.") % {"name": self.profile.user})
        warn_if_decision_email_pending(request, self.profile)
        return redirect("members:dashboard")


class RejectView(InvalidFormAnswers400Mixin, ReviewMixin, FormView):
    template_name = "members/reject.html"
    form_class = RejectForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(profile=self.profile, **kwargs)

    def form_valid(self, form):
        if not services.reject(self.profile, self.request.user, form.cleaned_data["reason"]):
            return error_response(self.request, 409, _("This person has already been reviewed."))
        messages.success(self.request, _("%(name)s has been rejected.") % {"name": self.profile.user})
        warn_if_decision_email_pending(self.request, self.profile)
        return redirect("members:dashboard")


class ResendDecisionEmailView(MemberAreaMixin, View):
    """Send again the approval or rejection email that the mail server refused."""

    http_method_names = ["post"]
    require_approved = False  # can_review_profile decides

    def post(self, request, *args, **kwargs):
        profile = MemberProfile.objects.select_related("user", "organisation").filter(pk=kwargs["pk"]).first()
        if profile is None:
            return error_response(request, 404, _("This person does not exist."))
        if not can_review_profile(request.user, profile):
            return error_response(
                request, 403, _("Only staff and the administrators of their organisation review this person.")
            )
        if profile.is_pending or not profile.decision_email_pending:
            return error_response(request, 409, _("There is no email waiting to be sent to this person."))
        sent = services.resend_decision_email(profile)
        if sent is None:
            return error_response(request, 409, _("There is no email waiting to be sent to this person."))
        if sent:
            messages.success(request, _("The email has been sent to %(name)s.") % {"name": profile.user})
        else:
            messages.warning(
                request, _("The email could not be sent: our mail service is still not answering. Try again later.")
            )
        return redirect("members:dashboard")


@method_decorator(reauthentication_required, name="post")
class DeleteAccountView(InvalidFormAnswers400Mixin, MemberAreaMixin, FormView):
    """The person's data goes (user, profile, memberships, emails, authenticators); organisations stay."""

    template_name = "members/delete_account.html"
    form_class = DeleteAccountForm
    require_approved = False

    def form_valid(self, form):
        user = self.request.user
        if user.is_superuser:
            return error_response(self.request, 403, _("A superuser account cannot be deleted from here."))
        logout(self.request)
        user.delete()
        messages.success(self.request, _("Your account has been deleted."))
        return redirect("/")
