from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import lookups, page_cache


@receiver(post_save)
@receiver(post_delete)
def clear_site_root_paths_on_root_translation(sender, instance, **kwargs):
    """Wagtail caches each site's root paths, one per translation of the root page,
    and clears that cache only when a Site changes. A translated home page is a new
    root path: without this, its pages have no URL until the cache expires."""
    if isinstance(instance, Page) and instance.depth == 2:
        Site.clear_site_root_paths_cache()


page_published.connect(page_cache.invalidate_all, dispatch_uid="page_cache_published")
page_unpublished.connect(page_cache.invalidate_all, dispatch_uid="page_cache_unpublished")
post_page_move.connect(page_cache.invalidate_all, dispatch_uid="page_cache_moved")
# Moves change the paths the cached view restrictions are matched by (home/lookups.py).
post_page_move.connect(lookups.forget_restrictions, dispatch_uid="lookups_restrictions_moved")


@receiver(post_save)
@receiver(post_delete)
def invalidate_page_cache(sender, instance, **kwargs):
    """Deleted pages, snippets (topics, footer, resources...), sites and page privacy
    all show on cached pages, and documents on resource cards. Saving a page draft does
    not: publishing does. A page created live (an alias made by wagtail-localize's
    locale synchronisation) is published without the signal, so it counts too."""
    if isinstance(instance, Page):
        if kwargs.get("signal") is post_delete or kwargs.get("created"):
            # A new page may be an alias, which takes its source's view restrictions.
            lookups.forget_restrictions()
        if kwargs.get("signal") is post_delete or (kwargs.get("created") and instance.live):
            page_cache.invalidate_all()
    elif isinstance(instance, TranslatableMixin | Site | PageViewRestriction | Locale | get_document_model()):
        # Wagtail fills in a document's size or hash the first time it is asked for them: the page
        # being rendered already shows them, so that save is no reason to empty the cache.
        update_fields = kwargs.get("update_fields")
        if not update_fields or set(update_fields) - {"file_size", "file_hash"}:
            page_cache.invalidate_all()
    if isinstance(instance, Locale):
        lookups.forget_locales()
    if isinstance(instance, PageViewRestriction):
        lookups.forget_restrictions()
