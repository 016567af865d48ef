"""The resource library as a source of the site search (see search/sources.py)."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from search.sources import GroupLink, SearchResult, SearchSource, run_search
from search.text import html_to_text

from .models import Resource, ResourceWorkingGroup


class ResourceSearchSource(SearchSource):
    """Resources of the visitor's language whose file the visitor may have.

    Members-only resources are listed in the library with a lock, but search results
    name only what the visitor can open: approved members and staff find them,
    anonymous and pending visitors do not.
    """

    name = "resources"
    type_value = "resources.resource"

    def type_choices(self):
        return [(self.type_value, _("Resource"))]

    def search(self, query, *, locale, request, filters, operator="and"):
        if filters.types and self.type_value not in filters.types:
            return []
        resources = Resource.objects.downloadable_by(request.user).filter(locale=locale)
        if filters.group is not None:
            # Relations are not search filter fields: narrow by ids first.
            linked = ResourceWorkingGroup.objects.filter(
                group__translation_key=filters.group.translation_key
            ).values_list("resource__translation_key", flat=True)
            ids = list(resources.filter(translation_key__in=linked).values_list("pk", flat=True))
            resources = resources.filter(pk__in=ids)
        return [
            SearchResult(
                title=resource.title,
                url=resource.get_url(),
                type_label=str(_("Resource")),
                score=score,
                object=resource,
                source=self.name,
            )
            for resource, score in run_search(resources, query, operator)
        ]

    def prepare(self, results, *, request):
        if not results:
            return
        keys = {result.object.translation_key for result in results}
        links = ResourceWorkingGroup.objects.filter(resource__translation_key__in=keys).values_list(
            "resource__translation_key", "group__translation_key"
        )
        group_key_of = {}
        for resource_key, group_key in links:
            group_key_of.setdefault(resource_key, group_key)
        locale_id = results[0].object.locale_id
        groups = {
            page.translation_key: page
            for page in Page.objects.live().filter(translation_key__in=set(group_key_of.values()), locale_id=locale_id)
        }
        for result in results:
            resource = result.object
            result.text = html_to_text(resource.description or "")
            group = groups.get(group_key_of.get(resource.translation_key))
            if group is not None:
                result.group = GroupLink(group.title, group.get_url(request) or "")
