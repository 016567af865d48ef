"""Where resource files live: members-only files in a collection that only members and staff may open."""

from django.contrib.auth.models import Group
from django.db.models import Q

from wagtail.models import Collection, CollectionViewRestriction

from members.access import MEMBERS_GROUP_NAME, members_group

from .access import resource_staff_groups

# Collections have one name for both languages.
MEMBER_COLLECTION_NAME = "Ressources des membres / Member resources"


def admitted_groups():
    """Who Wagtail's collection check lets through: the Members group and the library's staff groups."""
    return Group.objects.filter(Q(name=MEMBERS_GROUP_NAME) | Q(pk__in=resource_staff_groups().values("pk")))


def admit_members_and_staff(restriction):
    groups = set(admitted_groups())
    if set(restriction.groups.all()) != groups:
        restriction.groups.set(groups)


def update_member_restriction():
    """Admit today's staff groups, if the collection and its restriction exist (creates nothing)."""
    restriction = CollectionViewRestriction.objects.filter(
        collection__depth=2, collection__name=MEMBER_COLLECTION_NAME, restriction_type=CollectionViewRestriction.GROUPS
    ).first()
    if restriction is not None:
        admit_members_and_staff(restriction)


def member_collection():
    """The members-only collection and its restriction, recreated if someone deleted them."""
    members_group()
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=MEMBER_COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=MEMBER_COLLECTION_NAME))
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    admit_members_and_staff(restriction)
    return collection
