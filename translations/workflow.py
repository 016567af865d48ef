"""The "Relecture des communications / Communications review" workflow and the groups it relies on.

The same functions serve the data migration (with historical models, through
``apps``) and the running site (demo loader, home-page signal), so an existing
database, a fresh one and a freshly loaded demo all end in the same state.

- Moderators (the reviewers) approve; their rights, and the Editors', are declared in core.roles.
- The review workflow: one group-approval task for the reviewers, assigned to each language's home
  page, so it applies to French and English alike.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.utils.translation import gettext, gettext_noop

from core import roles

# The workflow and its task are found by this name (data). It is bilingual because Wagtail shows it as
# stored in both admin languages; where we show it ourselves, the catalogues give the one-language name.
gettext_noop("Relecture des communications / Communications review")


def display_name(name):
    """A workflow's or task's name in the active language, when the catalogues carry it."""
    return gettext(name)


def _models(apps):
    get = apps.get_model
    return {
        "ContentType": get("contenttypes", "ContentType"),
        "Group": get("auth", "Group"),
        "Page": get("wagtailcore", "Page"),
        "Workflow": get("wagtailcore", "Workflow"),
        "WorkflowTask": get("wagtailcore", "WorkflowTask"),
        "WorkflowPage": get("wagtailcore", "WorkflowPage"),
        "GroupApprovalTask": get("wagtailcore", "GroupApprovalTask"),
    }


def ensure_review_workflow(apps=global_apps):
    """The review workflow with its reviewers' task (created once, by name)."""
    models = _models(apps)
    # The group's rights are core.roles' business (applied by core's migration and after migrate).
    reviewers, _ = models["Group"].objects.get_or_create(name=roles.REVIEWERS)
    name = settings.TRANSLATIONS_REVIEW_WORKFLOW_NAME
    workflow = models["Workflow"].objects.filter(name=name).first()
    if workflow is None:
        workflow = models["Workflow"].objects.create(name=name, active=True)
    task = models["GroupApprovalTask"].objects.filter(name=name).first()
    if task is None:
        # Task is polymorphic: historical models do not fill content_type on their own.
        content_type, _ = models["ContentType"].objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = models["GroupApprovalTask"].objects.create(name=name, active=True, content_type=content_type)
    task.groups.add(reviewers)
    models["WorkflowTask"].objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def assign_review_workflow(page, apps=global_apps):
    """Apply the review workflow to ``page`` and its subtree, unless staff chose another for it."""
    workflow = ensure_review_workflow(apps)
    _models(apps)["WorkflowPage"].objects.get_or_create(page_id=page.pk, defaults={"workflow": workflow})
    return workflow


def assign_to_language_roots(apps=global_apps):
    """Every language tree's home page (the pages right under the root) gets the workflow."""
    models = _models(apps)
    for page in models["Page"].objects.filter(depth=2):
        assign_review_workflow(page, apps)
