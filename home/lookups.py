"""Lookups that nearly every request makes, read from the cache instead of the database.

Wagtail reads the locale table each time a page, a listing or a tag asks for the
active or default locale (six times on a group page), and the whole table of page
view restrictions each time a listing calls ``.public()``. Both change a few times a
year; their rows are kept in the cache (local memory, or Redis shared by every app
server) and dropped on change by the signals in ``home/signals.py``. View restrictions
are kept only in a shared cache (``REDIS_URL``): with local memory, each process would
see another's change late.
A cache outage falls back to the database.
"""

import logging

from asgiref.local import Local

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction

from . import page_cache

logger = logging.getLogger(__name__)

LOCALES_KEY = "lookups:locales"


def _locales():
    """{language code: Locale} for every locale."""
    # An hour at most: a local-memory cache (one per process) never hears of another's change.
    return page_cache.get_or_compute(
        LOCALES_KEY, lambda: {locale.language_code: locale for locale in Locale.objects.all()}, 3600
    )


def forget_locales(**kwargs):
    try:
        cache.delete(LOCALES_KEY)
    except Exception:
        logger.warning("Cached locales could not be dropped", exc_info=True)


def locale_for_language(language_code):
    """``Locale.objects.get_for_language`` without a query; raises ``Locale.DoesNotExist`` the same way."""
    code = get_supported_content_language_variant(language_code)
    try:
        return _locales()[code]
    except KeyError:
        raise Locale.DoesNotExist(code) from None


def language_code_of(locale_id):
    """The language code of a locale id, without a query (for URLs of many objects)."""
    for code, locale in _locales().items():
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


# --- Page privacy -------------------------------------------------------------------


RESTRICTIONS_KEY = "lookups:restrictions"


def _restrictions():
    """Every view restriction as ``(restriction id, path, own)``: the restricted page's
    path (``own``), and that of each of its aliases (an alias takes its source's
    restrictions). Dropped when a restriction changes, a page moves, is created (it may
    be an alias) or deleted: not on every publish. An hour at most, in any case."""
    if not settings.REDIS_URL:
        # A local-memory cache is one per process: a restriction added through one app-server
        # worker would not be seen by the others. Who may see a page is never read stale: read
        # once per request instead.
        if not getattr(_request_memo, "active", False):
            return _read_restrictions()
        if getattr(_request_memo, "restrictions", None) is None:
            _request_memo.restrictions = _read_restrictions()
        return _request_memo.restrictions
    return page_cache.get_or_compute(RESTRICTIONS_KEY, _read_restrictions, 3600)


def _read_restrictions():
    rows = list(PageViewRestriction.objects.values_list("pk", "page_id", "page__path"))
    pairs = [(pk, path, True) for pk, _page, path in rows]
    by_page = {}
    for pk, page_id, _path in rows:
        by_page.setdefault(page_id, []).append(pk)
    if by_page:
        for alias_of_id, path in Page.objects.filter(alias_of_id__in=by_page).values_list("alias_of_id", "path"):
            pairs.extend((pk, path, False) for pk in by_page[alias_of_id])
    return pairs


# Per request (thread or async context), only between request_started and request_finished.
_request_memo = Local()


def _begin_request(**kwargs):
    _request_memo.active, _request_memo.restrictions = True, None


def _end_request(**kwargs):
    _request_memo.active, _request_memo.restrictions = False, None


request_started.connect(_begin_request, dispatch_uid="lookups_begin_request")
request_finished.connect(_end_request, dispatch_uid="lookups_end_request")


def forget_restrictions(**kwargs):
    _request_memo.restrictions = None
    try:
        cache.delete(RESTRICTIONS_KEY)
    except Exception:
        logger.warning("Cached restrictions could not be dropped", exc_info=True)


def restriction_ids_for(page):
    """The ids of the view restrictions that apply to ``page``: its own, its ancestors',
    and those of the source page of each alias among them."""
    steplen = Page.steplen
    ancestors = {page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)}
    return [pk for pk, path, _own in _restrictions() if path in ancestors]


def private_q():
    """``PageQuerySet.private_q()`` from the cached restrictions: pages in a restricted section."""
    q = Q()
    for path in sorted({path for _pk, path, own in _restrictions() if own}):
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])
