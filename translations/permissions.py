"""Object-level checks that wagtail-localize's own views leave out.

wagtail-localize's "Translate" and "Sync translated pages" views only check the global
``wagtail_localize.submit_translation`` permission: anyone holding it could create,
sync and publish a translation of a page they may not edit. These helpers give the
per-object answers; :mod:`translations.views` applies them around those views.
"""

from django.core.exceptions import PermissionDenied

from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name, user_can_edit_snippet_type


def user_can_edit(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user_can_edit_snippet_type(user, type(instance))


def user_can_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))
    # A snippet without drafts is live as soon as it is saved: editing is publishing.
    return user_can_edit(user, instance)


def check_can_translate(user, instance, locales=()):
    """May ``user`` create translations of ``instance`` into ``locales``?

    They must be able to edit the source, and, for a page, to add a page under its
    translated parent (when it exists) and to edit any placeholder (alias) it replaces.
    """
    if not user.has_perm("wagtail_localize.submit_translation") or not user_can_edit(user, instance):
        raise PermissionDenied
    if not isinstance(instance, Page):
        return
    parent = instance.get_parent()
    for locale in locales:
        existing = instance.get_translation_or_none(locale)
        if existing is not None:
            if not existing.permissions_for_user(user).can_edit():
                raise PermissionDenied
            continue
        if parent is not None and parent.depth > 1:
            translated_parent = parent.get_translation_or_none(locale)
            if translated_parent is not None and not translated_parent.permissions_for_user(user).can_add_subpage():
                raise PermissionDenied


def check_can_sync(user, source, *, publish=False):
    """May ``user`` sync ``source`` (a TranslationSource) into its translations, and publish them?"""
    if not user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied
    instance = source.get_source_instance()
    if not user_can_edit(user, instance):
        raise PermissionDenied
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            target = translation.get_target_instance()
        except (Page.DoesNotExist, type(instance).DoesNotExist):
            continue
        if not user_can_edit(user, target) or (publish and not user_can_publish(user, target)):
            raise PermissionDenied
