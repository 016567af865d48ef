"""A translation is never more public than its source.

Wagtail stores privacy as ``PageViewRestriction`` rows on a page. wagtail-localize copies
them when it creates or syncs a translation, but not when the source's privacy changes
afterwards. Here the source's restrictions are mirrored onto every other page sharing
its ``translation_key`` (translations and synchronised aliases) whenever a restriction
is saved, deleted or its groups change, and when a translation is created.

The source is the page wagtail-localize translates from (its ``TranslationSource``);
a page never submitted for translation is its own source. A restriction edited on a
translation is put back to the source's: privacy is set on the source page.
"""

import threading
from contextlib import contextmanager

from django.conf import settings

from wagtail.models import Page, PageViewRestriction
from wagtail_localize.models import TranslationSource

_state = threading.local()


@contextmanager
def _syncing():
    # Mirroring saves restrictions, which fires the signals again: do nothing then.
    _state.active = True
    try:
        yield
    finally:
        _state.active = False


def is_syncing():
    return getattr(_state, "active", False)


def source_page_of(page):
    """The page of ``page``'s translation group that translations are made from.

    That is the page wagtail-localize translates from (its ``TranslationSource``), or,
    before anything was submitted for translation, the original of a synchronised alias,
    else the page in the site's default language, else the oldest page of the group.
    """
    source_locale_id = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .order_by("created_at")
        .values_list("locale_id", flat=True)
        .first()
    )
    group = Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    if source_locale_id is not None:
        found = group.filter(locale_id=source_locale_id).first()
        if found is not None:
            return found
    originals = [candidate for candidate in group.order_by("pk") if candidate.alias_of_id is None]
    for candidate in originals:
        if candidate.locale.language_code == settings.LANGUAGE_CODE:
            return candidate
    return originals[0] if originals else page


def copy_restrictions(source, target):
    """Make ``target``'s view restrictions equal to ``source``'s (type, password, groups)."""
    wanted = list(source.view_restrictions.prefetch_related("groups").order_by("pk"))
    existing = list(target.view_restrictions.prefetch_related("groups").order_by("pk"))
    # The oldest extras go: the newest may be one that Wagtail's page copy has just saved
    # and is about to give its groups (deleting it would leave those rows dangling).
    surplus = max(len(existing) - len(wanted), 0)
    for extra in existing[:surplus]:
        extra.delete()
    existing = existing[surplus:]
    for index, original in enumerate(wanted):
        if index < len(existing):
            copy = existing[index]
            if (copy.restriction_type, copy.password) != (original.restriction_type, original.password):
                copy.restriction_type = original.restriction_type
                copy.password = original.password
                copy.save()
        else:
            copy = PageViewRestriction.objects.create(
                page=target, restriction_type=original.restriction_type, password=original.password
            )
        wanted_groups = {group.pk for group in original.groups.all()}
        if {group.pk for group in copy.groups.all()} != wanted_groups:
            copy.groups.set(wanted_groups)


def sync_translation_group(page):
    """Mirror the source's restrictions onto every other page of ``page``'s translation group."""
    if is_syncing():
        return
    source = source_page_of(page)
    with _syncing():
        for other in Page.objects.filter(translation_key=page.translation_key).exclude(pk=source.pk):
            copy_restrictions(source, other)


def sync_new_page(page):
    """Give a page just created in a translation group its source's restrictions."""
    if is_syncing():
        return
    source = source_page_of(page)
    if source.pk != page.pk:
        with _syncing():
            copy_restrictions(source, page)
