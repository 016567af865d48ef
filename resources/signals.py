"""Receivers: a download counted when Wagtail serves a resource's file; staff groups kept admitted to members' files."""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from wagtail.documents.models import document_served

from .collections import update_member_restriction
from .models import Resource


@receiver(document_served)
def count_download(sender, instance, request, **kwargs):
    # Wagtail sends this once the before_serve_document hooks let the request through.
    resource = Resource.objects.live().downloaded_version(instance, request)
    if resource is not None:
        resource.record_download()


@receiver(m2m_changed, sender=Group.permissions.through)
def admit_new_staff_groups(sender, action, **kwargs):
    # A group given (or refused) the right to change resources gains (or loses) the members' files.
    # Nothing is created here: loaddata and test databases restore groups in any order.
    if action in ("post_add", "post_remove", "post_clear"):
        update_member_restriction()
