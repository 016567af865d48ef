"""The working groups' blocks of the home page, each in a fixed number of queries.

Each tag reads the page being rendered from the context: the home page of one language,
whose ``unlisted_q`` is read once for all its blocks. Without one (a block's preview in
the admin), the pages of the active language are listed.
"""

from django import template
from django.db.models import Prefetch

from wagtail.images import get_image_model
from wagtail.models import Page

from core.caching import locales
from home.visibility import unlisted_pages_q
from workinggroups.models import (
    ACHIEVEMENT_CARD_FIELDS,
    CARD_FIELDS,
    LINK_FIELDS,
    AchievementPage,
    WorkingGroupIndexPage,
    WorkingGroupPage,
    WorkingGroupTopic,
    achievement_ordering,
    attach_topic_links,
)

register = template.Library()

#: Card pictures: the columns a <picture> reads, and every rendition of those images in one query.
CARD_IMAGE_FIELDS = ("image_alt", "image__id", "image__file", "image__width", "image__height", "image__title")


def _listing_scope(context):
    """(the home page or None, the pages to leave out, a filter for the pages under that home)."""
    page = context.get("page")
    if isinstance(page, Page) and page.pk and page.depth:
        unlisted = getattr(page, "unlisted_q", None) or unlisted_pages_q()
        return unlisted, lambda queryset: queryset.descendant_of(page)
    locale = locales.active_locale()
    return unlisted_pages_q(), lambda queryset: queryset.filter(locale=locale)


def _block_context(context, value, **items):
    return {"request": context.get("request"), "value": value, "block_id": context.get("block_id"), **items}


def with_card_images(pages):
    """``pages`` with each one's image and that image's renditions, in one more query."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return pages.select_related("image").prefetch_related(Prefetch("image__renditions", queryset=renditions))


@register.inclusion_tag("workinggroups/includes/home_working_groups.html", takes_context=True)
def home_working_groups(context, value):
    """The live, listed groups with their picture and topics; the index for its link. Four queries."""
    unlisted, under_home = _listing_scope(context)
    index = under_home(WorkingGroupIndexPage.objects.live().exclude(unlisted)).only(*LINK_FIELDS).first()
    groups = []
    if index is not None:
        groups = attach_topic_links(
            list(
                with_card_images(WorkingGroupPage.objects.child_of(index).live().exclude(unlisted))
                .only(*CARD_FIELDS, *CARD_IMAGE_FIELDS)
                .order_by("path")
            ),
            WorkingGroupTopic,
        )
    return _block_context(context, value, index=index, groups=groups)


@register.inclusion_tag("workinggroups/includes/home_latest_achievements.html", takes_context=True)
def home_latest_achievements(context, value):
    unlisted, under_home = _listing_scope(context)
    achievements = list(
        under_home(AchievementPage.objects.live().exclude(unlisted))
        .only(*ACHIEVEMENT_CARD_FIELDS)
        .order_by(*achievement_ordering())[: value.get("count") or 3]
    )
    return _block_context(context, value, achievements=achievements)
