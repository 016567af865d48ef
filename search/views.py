from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.views.generic import TemplateView

from wagtail.models import Locale, Page
from wagtail.search.utils import parse_query_string

MAX_QUERY_LENGTH = 200


class SearchView(TemplateView):
    """Pages of the visitor's language that anyone may read, matching the query."""

    template_name = "search/search.html"
    per_page = 10

    def get_query(self):
        # NUL bytes and very long input are trimmed rather than refused: the page still answers.
        query = self.request.GET.get("q", "").replace("\x00", "").strip()
        return query[:MAX_QUERY_LENGTH]

    def get_results(self, query):
        if not query:
            return Page.objects.none()
        filters, parsed = parse_query_string(query, operator="and")
        return Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(parsed, operator="and")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.get_query()
        paginator = Paginator(self.get_results(query), self.per_page)
        try:
            results = paginator.page(self.request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
        context.update({"search_query": query, "results": results})
        return context
