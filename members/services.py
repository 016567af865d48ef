"""What changes a membership: approval, joining, leaving, deciding requests.

Views and the Wagtail admin call these, so the rules (the Members group, the
emails, the race on joining) live in one place.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from .access import canonical_group, sync_members_group
from .emails import absolute_url, members_staff, send_to_user
from .models import GroupMembership, GroupSettings, MemberProfile


def create_profile(user, *, organisation=None, organisation_not_listed=""):
    """The person's profile, waiting for approval; reviewers hear of it once the address is verified."""
    profile, _ = MemberProfile.objects.get_or_create(
        user=user,
        defaults={"organisation": organisation, "organisation_not_listed": organisation_not_listed},
    )
    return profile


def notify_reviewers(profile):
    """Tell who decides about a pending person: the organisation's administrators, or staff when
    the organisation is not in the list yet. Called once the person's address is verified
    (members.signals), so nobody reviews an address that may not be theirs."""
    if profile.status != MemberProfile.Status.PENDING:
        return
    if profile.organisation is None and profile.organisation_not_listed:
        # Staff add the organisation to the list, then approve the person.
        for staff in members_staff():
            send_to_user(
                staff,
                "organisation_not_listed",
                {"profile": profile, "admin_url": absolute_url(reverse("wagtailadmin_home"))},
            )
    elif profile.organisation is not None:
        for administrator in profile.organisation.administrators.filter(is_active=True):
            send_to_user(administrator, "pending_review", {"profile": profile})


def approve(profile, by):
    """Approve a pending profile; False, and nothing changes, when it was already decided."""
    return decide_profile(profile, by, MemberProfile.Status.APPROVED)


def reject(profile, by, reason):
    """Reject a pending profile with ``reason``; False, and nothing changes, when it was already decided."""
    return decide_profile(profile, by, MemberProfile.Status.REJECTED, reason)


@transaction.atomic
def decide_profile(profile, by, status, reason="", *, only_from=(MemberProfile.Status.PENDING,)):
    """Record a decision on ``profile`` when its status, read under a row lock, is one of ``only_from``.

    Two reviewers (or a double click) deciding at once: the second waits for the first's
    lock, then finds the profile decided and changes nothing, so the person gets one
    decision and one email. Returns whether this call decided. ``profile`` is updated.
    """
    locked = MemberProfile.objects.select_for_update().get(pk=profile.pk)
    if locked.status in only_from:
        locked.status = status
        locked.reviewed_by = by
        locked.reviewed_at = timezone.now()
        locked.rejection_reason = reason if status == MemberProfile.Status.REJECTED else ""
        locked.save(update_fields=["status", "reviewed_by", "reviewed_at", "rejection_reason"])
        sync_members_group(profile.user)
        transaction.on_commit(lambda: notify_decision(locked))
        decided = True
    else:
        decided = False
    for field in ("status", "reviewed_by_id", "reviewed_at", "rejection_reason", "decision_email_pending"):
        setattr(profile, field, getattr(locked, field))
    return decided


def notify_decision(profile):
    """Email the person the approval or rejection; remember when the mail server refused it.

    Returns whether it was sent. A pending one is sent again from the reviewer's dashboard
    or by ``manage.py send_pending_decision_emails`` (cron).
    """
    template = "approved" if profile.status == MemberProfile.Status.APPROVED else "rejected"
    sent = send_to_user(profile.user, template, {"profile": profile})
    MemberProfile.objects.filter(pk=profile.pk).update(decision_email_pending=not sent)
    profile.decision_email_pending = not sent
    return sent


def resend_decision_email(profile):
    """Send again a decision email the mail server refused: True when sent, False when refused again,
    None when there was none to send (a reviewer and cron, or a double click: one email)."""
    claimed = MemberProfile.objects.filter(pk=profile.pk, decision_email_pending=True).update(
        decision_email_pending=False
    )
    if not claimed:
        profile.decision_email_pending = False
        return None
    return notify_decision(profile)


def sync_organisation_members(organisation):
    """After an organisation lapses (or comes back), match its people's Members group."""
    for profile in organisation.profiles.select_related("user", "organisation"):
        sync_members_group(profile.user)


def join(user, group):
    """Join an open group, or ask to join an on-request one. Returns the membership.

    Double clicks and concurrent requests meet the unique constraint: the loser of
    the race reads the row the winner wrote instead of failing.
    """
    group = canonical_group(group)
    now = timezone.now()
    opened = GroupSettings.policy_of(group) == GroupSettings.JoinPolicy.OPEN
    status = GroupMembership.Status.ACTIVE if opened else GroupMembership.Status.PENDING
    defaults = {"status": status, "joined_at": now if opened else None}
    try:
        with transaction.atomic():
            membership, created = GroupMembership.objects.get_or_create(user=user, group=group, defaults=defaults)
    except IntegrityError:
        membership, created = GroupMembership.objects.get(user=user, group=group), False
    if not created and membership.status in (GroupMembership.Status.LEFT, GroupMembership.Status.DECLINED):
        # Coming back: the same row, reopened (only one of two racing requests changes it).
        updated = GroupMembership.objects.filter(pk=membership.pk, status=membership.status).update(
            status=status,
            role=GroupMembership.Role.MEMBER,
            requested_at=now,
            ended_at=None,
            decided_by=None,
            **({"joined_at": now} if opened else {"joined_at": None}),
        )
        membership.refresh_from_db()
        created = bool(updated)
    if created and membership.is_pending:
        for manager in group_managers(group):
            send_to_user(manager, "join_request", {"membership": membership, "group": group})
    return membership


def group_managers(group):
    return (
        get_user_model()
        .objects.filter(
            GroupMembership.managing(through="group_memberships__"),
            is_active=True,
            group_memberships__group=group,
        )
        .distinct()
    )


def leave(membership):
    """Leave a group, or withdraw a pending request."""
    GroupMembership.objects.filter(pk=membership.pk, status__in=GroupMembership.CURRENT_STATUSES).update(
        status=GroupMembership.Status.LEFT, ended_at=timezone.now()
    )
    membership.refresh_from_db()


def decide(membership, by, *, accept):
    """Accept or decline a pending request; a request already decided is left as it is."""
    now = timezone.now()
    if accept:
        changes = {"status": GroupMembership.Status.ACTIVE, "joined_at": now}
    else:
        changes = {"status": GroupMembership.Status.DECLINED, "ended_at": now}
    updated = GroupMembership.objects.filter(pk=membership.pk, status=GroupMembership.Status.PENDING).update(
        decided_by=by, **changes
    )
    membership.refresh_from_db()
    if updated:
        send_to_user(
            membership.user,
            "request_accepted" if accept else "request_declined",
            {"membership": membership, "group": membership.group},
        )
    return bool(updated)
