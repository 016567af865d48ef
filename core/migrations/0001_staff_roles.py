"""The staff roles declared in core.roles: groups with their model, page and collection permissions.

Run again (a new migration calling ``apply_roles``) whenever core.roles changes; ``post_migrate``
also applies them, so models added later reach the site administrators.
"""

from importlib import import_module

from django.db import migrations


def create_roles(apps, schema_editor):
    from core.roles import apply_roles

    apply_roles(apps)
    # Groups now allowed to change resources are admitted to the members' files (the library's own rule).
    import_module("resources.migrations.0003_admit_resource_staff").admit_resource_staff(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("home", "0001_initial"),
        ("workinggroups", "0002_groups_projects_achievements_meetings"),
        ("members", "0005_membership_roles_from_leadership_roles"),
        ("resources", "0003_admit_resource_staff"),
        ("translations", "0002_communications_review_workflow"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
