"""Where resource files live: members-only files in a collection that only members and staff may open."""

from django.contrib.auth.models import Group

from wagtail.models import Collection, CollectionViewRestriction

from .access import MEMBERS_GROUP_NAME, resource_staff_groups

# Collections have one name for both languages.
MEMBER_COLLECTION_NAME = "Ressources des membres / Member resources"


def members_group():
    group, _ = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    return group


def admitted_groups():
    """Who Wagtail's collection check lets through: the Members group and the library's staff groups."""
    return [members_group(), *resource_staff_groups().order_by("name")]


def find_member_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=MEMBER_COLLECTION_NAME).first() if root is not None else None


def admit_members_and_staff(collection):
    """Make the collection's group restriction admit exactly ``admitted_groups()``."""
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    groups = admitted_groups()
    if {group.pk for group in restriction.groups.all()} != {group.pk for group in groups}:
        restriction.groups.set(groups)


def member_collection():
    """The members-only collection and its restriction, recreated if someone deleted them."""
    collection = find_member_collection()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(instance=Collection(name=MEMBER_COLLECTION_NAME))
    admit_members_and_staff(collection)
    return collection
