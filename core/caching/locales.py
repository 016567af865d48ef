"""Wagtail's locales without a query.

``Locale.get_active()`` and ``Locale.get_default()`` read the locale table each time a
page, a listing or a tag asks (six times on a group page); the table changes a few times
a year. Its rows are kept an hour at most (a local-memory cache is one per process and
never hears of another's change) and dropped by ``invalidation`` when a locale changes.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from .fragments import get_or_compute

logger = logging.getLogger(__name__)

LOCALES_KEY = "lookups:locales"


def all_locales():
    """{language code: Locale} for every locale."""
    return get_or_compute(LOCALES_KEY, lambda: {locale.language_code: locale for locale in Locale.objects.all()}, 3600)


def forget_locales():
    try:
        cache.delete(LOCALES_KEY)
    except Exception:
        logger.warning("Cached locales could not be dropped", exc_info=True)


def locale_for_language(language_code):
    """``Locale.objects.get_for_language`` without a query; raises ``Locale.DoesNotExist`` the same way."""
    code = get_supported_content_language_variant(language_code)
    try:
        return all_locales()[code]
    except KeyError:
        raise Locale.DoesNotExist(code) from None


def language_code_of(locale_id):
    """The language code of a locale id, without a query (for URLs of many objects)."""
    for code, locale in all_locales().items():
        if locale.pk == locale_id:
            return code
    return Locale.objects.get(pk=locale_id).language_code


def default_locale():
    """``Locale.get_default()`` without a query."""
    return locale_for_language(settings.LANGUAGE_CODE)


def active_locale():
    """``Locale.get_active()`` without a query."""
    try:
        return locale_for_language(get_language())
    except (Locale.DoesNotExist, LookupError):
        return default_locale()
