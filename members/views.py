"""The members area: dashboard, joining and leaving groups, rosters, approval by organisation administrators.

Every view here is personal: never cached. Actions that change something are POST
only; a bad id, a request already decided or a visitor without the right gets a
4xx page with a message in their language, and nothing changes.
"""

import csv

from allauth.account import views as allauth_views
from allauth.account.decorators import reauthentication_required
from allauth.core import ratelimit

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView, UpdateView

from core.caching import locales
from workinggroups.models import WorkingGroupPage

from . import services
from .access import (
    can_manage_group,
    can_review_profile,
    canonical_group,
    decision_emails_pending,
    get_profile,
    has_verified_email,
    is_approved_member,
    is_members_staff,
    managed_groups_filter,
    reviewable_profiles,
)
from .adapters import EMAIL_NOT_SENT_SESSION_KEY
from .forms import DeleteAccountForm, ProfileForm, RejectForm
from .models import GroupMembership, GroupSettings, MemberProfile


def error_response(request, status, message, *, title=None):
    """A page in the site's look that says what went wrong, with a 4xx status."""
    return TemplateResponse(
        request,
        "members/error.html",
        {"error_title": title or _("This action is not possible"), "error_message": message},
        status=status,
    )


def localized_groups(groups):
    """Map each group (default-locale page) to its page in the active language, in one query."""
    groups = list(groups)
    active = locales.active_locale()
    translations = {
        page.translation_key: page
        for page in WorkingGroupPage.objects.live()
        .filter(translation_key__in=[group.translation_key for group in groups], locale=active)
        .defer_streamfields()
    }
    return {group.pk: translations.get(group.translation_key, group) for group in groups}


def default_locale_groups():
    return (
        WorkingGroupPage.objects.live().filter(locale=locales.default_locale()).defer_streamfields().order_by("title")
    )


@method_decorator(never_cache, name="dispatch")
class MemberAreaMixin(LoginRequiredMixin):
    """Signed in, and (unless ``require_approved`` is False) an approved member.

    Signed-in people who are not approved get a page that says why and what to do,
    with a 403: never a redirect back to the sign-in page they came from.
    """

    require_approved = True
    # GET on a POST-only action gets a page that says so, not an empty 405.
    post_only = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if self.require_approved and not is_approved_member(request.user):
            return not_approved_response(request)
        return super().dispatch(request, *args, **kwargs)

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = error_response(request, 405, _("This address only accepts a form sent from the site's buttons."))
        response["Allow"] = ", ".join(method.upper() for method in self._allowed_methods())
        return response


def not_approved_context(user):
    profile = get_profile(user)
    if not has_verified_email(user):
        reason = "unverified"
    elif profile is None:
        reason = "no_profile"
    elif profile.status == MemberProfile.Status.PENDING:
        reason = "pending"
    elif profile.status == MemberProfile.Status.REJECTED:
        reason = "rejected"
    elif profile.organisation_id and not profile.organisation.is_active:
        reason = "lapsed"
    else:
        reason = "no_profile"
    return {"profile": profile, "reason": reason}


def not_approved_response(request):
    return TemplateResponse(request, "members/not_approved.html", not_approved_context(request.user), status=403)


