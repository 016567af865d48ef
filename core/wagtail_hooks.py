"""Background tasks that failed, where staff work: a report in Wagtail's admin; a document whose file is missing."""

import logging

from django_tasks_db.models import DBTaskResult

from django.contrib.auth.models import Permission
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from . import storage

logger = logging.getLogger(__name__)

# django-tasks-db's own "view" permission: superusers have it, and it can be given to a group in
# Wagtail's group editor (registered below).
failed_tasks_policy = ModelPermissionPolicy(DBTaskResult)


class ErrorColumn(Column):
    """The exception, with the whole traceback one click away."""

    cell_template_name = "core/admin/task_error_cell.html"


class FailedTasksReportView(ReportView):
    page_title = _("Failed background tasks")
    header_icon = "warning"
    index_url_name = "core_failed_tasks_report"
    index_results_url_name = "core_failed_tasks_report_results"
    permission_policy = failed_tasks_policy
    permission_required = "view"
    columns = [
        Column("task_name", label=_("Task")),
        DateColumn("enqueued_at", label=_("Enqueued")),
        DateColumn("finished_at", label=_("Failed")),
        Column("attempts", label=_("Workers"), accessor=lambda task_result: len(task_result.worker_ids)),
        ErrorColumn("exception_class_path", label=_("Error")),
    ]

    def get_queryset(self):
        return DBTaskResult.objects.failed().order_by("-finished_at")


@hooks.register("register_admin_urls")
def register_failed_tasks_report_urls():
    return [
        path("reports/failed-tasks/", FailedTasksReportView.as_view(), name="core_failed_tasks_report"),
        path(
            "reports/failed-tasks/results/",
            FailedTasksReportView.as_view(results_only=True),
            name="core_failed_tasks_report_results",
        ),
    ]


class FailedTasksMenuItem(MenuItem):
    def is_shown(self, request):
        return failed_tasks_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_failed_tasks_menu_item():
    return FailedTasksMenuItem(
        _("Failed background tasks"),
        reverse("core_failed_tasks_report"),
        name="failed-tasks",
        icon_name="warning",
        order=900,
    )


@hooks.register("register_permissions")
def register_failed_tasks_permission():
    return Permission.objects.filter(content_type__app_label="django_tasks_database", codename="view_dbtaskresult")


@hooks.register("before_serve_document", order=100)
def check_document_file_exists(document, request):
    """A document whose file is gone: a 404 page that says so (not a 500, nor the bucket's own 404).

    Runs after the access checks (the library's at -10, Wagtail's collection check at 0), so only
    those who may have the file learn that it is missing. One HEAD request on object storage.
    """
    try:
        if document.file.storage.exists(document.file.name):
            return None
    except Exception as error:
        if storage.is_storage_outage(error):
            logger.warning("Object storage unavailable while serving document %s: %s", document.pk, error)
            return storage.storage_unavailable_response(request)
        raise
    logger.error("The file of document %s (%s) is missing from storage", document.pk, document.file.name)
    return TemplateResponse(request, "core/document_missing.html", status=404)
