"""Who may have a resource's file: the one place that says it.

* An *approved member* is an active user in the Django group named ``Members``
  (the members area puts approved members in it and takes them out).
* *Staff* are superusers and users in a group that may change resources (Wagtail's
  admin gives permissions to groups). The members collection's view restriction admits
  these groups too, so Wagtail's own collection check and this rule agree.
* Public files are for everyone; members-only files for approved members and staff.

Which documents are members-only is the resources' business:
``Resource.objects.document_is_restricted(document)``.
"""

from django.contrib.auth.models import Group

from members.access import is_approved_member

RESOURCE_STAFF_PERMISSION = "resources.change_resource"


def resource_staff_groups():
    """The groups whose users are staff for the library: those holding ``RESOURCE_STAFF_PERMISSION``."""
    app_label, codename = RESOURCE_STAFF_PERMISSION.split(".")
    return Group.objects.filter(permissions__content_type__app_label=app_label, permissions__codename=codename)


def is_resource_staff(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    # Group permissions only, as Wagtail's collection check sees them (Django caches them on the user).
    return user.is_superuser or RESOURCE_STAFF_PERMISSION in user.get_group_permissions()


def may_have_members_files(user):
    return is_approved_member(user) or is_resource_staff(user)


def can_download(user, resource):
    """Whether ``user`` may have the file of ``resource`` (a live resource)."""
    if not resource.live:
        return is_resource_staff(user)
    if not resource.is_members_only:
        return True
    return may_have_members_files(user)
