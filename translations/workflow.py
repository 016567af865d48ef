"""The "Communications review" workflow and the groups it relies on.

The same functions serve the data migration (with historical models, through
``apps``) and the running site (demo loader, home-page signal), so an existing
database, a fresh one and a freshly loaded demo all end in the same state.

- Editors: add and edit pages in every language tree, submit translations; no publish.
- Moderators (the reviewers): the same, plus publish, lock and unlock.
- "Communications review": one group-approval task for the reviewers, assigned to
  each language's home page, so it applies to French and English alike.
"""

from django.apps import apps as global_apps
from django.conf import settings

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
REVIEWER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITORS_GROUP = "Editors"


def _models(apps):
    get = apps.get_model
    return {
        "ContentType": get("contenttypes", "ContentType"),
        "Permission": get("auth", "Permission"),
        "Group": get("auth", "Group"),
        "Page": get("wagtailcore", "Page"),
        "GroupPagePermission": get("wagtailcore", "GroupPagePermission"),
        "Workflow": get("wagtailcore", "Workflow"),
        "WorkflowTask": get("wagtailcore", "WorkflowTask"),
        "WorkflowPage": get("wagtailcore", "WorkflowPage"),
        "GroupApprovalTask": get("wagtailcore", "GroupApprovalTask"),
    }


def _permission(models, app_label, model, codename, name):
    content_type, _ = models["ContentType"].objects.get_or_create(app_label=app_label, model=model)
    permission, _ = models["Permission"].objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def ensure_groups(apps=global_apps):
    """Editors may write but not publish; Moderators review and publish. Returns (editors, reviewers)."""
    models = _models(apps)
    root = models["Page"].objects.filter(depth=1).first()
    editors, _ = models["Group"].objects.get_or_create(name=EDITORS_GROUP)
    reviewers, _ = models["Group"].objects.get_or_create(name=settings.TRANSLATIONS_REVIEWERS_GROUP)
    access_admin = _permission(models, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    submit = _permission(models, "wagtail_localize", "translation", "submit_translation", "Can submit translations")
    for group, codenames in ((editors, EDITOR_PAGE_PERMISSIONS), (reviewers, REVIEWER_PAGE_PERMISSIONS)):
        group.permissions.add(access_admin, submit)
        if root is None:
            continue
        for codename in codenames:
            permission = _permission(models, "wagtailcore", "page", codename, codename.replace("_", " "))
            models["GroupPagePermission"].objects.get_or_create(group=group, page=root, permission=permission)
    # Editors never publish: a publish permission granted on the root by hand is taken back.
    models["GroupPagePermission"].objects.filter(group=editors, permission__codename="publish_page").delete()
    return editors, reviewers


def ensure_review_workflow(apps=global_apps):
    """The "Communications review" workflow with its reviewers' task (created once, by name)."""
    models = _models(apps)
    _, reviewers = ensure_groups(apps)
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
