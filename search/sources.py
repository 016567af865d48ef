"""Where the site search looks.

A *search source* returns scored :class:`SearchResult` items for ``(query, locale, request)``
and the filters the visitor chose. The view asks every source named in
``settings.SITE_SEARCH_SOURCES``, merges the results by score and paginates them; only the
results on the page being shown are then ``prepare``-d (excerpt text, group), in a fixed
number of queries whatever the number of results; each result's group comes from the
scope's ``working_groups``, read once a request.

To add a source (the resource library, for instance), subclass :class:`SearchSource`:
``type_choices`` names what it can return (for the "type" filter), ``search`` returns results
the visitor may open — ``Resource.objects.visible_to(request.user)`` there — and ``prepare``
fills ``text`` and ``group`` for one page of results.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils.functional import cached_property
from django.utils.module_loading import import_string

from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search import index

from workinggroups.models import WorkingGroupPage
from workinggroups.models.listings import LINK_FIELDS

from .backends import matching_pks, ranked_matches
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


@dataclass(frozen=True)
class SearchScope:
    """Who searches, in which language: made once per request by the view, handed to the form and the sources."""

    request: Any
    locale: Any
    #: Sections (pages with their descendants) whose view restriction this request does not pass.
    closed_sections: tuple = ()

    @classmethod
    def for_request(cls, request, locale):
        """Each view restriction checked against the request (login, groups, password), in one query.

        ``PageQuerySet.public()`` would drop every view-restricted page, even for a member allowed
        in; here only the sections the visitor cannot open are left out.
        """
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        closed = tuple(restriction.page for restriction in restrictions if not restriction.accept_request(request))
        return cls(request=request, locale=locale, closed_sections=closed)

    def pages(self):
        """Live pages of the locale that this request may open."""
        pages = Page.objects.live().filter(locale=self.locale).exclude(depth=1)
        if self.closed_sections:
            # One condition for all the sections: a chain of excludes copies the query each time.
            closed = reduce(or_, (pages.descendant_of_q(section, inclusive=True) for section in self.closed_sections))
            pages = pages.exclude(closed)
        return pages

    @cached_property
    def working_groups(self):
        """The working groups of the locale this request may open, by title: the group filter's
        choices and every result's group, read once (what a link needs, and the key of translations)."""
        return list(self.pages().type(WorkingGroupPage).only(*LINK_FIELDS, "translation_key").order_by("title"))


@dataclass
class Found:
    """What one source found: its best ``results`` (best first) and how many it found in all."""

    results: list
    count: int


def run_search(queryset, query, operator, limit):
    """The ``limit`` best matches of ``queryset`` as ``[(object, score)]``, and how many matched.

    Higher scores are better. The count stops at MAX_RESULTS_PER_SOURCE. The query is already
    reduced to words by the form; the savepoint keeps a backend error (an FTS syntax corner case)
    from breaking the surrounding transaction, and odd input never reaches the user as a 500.
    """
    limit = min(limit, MAX_RESULTS_PER_SOURCE)
    try:
        with transaction.atomic():
            return ranked_matches(queryset, query, operator, limit, most=MAX_RESULTS_PER_SOURCE)
    except DatabaseError:
        return [], 0


def matching_ids(queryset, query, operator="and"):
    """The primary keys of every object of ``queryset`` that matches ``query``, in no particular order."""
    try:
        with transaction.atomic():
            return matching_pks(queryset, query, operator)
    except DatabaseError:
        return []


class SearchSource:
    #: Short name, stored on each result as ``source``.
    name = ""

    def type_choices(self):
        """``[(value, label)]`` of the kinds of result this source returns."""
        return []

    def search(self, query, *, scope, filters, operator="and", limit=MAX_RESULTS_PER_SOURCE):
        """Return :class:`Found`: the ``limit`` best :class:`SearchResult` for ``scope``, and the count."""
        raise NotImplementedError

    def prepare(self, results, *, scope):
        """Fill ``text`` and ``group`` of ``results`` (one page of results, from this source)."""


class PageSearchSource(SearchSource):
    name = "pages"

    @cached_property
    def page_models(self):
        models = [model for model in get_page_models() if model is not Page and model.is_creatable]
        return [model for model in models if issubclass(model, index.Indexed)]

    def type_choices(self):
        return [(model._meta.label_lower, str(model._meta.verbose_name).capitalize()) for model in self.page_models]

    def search(self, query, *, scope, filters, operator="and", limit=MAX_RESULTS_PER_SOURCE):
        own_types = {value for value, _label in self.type_choices()}
        # A synchronised alias carries the source language's text: not this language's page.
        pages = scope.pages().exclude(pk__in=Page.objects.filter(alias_of__isnull=False).values("pk"))
        if filters.types:
            wanted = filters.types & own_types
            if not wanted:
                return Found([], 0)
            models = [model for model in self.page_models if model._meta.label_lower in wanted]
            pages = pages.type(*models)
        if filters.group is not None:
            pages = pages.descendant_of(filters.group, inclusive=True)
        matches, count = run_search(pages.select_related("content_type"), query, operator, limit)
        results = []
        for page, score in matches:
            model = page.specific_class or Page
            results.append(
                SearchResult(
                    title=page.title,
                    url=page.get_url(scope.request) or "",
                    type_label=str(model._meta.verbose_name).capitalize(),
                    score=score,
                    object=page,
                    source=self.name,
                )
            )
        return Found(results, count)

    def prepare(self, results, *, scope):
        if not results:
            return
        pages = self.specific_pages([result.object for result in results])
        groups = self.groups_for(results, scope)
        for result in results:
            page = pages.get(result.object.pk)
            result.text = page_text(page) if page is not None else ""
            result.group = groups.get(result.object.pk)

    def specific_pages(self, pages):
        """``{pk: specific page}``, one query per kind of page: the search already read each page's type."""
        ids_by_model = defaultdict(list)
        for page in pages:
            ids_by_model[page.specific_class or Page].append(page.pk)
        specific = {}
        for model, ids in ids_by_model.items():
            specific.update(model.objects.in_bulk(ids))
        return specific

    def groups_for(self, results, scope):
        """The nearest working-group ancestor of each result, among the groups the visitor may open."""
        group_pages = {page.path: page for page in scope.working_groups}
        steplen = Page.steplen
        groups = {}
        for result in results:
            path = result.object.path
            # Walk up from the parent: the first group found is the nearest one.
            for length in range(len(path) - steplen, 0, -steplen):
                group = group_pages.get(path[:length])
                if group is not None:
                    groups[result.object.pk] = GroupLink(group.title, group.get_url(scope.request) or "")
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
