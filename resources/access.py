"""Who may have a resource's file: the one place that says it.

* An *approved member* is an active user in the Django group named ``Members``
  (the members area puts approved members in it and takes them out).
* *Staff* are superusers and users who may change resources in the Wagtail admin.
* Public files are for everyone; members-only files for approved members and staff.
"""

# The members app owns "approved member"; the name of its group is re-exported for this app's callers.
from members.access import MEMBERS_GROUP_NAME, is_approved_member  # noqa: F401


def is_resource_staff(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.has_perm("resources.change_resource")


def can_download(user, resource):
    """Whether ``user`` may have the file of ``resource`` (a live resource)."""
    if not resource.live:
        return is_resource_staff(user)
    if not resource.is_members_only:
        return True
    return is_approved_member(user) or is_resource_staff(user)


def document_is_restricted(document):
    """A document is private when it sits in a restricted collection or belongs to a members-only resource."""
    from .models import Resource

    if document.collection.get_view_restrictions().exists():
        return True
    return Resource.objects.filter(document=document, audience=Resource.Audience.MEMBERS).exists()


def can_download_document(user, document):
    """The same rule for a document reached by its own URL (``/documents/<id>/<filename>``)."""
    if not document_is_restricted(document):
        return True
    return is_approved_member(user) or is_resource_staff(user)
