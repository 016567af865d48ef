"""``{% group_resources group limit=5 %}``: a group's newest resources, for its page and the members dashboard."""

from django import template

from wagtail.models import Page

from core.caching import locales
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
