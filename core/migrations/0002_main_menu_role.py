"""The roles again: communications editors and reviewers manage the main menu (core.roles)."""

from django.db import migrations


def apply_roles(apps, schema_editor):
    from core.roles import apply_roles

    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_staff_roles"),
        ("home", "0005_main_menu_and_footer_page_links"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
