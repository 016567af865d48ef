from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import TranslatableMixin
from wagtail_localize.machine_translators import get_machine_translator

from . import views, workflow
from .views import enabled_translation_of


@hooks.register("register_admin_urls", order=-100)
def register_admin_urls():
    """Our views, and wagtail-localize's own URLs answered by their guarded versions.

    Admin URL patterns are tried in hook order: registered before wagtail-localize's
    (``order=-100``), these paths win, so ``reverse("wagtail_localize:…")`` links, the
    listing buttons and the translation editor all reach the guarded views.
    """
    guarded = [
        path(
            "localize/submit/page/<int:page_id>/",
            views.SubmitPageTranslationView.as_view(),
            name="submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.SubmitSnippetTranslationView.as_view(),
            name="submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.UpdateTranslationsView.as_view(),
            name="update_translations",
        ),
    ]
    own = [
        path("translations/status/", views.TranslationStatusView.as_view(), name="status"),
        path("translations/review/<int:page_id>/", views.SubmitForReviewView.as_view(), name="submit_for_review"),
        # The translation editor's strings that wagtail-localize's own catalogue lacks (djangojs.po).
        path("translations/jsi18n/", JavaScriptCatalog.as_view(packages=["translations"]), name="javascript_catalog"),
    ]
    return [path("", include((guarded + own, "translations"), namespace="translations"))]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translations:status"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=8900,
    )


def submit_for_review_button(page, user, view_name=None, next_url=None):
    """Offer "Submit translation for review" on translated pages that can go into their workflow."""
    if page.is_root() or page.alias_of_id or not page.locale_id:
        return
    perms = page.permissions_for_user(user)
    if not perms.can_edit() or not perms.can_submit_for_moderation():
        return
    if enabled_translation_of(page) is None:
        return
    yield Button(
        _("Submit translation for review"),
        reverse("translations:submit_for_review", args=[page.pk]),
        icon_name="tasks",
        priority=61,
    )


hooks.register("register_page_header_buttons", submit_for_review_button)
hooks.register("register_page_listing_more_buttons", submit_for_review_button)


def say_machine_translation_is_not_configured(request, instance):
    """In the translation editor, say plainly why there is no "Translate" button to pre-fill segments.

    wagtail-localize shows that button only when a machine translator is configured (DeepL here);
    without one, the editor would just lack it. Runs before wagtail-localize's own hook, which
    answers with the editor; a GET only, so the notice never lands on the page after a save.
    """
    if request.method != "GET" or not isinstance(instance, TranslatableMixin) or get_machine_translator() is not None:
        return
    if enabled_translation_of(instance) is not None:
        messages.info(
            request,
            _(
                "Machine translation is not configured on this site: translate each segment by hand, "
                "or upload a translated PO file. An administrator can enable DeepL with DEEPL_API_KEY."
            ),
        )


hooks.register("before_edit_page", say_machine_translation_is_not_configured, order=-1)
hooks.register("before_edit_snippet", say_machine_translation_is_not_configured, order=-1)


class SubmitToWorkflowMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to …" item, with the workflow's (or task's) name in the admin's language."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        workflow_state = page.current_workflow_state if page else None
        if workflow_state and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
            name = workflow.display_name(workflow_state.current_task_state.task.name)
            context["label"] = _("Resubmit to %(task_name)s") % {"task_name": name}
        else:
            workflow_page = page if page and page.pk else context["parent_page"]
            page_workflow = workflow_page.get_workflow()
            if page_workflow:
                name = workflow.display_name(page_workflow.name)
                context["label"] = _("Submit to %(workflow_name)s") % {"workflow_name": name}
        return context


@hooks.register("construct_page_action_menu")
def translate_workflow_names(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitToWorkflowMenuItem(order=item.order)
