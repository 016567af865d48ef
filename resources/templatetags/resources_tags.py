"""Resource listings for pages: a group's newest resources (its page, the members dashboard)
and the home page's newest public ones."""

from django import template

from wagtail.models import Page

from core.caching import locales
from home.listings import block_context
from resources.models import Resource, ResourceWorkingGroup
from resources.views import decorate

register = template.Library()


@register.inclusion_tag("resources/includes/group_resources.html", takes_context=True)
def group_resources(context, groups, limit=5):
    """The newest resources of ``groups`` (a group page in any language, or several) this visitor may see.

    Resources link groups by their default-language page, so a group's translation
    is matched through its translation key. A fixed number of queries.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if isinstance(groups, Page):
        groups = [groups]
    keys = [group.translation_key for group in groups or [] if group is not None]
    locale = locales.active_locale()
    resources = []
    if keys:
        links = ResourceWorkingGroup.objects.filter(
            group__translation_key__in=keys, group__locale=locales.default_locale()
        ).values("resource_id")
        queryset = (
            Resource.objects.visible_to(user)
            .for_locale(locale)
            .filter(pk__in=links)
            .for_listing()
            .order_by("-date", "title")[: int(limit)]
        )
        resources = decorate(queryset, user, locale)
    return {"resources": resources, "request": request}


@register.inclusion_tag("resources/includes/home_latest_resources.html", takes_context=True)
def home_latest_resources(context, value):
    """The newest resources open to everyone, in the reader's language where translated. One query.

    Public ones only, whoever reads: the home page is the same for every visitor (and cached so).
    """
    resources = list(
        Resource.objects.downloadable_by(None)
        .for_locale(locales.active_locale())
        .select_related("locale")
        .order_by("-date", "title", "pk")[: value.get("count") or 3]
    )
    return block_context(context, value, resources=resources)
