"""The working groups' blocks of the home page, each in a fixed number of queries.

Each tag lists the pages of the home page being rendered (``home.listings``), or those of
the active language in a block's preview in the admin.
"""

from django import template
from django.db.models import Prefetch

from wagtail.images import get_image_model

from home.listings import block_context, listing_scope
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


def with_card_images(pages):
    """``pages`` with each one's image and that image's renditions, in one more query."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return pages.select_related("image").prefetch_related(Prefetch("image__renditions", queryset=renditions))


@register.inclusion_tag("workinggroups/includes/home_working_groups.html", takes_context=True)
def home_working_groups(context, value):
    """The live, listed groups with their picture and topics; the index for its link. Four queries."""
    scope = listing_scope(context)
    index = scope.within(WorkingGroupIndexPage.objects.live().exclude(scope.unlisted)).only(*LINK_FIELDS).first()
    groups = []
    if index is not None:
        groups = attach_topic_links(
            list(
                with_card_images(WorkingGroupPage.objects.child_of(index).live().exclude(scope.unlisted))
                .only(*CARD_FIELDS, *CARD_IMAGE_FIELDS)
                .order_by("path")
            ),
            WorkingGroupTopic,
        )
    return block_context(context, value, index=index, groups=groups)


@register.inclusion_tag("workinggroups/includes/home_latest_achievements.html", takes_context=True)
def home_latest_achievements(context, value):
    scope = listing_scope(context)
    achievements = list(
        scope.within(AchievementPage.objects.live().exclude(scope.unlisted))
        .only(*ACHIEVEMENT_CARD_FIELDS)
        .order_by(*achievement_ordering())[: value.get("count") or 3]
    )
    return block_context(context, value, achievements=achievements)
