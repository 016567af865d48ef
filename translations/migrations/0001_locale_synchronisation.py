"""English is synchronised from French: a page created in French gets its English counterpart.

Creates the locales named in TRANSLATIONS_LOCALE_SYNCHRONISATION and wagtail-localize's
LocaleSynchronization rows. Historical models send no signal to wagtail-localize's
receiver, so no tree synchronisation runs here: existing pages are not aliased, only
pages created from now on in the admin are.
"""

from django.conf import settings
from django.db import migrations


def create_synchronisation(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    for target, source in settings.TRANSLATIONS_LOCALE_SYNCHRONISATION.items():
        target_locale, _ = Locale.objects.get_or_create(language_code=target)
        source_locale, _ = Locale.objects.get_or_create(language_code=source)
        LocaleSynchronization.objects.get_or_create(locale=target_locale, defaults={"sync_from": source_locale})


def remove_synchronisation(apps, schema_editor):
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    LocaleSynchronization.objects.filter(
        locale__language_code__in=list(settings.TRANSLATIONS_LOCALE_SYNCHRONISATION)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0054_initial_locale"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_synchronisation, remove_synchronisation)]
