"""Who may do what in the members area.

The contract other apps rely on: an approved member is a user in the Django group
named exactly ``MEMBERS_GROUP_NAME`` ("Members"). The resource library restricts a
Wagtail collection to that group; ``is_approved_member`` is the same test in code.
"""

from django.contrib.auth.models import Group
from django.db.models import Q

from core.caching import locales

MEMBERS_GROUP_NAME = "Members"

# Django permissions that make someone "staff" for the members area.
STAFF_REVIEW_PERMISSION = "members.change_memberprofile"
STAFF_GROUPS_PERMISSION = "members.change_groupmembership"


def members_group():
    group, _ = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    return group


def is_approved_member(user):
    """True when the user is in the Members group (approved, organisation active)."""
    if not user.is_authenticated:
        return False
    # Cached on the instance: templates and views ask several times per request.
    if not hasattr(user, "_members_is_approved"):
        user._members_is_approved = user.groups.filter(name=MEMBERS_GROUP_NAME).exists()
    return user._members_is_approved


def should_be_member(profile):
    """Approved, and the organisation (when known) is still an active member."""
    if profile is None or profile.status != profile.Status.APPROVED:
        return False
    return profile.organisation_id is None or profile.organisation.is_active


def sync_members_group(user):
    """Put the user in, or take them out of, the Members group to match their profile."""
    from .models import MemberProfile

    # Read afresh: the instance's cached profile may predate the change.
    profile = MemberProfile.objects.select_related("organisation").filter(user=user).first()
    group = members_group()
    if should_be_member(profile):
        user.groups.add(group)
    else:
        user.groups.remove(group)
    if hasattr(user, "_members_is_approved"):
        del user._members_is_approved


def get_profile(user):
    if not user.is_authenticated:
        return None
    return getattr(user, "member_profile", None)


def has_verified_email(user):
    from allauth.account.models import EmailAddress

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


def reviewable_profiles(user):
    """Pending profiles this user may approve or reject."""
    from .models import MemberProfile

    pending = MemberProfile.objects.filter(status=MemberProfile.Status.PENDING).exclude(user=user)
    if not user.has_perm(STAFF_REVIEW_PERMISSION):
        pending = pending.filter(organisation__administrators=user)
    return pending.select_related("user", "organisation").order_by("created_at")


def decision_emails_pending(user):
    """Approved or rejected profiles this user may review whose email the mail server refused."""
    from .models import MemberProfile

    profiles = MemberProfile.objects.filter(decision_email_pending=True).exclude(status=MemberProfile.Status.PENDING)
    if not user.has_perm(STAFF_REVIEW_PERMISSION):
        profiles = profiles.filter(organisation__administrators=user)
    return profiles.select_related("user", "organisation").order_by("reviewed_at")


def canonical_group(page):
    """The group's page in the default locale: a group and its translations are one group."""
    from workinggroups.models import WorkingGroupPage

    page = page.specific if not isinstance(page, WorkingGroupPage) else page
    default_locale = locales.default_locale()
    if page.locale_id == default_locale.pk:
        return page
    source = WorkingGroupPage.objects.filter(translation_key=page.translation_key, locale=default_locale).first()
    return source or page


def can_manage_group(user, group):
    """Co-chairs and staff of the group, and members-area staff, see its roster and decide requests."""
    from .models import GroupMembership

    if not user.is_authenticated:
        return False
    if is_members_staff(user):
        return True
    # A co-chair whose own approval lapsed no longer runs the group.
    return (
        is_approved_member(user)
        and GroupMembership.objects.filter(
            user=user,
            group=group,
            status=GroupMembership.Status.ACTIVE,
            role__in=GroupMembership.MANAGING_ROLES,
        ).exists()
    )


def managed_groups_filter(user):
    """A Q over GroupMembership: rows of groups this user manages."""
    from .models import GroupMembership

    if is_members_staff(user):
        return Q()
    return Q(
        group__memberships__user=user,
        group__memberships__status=GroupMembership.Status.ACTIVE,
        group__memberships__role__in=GroupMembership.MANAGING_ROLES,
    )
