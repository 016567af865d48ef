"""Admin for the library (resources with the public filters, downloads per month) and the access check on files."""

import django_filters

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from members.views.area import why_not_approved

from . import access
from .filters import ResourceAdminFilter
from .models import Resource, ResourceDownloadMonth


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "doc-full-inverse"
    menu_label = _("Resources")
    menu_name = "resources"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = ResourceAdminFilter
    list_display = ["title", "kind", "audience", "file_language", "date", "download_count"]
    list_export = ["title", "slug", "kind", "audience", "file_language", "date", "download_count", "live"]
    export_filename = "resources"
    search_fields = ["title", "description"]
    ordering = ["-date", "title"]


register_snippet(ResourceViewSet)


class DownloadsFilterSet(WagtailFilterSet):
    month = django_filters.DateFromToRangeFilter(label=_("Month"), field_name="month")
    resource__kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Resource.Kind.choices)
    resource__audience = django_filters.ChoiceFilter(label=_("Audience"), choices=Resource.Audience.choices)

    class Meta:
        model = ResourceDownloadMonth
        fields = []


class DownloadsReportView(ReportView):
    """How often each resource (each language version) was downloaded, month by month."""

    page_title = _("Resource downloads per month")
    header_icon = "download"
    index_url_name = "resources_downloads_report"
    index_results_url_name = "resources_downloads_report_results"
    filterset_class = DownloadsFilterSet
    any_permission_required = ["add", "change", "publish"]
    columns = [
        Column("resource", label=_("Resource")),
        Column("language", label=_("Language"), accessor="resource.locale.language_code"),
        DateColumn("month", label=_("Month")),
        Column("count", label=_("Downloads")),
    ]
    list_export = ["resource", "resource.locale.language_code", "month", "count"]
    export_headings = {"resource.locale.language_code": _("Language"), "count": _("Downloads")}

    @property
    def permission_policy(self):
        return ModelPermissionPolicy(Resource)

    def get_filename(self):
        return "resource-downloads"

    def get_queryset(self):
        return ResourceDownloadMonth.objects.select_related("resource", "resource__locale").order_by(
            "-month", "resource__title"
        )


@hooks.register("register_admin_urls")
def register_downloads_report_urls():
    return [
        path("reports/resource-downloads/", DownloadsReportView.as_view(), name="resources_downloads_report"),
        path(
            "reports/resource-downloads/results/",
            DownloadsReportView.as_view(results_only=True),
            name="resources_downloads_report_results",
        ),
    ]


class DownloadsMenuItem(MenuItem):
    def is_shown(self, request):
        return ModelPermissionPolicy(Resource).user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def register_downloads_report_menu_item():
    return DownloadsMenuItem(
        _("Resource downloads"),
        reverse("resources_downloads_report"),
        name="resource-downloads",
        icon_name="download",
        order=800,
    )


@hooks.register("before_serve_document", order=-10)
def check_resource_document_access(document, request):
    """Every way to a file (``/documents/<id>/<filename>``, the library's download) obeys the library's rule.

    Runs before Wagtail's own collection check: a visitor who may not have the file is
    turned away even if the file sits in the wrong collection. Members and staff pass on
    to Wagtail's check, whose restriction admits the Members group and the staff groups.
    """
    if access.may_have_members_files(request.user) or not Resource.objects.document_is_restricted(document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    context = {"resource": Resource.objects.live().downloaded_version(document, request)}
    context.update(why_not_approved(request.user))  # pending, refused, lapsed: the person reads which
    return TemplateResponse(request, "resources/download_denied.html", context, status=403)
