"""Staff side in the Wagtail admin: people waiting for approval, organisations, group memberships, join policies."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import BaseViewRestriction

from . import services
from .access import canonical_group, is_approved_member
from .models import GroupMembership, GroupSettings, MemberOrganisation, MemberProfile
from .views.area import not_approved_response
from .views.common import error_response


class MemberProfileForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("status") == MemberProfile.Status.REJECTED
            and not cleaned_data.get("rejection_reason", "").strip()
        ):
            self.add_error("rejection_reason", _("Give the reason: it is sent to the person."))
        return cleaned_data


DECISIONS = (MemberProfile.Status.APPROVED, MemberProfile.Status.REJECTED)


class MemberProfileEditView(EditView):
    """Changing the status here is approving or rejecting: the Members group and the email follow."""

    @transaction.atomic
    def save_instance(self):
        submitted = self.object.status
        # Locked until the save commits: a second reviewer saving at once waits, then finds
        # the status already changed and sends no second email.
        previous = MemberProfile.objects.select_for_update().values_list("status", flat=True).get(pk=self.object.pk)
        decision = submitted != previous and submitted in DECISIONS
        if decision:
            self.object.status = previous  # recorded by the service, with its reviewer and email
        instance = super().save_instance()
        if decision:
            services.decide_profile(
                instance, self.request.user, submitted, instance.rejection_reason, only_from=(previous,)
            )
        return instance


class MemberProfileViewSet(ModelViewSet):
    model = MemberProfile
    icon = "user"
    menu_label = _("People")
    url_prefix = "members/people"
    edit_view_class = MemberProfileEditView
    add_view_enabled = False  # profiles come with sign-up
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        Column("user", label=_("Person"), accessor="user"),
        Column("email", label=_("Email"), accessor="user.email"),
        Column("organisation_name", label=_("Organisation")),
        Column("status", label=_("Approval status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Signed up")),
    ]
    list_filter = ["status", "organisation"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation_not_listed"]
    search_backend_name = None
    list_export = ["user", "user.email", "organisation_name", "status", "created_at", "reviewed_at"]
    export_filename = "people"
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldPanel("organisation_not_listed"),
            FieldPanel("status"),
            FieldPanel("rejection_reason"),
        ],
        base_form_class=MemberProfileForm,
    )

    def get_queryset(self, request):
        return MemberProfile.objects.select_related("user", "organisation")


class MemberOrganisationViewSet(ModelViewSet):
    model = MemberOrganisation
    icon = "group"
    menu_label = _("Organisations")
    url_prefix = "members/organisations"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["name", "province", "status", "member_since"]
    list_filter = ["status", "province"]
    search_fields = ["name"]
    search_backend_name = None
    list_export = ["name", "province", "website", "status", "member_since"]
    export_filename = "member-organisations"
    panels = [
        FieldPanel("name"),
        FieldPanel("province"),
        FieldPanel("website"),
        FieldPanel("status"),
        FieldPanel("member_since"),
        FieldPanel("administrators"),
    ]


class CanonicalGroupForm(WagtailAdminModelForm):
    """A form with a ``group`` field: a translation chosen here stands for its group,
    so the default-locale page is stored."""

    def clean_group(self):
        group = self.cleaned_data.get("group")
        return canonical_group(group) if group else group


class GroupMembershipForm(CanonicalGroupForm):
    def clean(self):
        cleaned_data = super().clean()
        user, group = cleaned_data.get("user"), cleaned_data.get("group")
        if user and group:
            duplicates = GroupMembership.objects.filter(user=user, group=group).exclude(pk=self.instance.pk)
            if duplicates.exists():
                raise ValidationError(_("This person already has a membership in this group: edit it instead."))
        if cleaned_data.get("status") == GroupMembership.Status.ACTIVE and not cleaned_data.get("joined_at"):
            cleaned_data["joined_at"] = timezone.now()
        return cleaned_data


class GroupMembershipViewSet(ModelViewSet):
    """Staff assign co-chairs and other roles here; members join from the site."""

    model = GroupMembership
    icon = "group"
    menu_label = _("Group memberships")
    url_prefix = "members/memberships"
    copy_view_enabled = False
    list_display = [
        Column("user", label=_("Person"), accessor="user"),
        Column("group", label=_("Working group"), accessor="group.title"),
        Column("role", label=_("Role"), accessor="get_role_display"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("joined_at", label=_("Member since")),
    ]
    list_filter = ["group", "role", "status"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    search_backend_name = None
    list_export = ["user", "user.email", "group.title", "role", "status", "joined_at"]
    export_filename = "group-memberships"
    edit_handler = ObjectList(
        [FieldPanel("user"), FieldPanel("group"), FieldPanel("role"), FieldPanel("status"), FieldPanel("joined_at")],
        base_form_class=GroupMembershipForm,
    )

    def get_queryset(self, request):
        return GroupMembership.objects.select_related("user", "group")


class GroupSettingsViewSet(ModelViewSet):
    model = GroupSettings
    icon = "cog"
    menu_label = _("Join policies")
    url_prefix = "members/join-policies"
    copy_view_enabled = False
    list_display = [
        Column("group", label=_("Working group"), accessor="group.title"),
        Column("join_policy", label=_("Join policy"), accessor="get_join_policy_display"),
    ]
    list_filter = ["join_policy"]
    edit_handler = ObjectList([FieldPanel("group"), FieldPanel("join_policy")], base_form_class=CanonicalGroupForm)

    def get_queryset(self, request):
        return GroupSettings.objects.select_related("group")


class MembersViewSetGroup(ViewSetGroup):
    menu_label = _("Members")
    menu_icon = "group"
    menu_order = 250
    items = (MemberProfileViewSet, MemberOrganisationViewSet, GroupMembershipViewSet, GroupSettingsViewSet)


@hooks.register("register_admin_viewset")
def register_members_viewsets():
    return MembersViewSetGroup()


def refused_signed_in_reader(request, restrictions):
    """For a signed-in person a private page or file turns away: a 403 that says why.

    Wagtail would send them to the sign-in page they have already passed; instead, someone
    not (or no longer) an approved member reads why (pending, refused, lapsed) in their
    language, and a member outside the groups named reads that it is for those groups.
    Anonymous visitors (the hooks below ask nothing for them) and shared passwords are left
    to Wagtail (sign in, password form).
    """
    refused = [
        restriction
        for restriction in restrictions
        if restriction.restriction_type in (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)
        and not restriction.accept_request(request)
    ]
    if not refused:
        return None
    if is_approved_member(request.user):
        response = error_response(
            request,
            403,
            gettext("This is kept for some groups of members only, and your account is not in them."),
            title=gettext("Reserved for some groups"),
        )
    else:
        response = not_approved_response(request)
    add_never_cache_headers(response)
    return response


@hooks.register("before_serve_page")
def explain_private_page(page, request, serve_args, serve_kwargs):
    if request.user.is_authenticated:
        return refused_signed_in_reader(request, page.get_view_restrictions())
    return None


# After the library's own check (order -10), which says the same about a resource's file.
@hooks.register("before_serve_document", order=-5)
def explain_private_document(document, request):
    if request.user.is_authenticated:
        return refused_signed_in_reader(request, document.collection.get_view_restrictions())
    return None
