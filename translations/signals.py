from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail_localize.models import LocaleSynchronization, StringTranslation, sync_trees_on_locale_sync_save

from . import privacy, slugs, workflow


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def mirror_privacy_on_change(sender, instance, origin=None, **kwargs):
    if isinstance(origin, Page) or (isinstance(origin, QuerySet) and issubclass(origin.model, Page)):
        # Deleting a page cascades to its restrictions: that is not a change of privacy,
        # and mirroring it would strip the translations' restrictions.
        return
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        # The page itself is being deleted, taking its restrictions with it.
        return
    privacy.sync_translation_group(page)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def mirror_privacy_on_groups_change(sender, instance, action, reverse, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and not reverse:
        privacy.sync_translation_group(instance.page)


@receiver(post_save)
def on_page_created(sender, instance, created, raw=False, **kwargs):
    if not created or raw or not isinstance(instance, Page):
        return
    # A new translation (or synchronised alias) takes its source's privacy at once.
    if Page.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk).exists():
        privacy.sync_new_page(instance)
    # Each language's home page gets the review workflow, whoever creates it.
    if instance.depth == 2:
        workflow.assign_review_workflow(instance)


@receiver(post_save, sender=StringTranslation)
def slug_from_translated_title(sender, instance, raw=False, **kwargs):
    if not raw:
        slugs.translate_slug_from_title(instance)


def _sync_trees_unless_raw(sender, instance, raw=False, **kwargs):
    """wagtail-localize's receiver, skipping raw saves (fixture loads, restores).

    Its own receiver ignores ``raw`` and reads ``sync_from`` while loaddata or a
    serialized rollback is still re-creating the locales, and fails. A raw save
    is a copy of existing data, not an editor's change: no tree sync then.
    """
    if not raw:
        sync_trees_on_locale_sync_save(instance=instance, **kwargs)


post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
post_save.connect(_sync_trees_unless_raw, sender=LocaleSynchronization, dispatch_uid="translations_sync_trees")
