from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache


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


@receiver(post_save)
@receiver(post_delete)
def invalidate_page_cache(sender, instance, **kwargs):
    """Deleted pages, snippets (topics, footer, resources...), sites and page privacy
    all show on cached pages. Saving a page draft does not: publishing does."""
    if isinstance(instance, Page):
        if kwargs.get("signal") is post_delete:
            page_cache.invalidate_all()
    elif isinstance(instance, TranslatableMixin | Site | PageViewRestriction):
        page_cache.invalidate_all()
