"""Finding resources by their words: the library's text box and the site search ask the same backend.

Each language's resources are searched with that language's rules (PostgreSQL stems French and
English apart): a French resource listed in the English library is found by the words it is
written in, from either language's library and site search. Accents never matter.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from core.caching import locales
from search.sources import (
    MAX_RESULTS_PER_SOURCE,
    Found,
    GroupLink,
    SearchResult,
    SearchSource,
    matching_ids,
    run_search,
)
from search.text import html_to_text

from .models import Resource, ResourceWorkingGroup


def listed_locales(locale):
    """The locales whose resources the library lists in ``locale`` (see ``ResourceQuerySet.for_locale``)."""
    return list({locale.pk: locale, locales.default_locale().pk: locales.default_locale()}.values())


def _in_language(resources, locale):
    # Relations and translation keys are not search filter fields: narrow by ids first.
    return Resource.objects.filter(pk__in=resources.filter(locale=locale).values("pk"))


def search_resources(resources, query, *, locale, operator="and", limit=MAX_RESULTS_PER_SOURCE):
    """The ``limit`` best ``[(resource, score)]`` of ``resources`` as listed in ``locale``, and the count."""
    matches, count = [], 0
    for each in listed_locales(locale):
        with translation.override(each.language_code):
            found, found_count = run_search(_in_language(resources, each), query, operator, limit)
        matches.extend(found)
        count += found_count
    matches.sort(key=lambda match: match[1], reverse=True)
    return matches[:limit], min(count, MAX_RESULTS_PER_SOURCE)


def filter_by_text(resources, query):
    """``resources`` (of any language) narrowed to those matching every word of ``query``, in their own order."""
    ids = []
    for code, _name in settings.LANGUAGES:
        try:
            each = locales.locale_for_language(code)
        except Locale.DoesNotExist:
            continue
        with translation.override(each.language_code):
            ids.extend(matching_ids(_in_language(resources, each), query))
    return resources.filter(pk__in=ids)


class ResourceSearchSource(SearchSource):
    """Resources the library lists in the visitor's language, whose file the visitor may have.

    Members-only resources are listed in the library with a lock, but search results
    name only what the visitor can open: approved members and staff find them,
    anonymous and pending visitors do not.
    """

    name = "resources"
    type_value = "resources.resource"

    def type_choices(self):
        return [(self.type_value, _("Resource"))]

    def search(self, query, *, scope, filters, operator="and", limit=MAX_RESULTS_PER_SOURCE):
        if filters.types and self.type_value not in filters.types:
            return Found([], 0)
        resources = Resource.objects.downloadable_by(scope.request.user).for_locale(scope.locale)
        if filters.group is not None:
            linked = ResourceWorkingGroup.objects.filter(group__translation_key=filters.group.translation_key)
            resources = resources.filter(translation_key__in=linked.values("resource__translation_key"))
        matches, count = search_resources(resources, query, locale=scope.locale, operator=operator, limit=limit)
        results = [
            SearchResult(
                title=resource.title,
                url=resource.get_url(),
                type_label=str(_("Resource")),
                score=score,
                object=resource,
                source=self.name,
            )
            for resource, score in matches
        ]
        return Found(results, count)

    def prepare(self, results, *, scope):
        if not results:
            return
        keys = {result.object.translation_key for result in results}
        links = ResourceWorkingGroup.objects.filter(resource__translation_key__in=keys).values_list(
            "resource__translation_key", "group__translation_key"
        )
        group_key_of = {}
        for resource_key, group_key in links:
            group_key_of.setdefault(resource_key, group_key)
        # The visitor's language: a French resource listed in English shows its group's English title.
        groups = {page.translation_key: page for page in scope.working_groups}
        for result in results:
            resource = result.object
            result.text = html_to_text(resource.description or "")
            group = groups.get(group_key_of.get(resource.translation_key))
            if group is not None:
                result.group = GroupLink(group.title, group.get_url(scope.request) or "")
