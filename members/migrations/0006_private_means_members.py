"""Existing « any logged-in user » restrictions become members-only (members.privacy does it from now on).

Pages: a groups restriction on the Members group. Collections: the Members group and the
resource library's staff groups (those holding ``resources.change_resource``), as
resources/migrations/0003_admit_resource_staff.py admits them to the members' collection.
"""

from django.db import migrations

MEMBERS_GROUP_NAME = "Members"  # members.access.MEMBERS_GROUP_NAME


def members_only(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")

    members, _ = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    staff = list(
        Group.objects.filter(
            permissions__content_type__app_label="resources", permissions__codename="change_resource"
        ).distinct()
    )
    for model, readers in ((PageViewRestriction, [members]), (CollectionViewRestriction, [members, *staff])):
        for restriction in model.objects.filter(restriction_type="login"):
            restriction.restriction_type = "groups"
            restriction.save(update_fields=["restriction_type"])
            restriction.groups.add(*readers)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_membership_roles_from_leadership_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Not reversible into « any logged-in user »: going back leaves the members-only restrictions.
    operations = [migrations.RunPython(members_only, migrations.RunPython.noop)]
