"""The roles again: translators may edit the main menu and the site footer to translate them (core.roles)."""

from django.db import migrations


def apply_roles(apps, schema_editor):
    from core.roles import apply_roles

    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_search_synonyms_role"),
        ("home", "0006_one_menu_and_footer_per_language"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
