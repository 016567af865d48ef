"""The members collection's restriction admits the library's staff groups as well as Members.

Staff (groups holding ``resources.change_resource``) then reach members' files through
Wagtail's own collection check. Later changes are kept up by resources.signals.
"""

from django.db import migrations

MEMBERS_GROUP_NAME = "Members"
COLLECTION_NAME = "Ressources des membres / Member resources"


def admit_resource_staff(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")

    members, _ = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    staff = Group.objects.filter(
        permissions__content_type__app_label="resources", permissions__codename="change_resource"
    )
    for restriction in CollectionViewRestriction.objects.filter(
        collection__depth=2, collection__name=COLLECTION_NAME, restriction_type="groups"
    ):
        restriction.groups.set([members, *staff])


def members_only(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")

    members = Group.objects.filter(name=MEMBERS_GROUP_NAME).first()
    for restriction in CollectionViewRestriction.objects.filter(
        collection__depth=2, collection__name=COLLECTION_NAME, restriction_type="groups"
    ):
        restriction.groups.set([members] if members else [])


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("resources", "0002"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(admit_resource_staff, members_only)]
