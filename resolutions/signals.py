"""Every resolution page, whoever creates it (the editor, a translation, the import), starts members-only."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Resolution, ResolutionPage
from .visibility import enforce, enforce_record


@receiver(post_save, sender=ResolutionPage, dispatch_uid="resolution_page_privacy")
def keep_private_until_adopted(sender, instance, created, raw=False, **kwargs):
    if not raw and created:
        enforce(instance)


@receiver(post_save, sender=Resolution, dispatch_uid="resolution_record_privacy")
def follow_the_outcome(sender, instance, created, raw=False, **kwargs):
    """Adopted: its pages go public; any other outcome (or none yet): members only."""
    if not raw and not created:
        enforce_record(instance)
