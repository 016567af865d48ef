"""Who may have a resource's file: the one place that says it.

* An *approved member* is an active user in the Django group named ``Members``
  (the members area puts approved members in it and takes them out).
* *Staff* are superusers and users who may change resources in the Wagtail admin.
* Public files are for everyone; members-only files for approved members and staff.
"""

MEMBERS_GROUP_NAME = "Members"


def is_approved_member(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    # Asked several times per request (cards, download button): remember the answer.
    # The same attribute as members.access.is_approved_member: one query for both apps,
    # and forgotten by the members app when the membership changes.
    cached = getattr(user, "_members_is_approved", None)
    if cached is None:
        cached = user.groups.filter(name=MEMBERS_GROUP_NAME).exists()
        user._members_is_approved = cached
    return cached


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
