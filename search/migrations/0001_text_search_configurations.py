"""PostgreSQL only: accent-insensitive French and English text-search configurations.

``coalition_fr`` and ``coalition_en`` copy PostgreSQL's ``french`` and ``english``
configurations and put ``unaccent`` before the Snowball stemmer, so "detention" and
"détention" reduce to the same lexeme. ``search.backends`` uses them per locale.
On SQLite (and other databases) this migration does nothing.

``CREATE EXTENSION unaccent`` needs a role allowed to create extensions (a superuser, or the
database owner on PostgreSQL 13+ since unaccent is a trusted extension).
"""

from django.db import migrations

LANGUAGES = {"coalition_fr": ("french", "french_stem"), "coalition_en": ("english", "english_stem")}


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        for name, (parent, stemmer) in LANGUAGES.items():
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{parent})")
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {name} "
                f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer}"
            )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in LANGUAGES:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_configurations, drop_configurations, elidable=False)]
