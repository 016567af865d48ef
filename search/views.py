from collections import defaultdict

from django.core.paginator import Paginator
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from core.caching import fragments, locales

from .backends import parse_query
from .forms import SearchForm
from .models import UnansweredSearch
from .sources import Found, GroupLink, SearchResult, SearchScope, get_sources
from .suggestions import suggest
from .text import MAX_QUERY_LENGTH, clean_query, highlight

#: Below this many results, the page also offers the nearest words the index knows ("Did you mean …?").
FEW_RESULTS = 3


def language_name(locale):
    """The name of the results' language, as a sentence shows it (French writes language names in lower case)."""
    name = str(locale.get_display_name())
    return name.lower() if get_language().startswith("fr") else name


def highlight_words(query):
    """The words to mark in excerpts: the query's and those of the synonyms it matched."""
    parsed = parse_query(query)
    extra = {word for group in parsed.groups for alternative in group[1:] for word in alternative.words}
    return " ".join([query, *sorted(extra)])


def promotions_by_query(locale):
    """``{query string: [(page id, description)]}``: the editors' picks of pages in ``locale``, in their order.

    The same for every search in that language, so kept under the cache version (a change to a
    promotion bumps it, core/caching/invalidation.py); who may open each page is checked per request.
    """

    def read():
        picks = defaultdict(list)
        promoted = SearchPromotion.objects.filter(page__locale=locale).order_by("sort_order")
        for query_string, page_id, description in promoted.values_list("query__query_string", "page_id", "description"):
            picks[query_string].append((page_id, description))
        return dict(picks)

    return fragments.cached("search-promotions", [locale.pk], read)


class RankedResults:
    """The best results of every source, merged, counted as all that was found: what the paginator needs.

    Only the results up to the page asked for were fetched; the paginator never reads further.
    """

    def __init__(self, results, count):
        self.results = results
        self.total = count

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        return self.results[key]


