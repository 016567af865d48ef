from django.db import migrations

MEMBERS_GROUP_NAME = "Members"  # members.access.MEMBERS_GROUP_NAME: other apps rely on this name


def create_members_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_organisations_profiles_memberships"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_members_group, migrations.RunPython.noop)]
