"""Keep the Members group in step with profiles and organisations, however they are saved;
tell reviewers of a person once verified; remember when a person signed in."""

import time

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .access import sync_members_group
from .adapters import SIGNED_IN_AT_SESSION_KEY
from .models import MemberOrganisation, MemberProfile
from .services import notify_reviewers, sync_organisation_members


@receiver(post_save, sender=MemberProfile, dispatch_uid="members_profile_saved")
def profile_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_members_group(instance.user)


@receiver(post_delete, sender=MemberProfile, dispatch_uid="members_profile_deleted")
def profile_deleted(sender, instance, **kwargs):
    # The user may be going too (account deletion); only sync one that stays.
    user = get_user_model().objects.filter(pk=instance.user_id).first()
    if user is not None:
        sync_members_group(user)


@receiver(post_save, sender=MemberOrganisation, dispatch_uid="members_organisation_saved")
def organisation_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        sync_organisation_members(instance)


@receiver(email_confirmed, dispatch_uid="members_email_confirmed")
def first_address_verified(sender, request, email_address, **kwargs):
    """A person's first verified address: their reviewers are told about them now, not at sign-up."""
    if EmailAddress.objects.filter(user_id=email_address.user_id, verified=True).exclude(pk=email_address.pk).exists():
        return
    profile = MemberProfile.objects.filter(user_id=email_address.user_id).select_related("organisation").first()
    if profile is not None:
        notify_reviewers(profile)


@receiver(user_logged_in, dispatch_uid="members_signed_in")
def signed_in(sender, request, user, **kwargs):
    # A fresh sign-in counts as authenticating for ACCOUNT_REAUTHENTICATION_TIMEOUT (members.adapters).
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT_SESSION_KEY] = time.time()