class SearchView(TemplateView):
    """Pages (and, once added, other sources) of the visitor's language that they may open.

    Results from every source are merged by score; the promotions editors set for the query
    (Wagtail search promotions, limited to pages of the active language) come first.
    """

    template_name = "search/search.html"
    per_page = 10

    def get(self, request, *args, **kwargs):
        self.locale = locales.active_locale()
        self.sources = get_sources()
        self.scope = SearchScope.for_request(request, self.locale)
        form = SearchForm(request.GET or None, sources=self.sources, scope=self.scope)
        context = self.get_context_data(
            form=form,
            messages_for_visitor=[],
            status=200,
            search_query=clean_query(request.GET.get("q", ""))[0],
        )
        if form.is_bound and not form.is_valid():
            context["status"] = 400
        elif form.is_bound and form.cleaned_data["q"]:
            self.add_results(context, form)
        elif form.is_bound and request.GET.get("q", "").strip():
            # Only punctuation, markup or control characters: nothing left to look for.
            context["messages_for_visitor"].append(_("Your search had no words we could look for."))
        if form.is_bound and form.is_valid() and form.shortened:
            context["messages_for_visitor"].append(
                _("Your search was long: only its first %(count)s characters were used.") % {"count": MAX_QUERY_LENGTH}
            )
        if not context.get("results"):
            context["suggestions"] = self.get_suggestions(form)
        response = self.render_to_response(context, status=context["status"])
        if context.get("unanswered"):
            patch_cache_control(response, private=True)
        return response

    def add_results(self, context, form):
        request = self.request
        query = form.cleaned_data["q"]
        filters = form.get_filters()
        try:
            page_number = int(request.GET.get("page") or 1)
        except (TypeError, ValueError):
            page_number = 0
        promotions = self.get_promotions(query, filters)
        # Each source is asked for as many results as the pages up to this one show, no more.
        limit = max(page_number, 1) * self.per_page + len(promotions)
        found = self.search(query, filters, operator="and", limit=limit)
        searched = query
        if not found.count:
            # Nothing has every word: first the nearest words the index knows (a typo), then any of the words.
            suggestion = suggest(query, self.locale)
            if suggestion:
                corrected = self.search(suggestion, filters, operator="and", limit=limit)
                if corrected.count:
                    found, searched = corrected, suggestion
                    context["searched_instead"] = suggestion
            if not found.count and len(query.split()) > 1:
                found = self.search(query, filters, operator="or", limit=limit)
                if found.count:
                    context["messages_for_visitor"].append(
                        _("No result contains all of these words; here are results with some of them.")
                    )
            # The visitor's own words found nothing (whatever the nearest words found): editors should know.
            if (searched != query or not found.count) and not filters.types and filters.group is None:
                UnansweredSearch.record(self.locale.language_code[:2], query)
                # Each such search is counted: the page cache must not answer the next one.
                context["unanswered"] = True
        elif found.count < FEW_RESULTS:
            context["did_you_mean"] = suggest(query, self.locale)
        if context.get("did_you_mean"):
            context["did_you_mean_query"] = self.query_string(page=None, q=context["did_you_mean"])
        marked = highlight_words(searched)
        promoted_urls = {promotion.url for promotion in promotions}
        results = [result for result in found.results if result.url not in promoted_urls]
        count = found.count - (len(found.results) - len(results))

        paginator = Paginator(RankedResults(results, count), self.per_page)
        if not 1 <= page_number <= paginator.num_pages:
            context["status"] = 404
            context["bad_page"] = True
            context["first_page_query"] = self.query_string(page=None)
            return
        results_page = paginator.page(page_number)
        shown = list(results_page.object_list)
        for source in self.sources:
            source.prepare([result for result in shown if result.source == source.name], scope=self.scope)
        for result in shown:
            result.excerpt = highlight(result.text, marked)
        context.update(
            {
                "search_query": query,
                "results": shown,
                "results_page": results_page,
                "result_count": paginator.count + len(promotions),
                "language_name": language_name(self.locale),
                "promotions": promotions if page_number == 1 else [],
                "previous_query": self.query_string(page=results_page.previous_page_number())
                if results_page.has_previous()
                else None,
                "next_query": self.query_string(page=results_page.next_page_number())
                if results_page.has_next()
                else None,
            }
        )

    def search(self, query, filters, operator, limit):
        """Every source's best results merged, best first, with the number found in all."""
        results, count = [], 0
        for source in self.sources:
            found = source.search(query, scope=self.scope, filters=filters, operator=operator, limit=limit)
            results.extend(found.results)
            count += found.count
        # Stable sort: equal scores keep each source's own order.
        results.sort(key=lambda result: result.score, reverse=True)
        return Found(results[:limit], count)

    def get_promotions(self, query, filters):
        """Editors' picks for this exact query, pages of the active language the visitor may open."""
        if filters.types or filters.group is not None:
            return []
        picks = promotions_by_query(self.locale).get(normalise_query_string(query)[:255], [])
        if not picks:
            return []
        # The same privacy rules as the results: a promotion never reveals a page the visitor cannot open.
        pages = {
            page.pk: page for page in self.scope.pages().filter(pk__in=[page_id for page_id, _text in picks]).specific()
        }
        promotions = []
        for page_id, description in picks:
            page = pages.get(page_id)
            if page is None:
                continue
            promotions.append(
                SearchResult(
                    title=page.title,
                    url=page.get_url(self.request) or "",
                    type_label=str(page._meta.verbose_name).capitalize(),
                    score=0.0,
                    object=page,
                    text=description or getattr(page, "introduction", ""),
                    source="promotion",
                )
            )
        for promotion in promotions:
            promotion.excerpt = highlight(promotion.text, query)
        return promotions

    def get_suggestions(self, form):
        """Working groups of the visitor's language, to start from when a search found nothing."""
        groups = getattr(form, "groups", {})
        return [GroupLink(page.title, page.get_url(self.request) or "") for page in groups.values()]

    def query_string(self, page, q=None):
        params = self.request.GET.copy()
        params.pop("page", None)
        if q is not None:
            params["q"] = q
        if page is not None:
            params["page"] = page
        return params.urlencode()
