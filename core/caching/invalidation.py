"""The one receiver that keeps cached pages and fragments fresh.

Publishing, unpublishing, moving or deleting a page, and any change to a snippet (a
translatable model: topics, footer, resources, meetings...), a site, a page's privacy, a
locale, a document, an image (pages show its picture, cropped at its focal point), a search
promotion or a model that declares ``shown_on_pages`` bumps the version (``version.bump``).
``shown_on_pages`` is ``True`` (group memberships: who leads a group is shown on its page)
or a method saying whether this row is shown (a person's name, profile or organisation, when
they lead a group). Saving a page draft does not: publishing does.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import locales, version

#: Wagtail fills in a document's or an image's size or hash the first time it is asked for
#: them: the page being rendered already shows them, so that save is no reason to refresh everything.
FILE_BOOKKEEPING = {"file_size", "file_hash"}


def watched_models():
    shown = (
        Page,
        TranslatableMixin,
        Site,
        PageViewRestriction,
        Locale,
        get_document_model(),
        get_image_model(),
        SearchPromotion,
    )
    return [model for model in apps.get_models() if issubclass(model, shown) or getattr(model, "shown_on_pages", False)]


def refresh_cached_content(sender, signal, instance=None, **kwargs):
    if signal in (page_published, page_unpublished, post_page_move):
        version.bump()
        return
    deleted = signal is post_delete
    if isinstance(instance, Page):
        if instance.depth == 2:
            # A translated home page is a new root path of its site; Wagtail clears its
            # cache of root paths only when a Site changes.
            Site.clear_site_root_paths_cache()
        # A page created live (an alias made by wagtail-localize's locale synchronisation)
        # is published without the signal.
        if deleted or (kwargs.get("created") and instance.live):
            version.bump()
        return
    shown = getattr(instance, "shown_on_pages", True)
    if not deleted and callable(shown) and not shown():
        return
    update_fields = kwargs.get("update_fields")
    if deleted or not update_fields or set(update_fields) - FILE_BOOKKEEPING:
        version.bump()
    if isinstance(instance, Locale):
        locales.forget_locales()


def connect():
    """Called once, from ``HomeConfig.ready`` (every model is loaded by then)."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(refresh_cached_content, dispatch_uid="refresh_cached_content")
    for model in watched_models():
        for signal in (post_save, post_delete):
            # Django keys a receiver by its dispatch_uid and its sender: one uid serves every model.
            signal.connect(refresh_cached_content, sender=model, dispatch_uid="refresh_cached_content")
