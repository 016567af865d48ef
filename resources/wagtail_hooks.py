"""Admin for the library: resources with the public filters, and downloads per month."""

import django_filters

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
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

from . import access
from .filters import ResourceAdminFilter
from .models import Resource, ResourceDownloadMonth
from .serving import serve_document


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


def _as_plain_response(response):
    """Wagtail only stops at a hook's answer when it is an ``HttpResponse``, not a streamed one.

    Only staff outside the Members group come here, for files no larger than
    WAGTAILDOCS_MAX_UPLOAD_SIZE; with X-Accel-Redirect the answer is already plain.
    """
    if isinstance(response, HttpResponse):
        return response
    plain = HttpResponse(b"".join(response.streaming_content), status=response.status_code)
    for header, value in response.items():
        plain[header] = value
    if hasattr(response, "close"):
        response.close()
    return plain


@hooks.register("before_serve_document", order=-10)
def check_resource_document_access(document, request):
    """``/documents/<id>/<filename>`` obeys the library's rule too.

    Runs before Wagtail's own collection check: a visitor who may not have the file
    is turned away even if the file sits in the wrong collection; staff who may
    change resources get it even when they are not in the Members group.
    """
    if not access.document_is_restricted(document):
        return None
    if access.is_resource_staff(request.user):
        return _as_plain_response(serve_document(request, document))
    if access.is_approved_member(request.user):
        return None  # Wagtail's collection check admits the Members group.
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(request, "resources/download_denied.html", {"resource": None}, status=403)
