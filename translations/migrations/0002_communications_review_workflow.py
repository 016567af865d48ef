"""The "Communications review" workflow, its reviewers' task and the Editors / Moderators groups.

Assigned here to the language trees' home pages that already exist; home pages created
later (load_demo_content, the admin) get it from translations.signals.
"""

from django.db import migrations


def create_workflow(apps, schema_editor):
    from translations.workflow import assign_to_language_roots, ensure_review_workflow

    ensure_review_workflow(apps)
    assign_to_language_roots(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0001_locale_synchronisation"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
