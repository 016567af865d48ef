"""Who may do what in the members area: each rule written once, imported everywhere else.

The contract other apps rely on: an approved member is an active user in the Django group
named exactly ``MEMBERS_GROUP_NAME`` ("Members"). The resource library restricts a
Wagtail collection to that group; ``is_approved_member`` is the same test in code.
"""

from allauth.account.models import EmailAddress

from django.contrib.auth.models import Group
from django.db.models import Q

from core.caching import locales
from workinggroups.models import WorkingGroupPage

from .models import GroupMembership, MemberOrganisation, MemberProfile

MEMBERS_GROUP_NAME = "Members"

# Django permissions that make someone "staff" for the members area.
STAFF_REVIEW_PERMISSION = "members.change_memberprofile"
STAFF_GROUPS_PERMISSION = "members.change_groupmembership"


def members_group():
    group, _ = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    return group


def is_approved_member(user):
    """True for an active user in the Members group (approved, organisation active)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return MEMBERS_GROUP_NAME in user.group_names


def should_be_member(profile):
    """Approved, and the organisation (when known) is still an active member."""
    return profile is not None and profile.is_approved and not profile.organisation_lapsed


def sync_members_group(user):
    """Put the user in, or take them out of, the Members group to match their profile."""
    # Read afresh: the instance's cached profile may predate the change.
    profile = MemberProfile.objects.select_related("organisation").filter(user=user).first()
    group = members_group()
    if should_be_member(profile):
        user.groups.add(group)
    else:
        user.groups.remove(group)
    user.forget_group_names()


def has_verified_email(user):
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def is_members_staff(user):
    return user.is_authenticated and user.is_active and user.has_perm(STAFF_GROUPS_PERMISSION)


def can_review_profile(user, profile):
    """Staff, or an administrator of the organisation the person claims to represent."""
    if not user.is_authenticated or profile.user_id == user.pk:
        return False
    if user.has_perm(STAFF_REVIEW_PERMISSION):
        return True
    return profile.organisation_id is not None and profile.organisation.administrators.filter(pk=user.pk).exists()


def reviewable_profiles_q(user):
    """A Q over MemberProfile: pending profiles this user may approve or reject (``can_review_profile``)."""
    pending = Q(status=MemberProfile.Status.PENDING) & ~Q(user=user)
    if user.has_perm(STAFF_REVIEW_PERMISSION):
        return pending
    # A subquery rather than a join: combined with other conditions, it adds no duplicate rows.
    return pending & Q(organisation__in=MemberOrganisation.objects.filter(administrators=user))


# Approved or rejected, and the email telling the person was refused by the mail server.
DECISION_EMAIL_PENDING = Q(decision_email_pending=True) & ~Q(status=MemberProfile.Status.PENDING)


def decision_emails_pending_q(user):
    """A Q over MemberProfile: decisions this user may review whose email is still to be sent."""
    if user.has_perm(STAFF_REVIEW_PERMISSION):
        return DECISION_EMAIL_PENDING
    return DECISION_EMAIL_PENDING & Q(organisation__in=MemberOrganisation.objects.filter(administrators=user))


def reviewable_profiles(user):
    """Pending profiles this user may approve or reject, oldest first."""
    return (
        MemberProfile.objects.filter(reviewable_profiles_q(user))
        .select_related("user", "organisation")
        .order_by("created_at")
    )


def decision_emails_pending(user):
    """Approved or rejected profiles this user may review whose email the mail server refused."""
    return (
        MemberProfile.objects.filter(decision_emails_pending_q(user))
        .select_related("user", "organisation")
        .order_by("reviewed_at")
    )


def canonical_group(page):
    """The group's page in the default locale: a group and its translations are one group."""
    page = page.specific if not isinstance(page, WorkingGroupPage) else page
    default_locale = locales.default_locale()
    if page.locale_id == default_locale.pk:
        return page
    source = WorkingGroupPage.objects.filter(translation_key=page.translation_key, locale=default_locale).first()
    return source or page


# can_manage_group's default: the caller has not read the user's membership row.
NOT_READ = object()


def can_manage_group(user, group, membership=NOT_READ):
    """Co-chairs and staff of the group, and members-area staff, see its roster and decide requests.

    ``membership``: the user's row for this group when the caller has already read it
    (``None`` when there is none), saving a query.
    """
    if not user.is_authenticated:
        return False
    if is_members_staff(user):
        return True
    # A co-chair whose own approval lapsed no longer runs the group.
    if not is_approved_member(user):
        return False
    if membership is None:
        return False
    if membership is not NOT_READ:
        return membership.user_id == user.pk and membership.group_id == group.pk and membership.is_manager
    return GroupMembership.objects.filter(GroupMembership.managing(), user=user, group=group).exists()


def managed_groups_filter(user):
    """A Q over GroupMembership: rows of groups this user manages."""
    if is_members_staff(user):
        return Q()
    # A subquery rather than a join: combined with other conditions, it adds no duplicate rows.
    return Q(group__in=GroupMembership.objects.filter(GroupMembership.managing(), user=user).values("group"))
