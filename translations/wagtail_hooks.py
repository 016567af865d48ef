from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from . import views
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
