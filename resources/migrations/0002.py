"""The Members group and the members-only collection of resource files, with its view restriction.

The members area manages who is in the group; this migration only makes sure it
exists, so that the library works on its own. Historical models have no treebeard
methods, so the collection's tree path is computed here.
"""

from django.db import migrations

MEMBERS_GROUP_NAME = "Members"
COLLECTION_NAME = "Ressources des membres / Member resources"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _encode(number):
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEPLEN, "0")


def create_group_and_collection(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")

    members, _ = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    collection = Collection.objects.filter(depth=2, name=COLLECTION_NAME).first()
    if collection is None:
        last = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
        number = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
        collection = Collection.objects.create(
            name=COLLECTION_NAME, path=root.path + _encode(number), depth=2, numchild=0
        )
        root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
        root.save(update_fields=["numchild"])
    restriction = CollectionViewRestriction.objects.filter(collection=collection, restriction_type="groups").first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(collection=collection, restriction_type="groups")
    restriction.groups.set([members])


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("resources", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_group_and_collection, migrations.RunPython.noop)]