class DashboardView(MemberAreaMixin, TemplateView):
    template_name = "members/dashboard.html"
    require_approved = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        approved = is_approved_member(user)
        context.update({"approved": approved, "profile": get_profile(user), "members_staff": is_members_staff(user)})
        if not approved:
            context.update(not_approved_context(user))
        context["people_to_review"] = list(reviewable_profiles(user))
        context["decision_emails_pending"] = list(decision_emails_pending(user))
        context["pending_requests"] = []
        if approved or is_members_staff(user):
            context["pending_requests"] = list(
                GroupMembership.objects.filter(status=GroupMembership.Status.PENDING)
                .filter(managed_groups_filter(user))
                .exclude(user=user)
                .select_related("user", "group", "user__member_profile__organisation")
                .distinct()
                .order_by("requested_at")
            )
            request_groups = localized_groups({row.group for row in context["pending_requests"]})
            for row in context["pending_requests"]:
                row.group_page = request_groups[row.group_id]
        if not approved:
            return context

        memberships = list(
            GroupMembership.objects.filter(
                user=user, status__in=[GroupMembership.Status.ACTIVE, GroupMembership.Status.PENDING]
            ).select_related("group")
        )
        taken = {membership.group_id for membership in memberships}
        joinable = [group for group in default_locale_groups() if group.pk not in taken]
        localized = localized_groups([membership.group for membership in memberships] + joinable)
        # Each active group's upcoming meetings, in one query for all of them.
        prefetch_related_objects(
            list({localized[m.group_id].pk: localized[m.group_id] for m in memberships if m.is_active}.values()),
            "meetings",
        )
        policies = dict(GroupSettings.objects.filter(group__in=joinable).values_list("group_id", "join_policy"))

        my_groups = []
        for membership in memberships:
            page = localized[membership.group_id]
            my_groups.append(
                {
                    "membership": membership,
                    "page": page,
                    "meetings": page.upcoming_meetings()[:3] if membership.is_active else [],
                    "ical_url": page.get_ical_url() if membership.is_active else "",
                    "manages": membership.is_manager,
                }
            )
        context["my_groups"] = my_groups
        # The newest resources of the groups I am in (resources app's inclusion tag).
        context["my_group_pages"] = [item["page"] for item in my_groups if item["membership"].is_active]
        context["joinable_groups"] = [
            {
                "group": group,
                "page": localized[group.pk],
                "on_request": policies.get(group.pk) == GroupSettings.JoinPolicy.ON_REQUEST,
            }
            for group in joinable
        ]
        return context


class ProfileView(MemberAreaMixin, UpdateView):
    template_name = "members/profile.html"
    form_class = ProfileForm
    require_approved = False
    success_url = reverse_lazy("members:dashboard")

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        messages.success(self.request, _("Your profile has been saved."))
        return super().form_valid(form)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


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
        next_url = self.request.POST.get("next", "")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return redirect(next_url)
        return redirect("members:dashboard")


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
            status__in=[GroupMembership.Status.ACTIVE, GroupMembership.Status.PENDING],
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
        memberships = list(
            self.memberships().filter(status__in=[GroupMembership.Status.ACTIVE, GroupMembership.Status.PENDING])
        )
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
        services.approve(self.profile, request.user)
        messages.success(request, _("%(name)s has been approved.") % {"name": self.profile.user})
        warn_if_decision_email_pending(request, self.profile)
        return redirect("members:dashboard")


class RejectView(ReviewMixin, FormView):
    template_name = "members/reject.html"
    form_class = RejectForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(profile=self.profile, **kwargs)

    def form_valid(self, form):
        services.reject(self.profile, self.request.user, form.cleaned_data["reason"])
        messages.success(self.request, _("%(name)s has been rejected.") % {"name": self.profile.user})
        warn_if_decision_email_pending(self.request, self.profile)
        return redirect("members:dashboard")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


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
        if services.notify_decision(profile):
            messages.success(request, _("The email has been sent to %(name)s.") % {"name": profile.user})
        else:
            messages.warning(
                request, _("The email could not be sent: our mail service is still not answering. Try again later.")
            )
        return redirect("members:dashboard")


@method_decorator(reauthentication_required, name="post")
class DeleteAccountView(MemberAreaMixin, FormView):
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

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class SignupView(allauth_views.SignupView):
    """allauth's sign-up, answering 400 (not 200) when the form comes back with errors,
    e.g. an organisation id that is not in the list."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class LoginView(allauth_views.LoginView):
    """allauth's sign-in; too many failed attempts answer 429 (the form and its message stay)."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "too_many_login_attempts"):
            response.status_code = 429
        return response


class EmailView(allauth_views.EmailView):
    """allauth's email page; asking again for a verification email too soon answers 429.

    allauth itself skips the email silently (the link already sent stays valid); the
    person is told instead of wondering where the email went.
    """

    def post(self, request, *args, **kwargs):
        if "action_send" in request.POST and request.POST.get("email"):
            email = request.POST["email"].lower()
            if not ratelimit.consume(request, action="confirm_email", key=email, dry_run=True):
                return ratelimit.respond_429(request)
        return super().post(request, *args, **kwargs)


class EmailVerificationSentView(allauth_views.EmailVerificationSentView):
    """allauth's "check your inbox" page; when the mail server refused the email, what to do instead."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["email_not_sent"] = self.request.session.pop(EMAIL_NOT_SENT_SESSION_KEY, None)
        return context
