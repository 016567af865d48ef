from datetime import timedelta

from django.conf import settings
from django.db.models import Max, Sum
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import Synonym, UnansweredSearch

#: The unanswered searches report looks this many days back.
REPORT_DAYS = 30
#: And lists at most this many searches per language.
REPORT_ROWS = 100


class SynonymCreateView(CreateView):
    def get_initial_form_instance(self):
        # The report of unanswered searches links here with the search's language and words.
        language = self.request.GET.get("language", "")
        return Synonym(
            language=language if language in dict(settings.LANGUAGES) else "",
            terms=self.request.GET.get("terms", "")[:200],
        )


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    add_view_class = SynonymCreateView
    list_display = ["terms", "language"]
    list_filter = ["language"]
    search_fields = None
    ordering = ["language", "terms"]


register_snippet(SynonymViewSet)


def may_fix_searches(user):
    return ModelPermissionPolicy(Synonym).user_has_any_permission(user, ["add", "change"])


class UnansweredSearchesView(WagtailAdminTemplateMixin, TemplateView):
    """Per language, the searches of the last 30 days that found nothing, most frequent first."""

    template_name = "search/admin/unanswered_searches.html"
    page_title = _("Searches that found nothing")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not may_fix_searches(request.user):
            from wagtail.admin.auth import permission_denied

            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        since = timezone.localdate() - timedelta(days=REPORT_DAYS - 1)
        add_synonym = reverse("wagtailsnippets_site_search_synonym:add")
        add_promotion = reverse("wagtailsearchpromotions:add")
        languages = []
        for code, name in settings.LANGUAGES:
            rows = (
                UnansweredSearch.objects.filter(language=code, day__gte=since)
                .values("query")
                .annotate(total=Sum("count"), last=Max("day"))
                .order_by("-total", "query")[:REPORT_ROWS]
            )
            searches = [
                {
                    **row,
                    "synonym_url": f"{add_synonym}?{urlencode({'language': code, 'terms': row['query']})}",
                    "promotion_url": add_promotion,
                }
                for row in rows
            ]
            languages.append({"code": code, "name": name, "searches": searches})
        context.update(languages=languages, days=REPORT_DAYS)
        return context


@hooks.register("register_admin_urls")
def register_unanswered_searches_urls():
    return [path("reports/unanswered-searches/", UnansweredSearchesView.as_view(), name="search_unanswered_report")]


class UnansweredSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_fix_searches(request.user)


@hooks.register("register_reports_menu_item")
def register_unanswered_searches_menu_item():
    return UnansweredSearchesMenuItem(
        _("Searches that found nothing"),
        reverse("search_unanswered_report"),
        name="unanswered-searches",
        icon_name="search",
        order=810,
    )
