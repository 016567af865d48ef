"""Where the site search looks.

A *search source* returns scored :class:`SearchResult` items for ``(query, locale, request)``
and the filters the visitor chose. The view asks every source named in
``settings.SITE_SEARCH_SOURCES``, merges the results by score and paginates them; only the
results on the page being shown are then ``prepare``-d (excerpt text, group), in a fixed
number of queries whatever the number of results.

To add a source (the resource library, for instance), subclass :class:`SearchSource`:
``type_choices`` names what it can return (for the "type" filter), ``search`` returns results
the visitor may open — ``Resource.objects.visible_to(request.user)`` there — and ``prepare``
fills ``text`` and ``group`` for one page of results.
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils.functional import cached_property
from django.utils.module_loading import import_string

from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search import index

from workinggroups.models import WorkingGroupPage

from .text import html_to_text

# Each source returns at most this many results: plenty for people paging through a small site,
# and a bound on the work one request can cause.
MAX_RESULTS_PER_SOURCE = 200


@dataclass
class SearchResult:
    title: str
    url: str
    type_label: str
    score: float
    object: Any = None
    #: Plain text the excerpt is cut from; filled by ``SearchSource.prepare``.
    text: str = ""
    #: The working group the result belongs to (an object with ``title`` and ``url``), if any.
    group: Any = None
    source: str = ""
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SearchFilters:
    #: Type values (``"app_label.model"``) the visitor chose; empty means every type.
    types: frozenset = frozenset()
    #: A live WorkingGroupPage of the active locale, or None.
    group: Any = None


@dataclass(frozen=True)
class GroupLink:
    title: str
    url: str


def visible_pages(request, locale):
    """Live pages of ``locale`` that this request may open.

    ``PageQuerySet.public()`` would drop every view-restricted page, even for a member allowed
    in; here each restriction is checked against the request (login, groups, password), and
    only the sections the visitor cannot open are excluded, with their descendants.
    """
    pages = Page.objects.live().filter(locale=locale).exclude(depth=1)
    # The form and the search both ask: read the restrictions once per request.
    restrictions = getattr(request, "_search_view_restrictions", None)
    if restrictions is None:
        restrictions = list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))
        if request is not None:
            request._search_view_restrictions = restrictions
    for restriction in restrictions:
        if not restriction.accept_request(request):
            pages = pages.not_descendant_of(restriction.page, inclusive=True)
    return pages


def run_search(queryset, query, operator):
    """Search ``queryset`` and return ``[(object, score)]``; odd input never reaches the user as a 500.

    The query is already reduced to words by the form. The savepoint keeps a backend error
    (an FTS syntax corner case) from breaking the surrounding transaction.
    """
    try:
        with transaction.atomic():
            results = queryset.search(query, operator=operator).annotate_score("_score")
            return [(obj, obj._score or 0.0) for obj in results[:MAX_RESULTS_PER_SOURCE]]
    except DatabaseError:
        return []


class SearchSource:
    #: Short name, stored on each result as ``source``.
    name = ""

    def type_choices(self):
        """``[(value, label)]`` of the kinds of result this source returns."""
        return []

    def search(self, query, *, locale, request, filters, operator="and"):
        """Return a list of :class:`SearchResult` for the visitor."""
        raise NotImplementedError

    def prepare(self, results, *, request):
        """Fill ``text`` and ``group`` of ``results`` (one page of results, from this source)."""


class PageSearchSource(SearchSource):
    name = "pages"

    @cached_property
    def page_models(self):
        models = [model for model in get_page_models() if model is not Page and model.is_creatable]
        return [model for model in models if issubclass(model, index.Indexed)]

    def type_choices(self):
        return [(model._meta.label_lower, str(model._meta.verbose_name).capitalize()) for model in self.page_models]

    def search(self, query, *, locale, request, filters, operator="and"):
        own_types = {value for value, _label in self.type_choices()}
        pages = visible_pages(request, locale)
        if filters.types:
            wanted = filters.types & own_types
            if not wanted:
                return []
            models = [model for model in self.page_models if model._meta.label_lower in wanted]
            pages = pages.type(*models)
        if filters.group is not None:
            pages = pages.descendant_of(filters.group, inclusive=True)
        pages = pages.select_related("content_type")
        results = []
        for page, score in run_search(pages, query, operator):
            if page.alias_of_id:
                # A synchronised alias carries the source language's text: not this language's page.
                continue
            model = page.specific_class or Page
            results.append(
                SearchResult(
                    title=page.title,
                    url=page.get_url(request) or "",
                    type_label=str(model._meta.verbose_name).capitalize(),
                    score=score,
                    object=page,
                    source=self.name,
                )
            )
        return results

    def prepare(self, results, *, request):
        if not results:
            return
        pages = {page.pk: page for page in Page.objects.filter(pk__in=[r.object.pk for r in results]).specific()}
        groups = self.groups_for(results, request)
        for result in results:
            page = pages.get(result.object.pk)
            result.text = page_text(page) if page is not None else ""
            result.group = groups.get(result.object.pk)

    def groups_for(self, results, request):
        """The nearest working-group ancestor of each result, in one query."""
        steplen = Page.steplen
        ancestor_paths = {
            result.object.path[:length]
            for result in results
            for length in range(steplen, len(result.object.path), steplen)
        }
        if not ancestor_paths:
            return {}
        group_pages = {page.path: page for page in WorkingGroupPage.objects.live().filter(path__in=ancestor_paths)}
        groups = {}
        for result in results:
            path = result.object.path
            # Walk up from the parent: the first group found is the nearest one.
            for length in range(len(path) - steplen, 0, -steplen):
                group = group_pages.get(path[:length])
                if group is not None:
                    groups[result.object.pk] = GroupLink(group.title, group.get_url(request) or "")
                    break
        return groups


def page_text(page):
    """The readable text of a page's searchable fields (title excluded), for the excerpt."""
    parts = [page.search_description or ""]
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        name = search_field.field_name
        value = getattr(page, name, None)
        if value in (None, ""):
            continue
        try:
            model_field = page._meta.get_field(name)
        except Exception:  # noqa: BLE001 - a search field may be a method or property, not a model field.
            model_field = None
        if model_field is not None and hasattr(model_field, "get_searchable_content"):
            parts.extend(str(part) for part in model_field.get_searchable_content(value))
        elif not callable(value):
            parts.append(str(value))
    return html_to_text(" ".join(parts))


def get_sources():
    return [import_string(path)() for path in settings.SITE_SEARCH_SOURCES]
