"""The translation workflow's part of load_demo_content: locale synchronisation and the review workflow.

The staff accounts (one per role) are core.demo's.

Runs after the other apps' demo modules (it must be listed last in DEMO_MODULES):
the language trees' home pages exist by then and get the review workflow.
"""

from django.conf import settings

from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from .workflow import assign_to_language_roots


def load_synchronisation(stdout):
    for target, source in settings.TRANSLATIONS_LOCALE_SYNCHRONISATION.items():
        target_locale, _ = Locale.objects.get_or_create(language_code=target)
        source_locale, _ = Locale.objects.get_or_create(language_code=source)
        if not LocaleSynchronization.objects.filter(locale=target_locale).exists():
            LocaleSynchronization.objects.create(locale=target_locale, sync_from=source_locale)
            stdout.write(f"  {target} synchronised from {source}")


def load(stdout, *, with_accounts=True):
    load_synchronisation(stdout)
    assign_to_language_roots()
