from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, Site


@receiver(post_save)
@receiver(post_delete)
def clear_site_root_paths_on_root_translation(sender, instance, **kwargs):
    """Wagtail caches each site's root paths, one per translation of the root page,
    and clears that cache only when a Site changes. A translated home page is a new
    root path: without this, its pages have no URL until the cache expires."""
    if isinstance(instance, Page) and instance.depth == 2:
        Site.clear_site_root_paths_cache()
