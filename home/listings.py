"""What the home page's listing blocks (working groups, achievements, meetings, resources) share:
which pages they list, and the context their templates receive. Each app's tag does its own query.
"""

from dataclasses import dataclass

from django.db.models import Q

from wagtail.models import Page

from core.caching import locales

from .visibility import unlisted_pages_q


@dataclass(frozen=True)
class ListingScope:
    """The pages a home-page block lists: those of ``home`` (the home page being rendered), or,
    in a block's preview in the admin (no home page), those of the active language."""

    home: Page | None
    locale_id: int
    unlisted: Q  # the pages to leave out (view restrictions, untranslated aliases)

    def within(self, queryset):
        """``queryset`` (pages) narrowed to this home page's tree, or to the language in a preview."""
        if self.home is not None:
            return queryset.descendant_of(self.home)
        return queryset.filter(locale_id=self.locale_id)


def listing_scope(context):
    """The listing scope of the page in the template ``context``.

    The home page reads its view restrictions once for all its blocks (``unlisted_q``)."""
    page = context.get("page")
    if isinstance(page, Page) and page.pk and page.depth:
        return ListingScope(page, page.locale_id, getattr(page, "unlisted_q", None) or unlisted_pages_q())
    return ListingScope(None, locales.active_locale().pk, unlisted_pages_q())


def block_context(context, value, **items):
    """The context of a listing block's template: the block's value and id, the request, and ``items``."""
    return {"request": context.get("request"), "value": value, "block_id": context.get("block_id"), **items}
