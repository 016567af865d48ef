"""The roles again: communications editors and reviewers manage search synonyms and promoted results (core.roles)."""

from django.db import migrations


def apply_roles(apps, schema_editor):
    from core.roles import apply_roles

    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_main_menu_role"),
        ("site_search", "0002_synonyms_and_unanswered_searches"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
