"""Admin views: wagtail-localize's views with object permissions, review submission, status report."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import UniqueConstraint
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page, get_page_models
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.views import submit_translations, update_translations
from wagtail_localize.views.edit_translation import apply_machine_translation

from core.redirects import local_next_url

from . import status, workflow
from .permissions import check_can_sync, check_can_translate, user_can_edit


# wagtail-localize's views, with the object permissions they lack. They answer at
# wagtail-localize's own URLs (see wagtail_hooks.py), so every link to them is covered.
class SubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        check_can_translate(request.user, self.get_object())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        check_can_translate(self.request.user, self.object, form.cleaned_data["locales"])
        return super().form_valid(form)


class SubmitSnippetTranslationView(submit_translations.SubmitSnippetTranslationView):
    def dispatch(self, request, *args, **kwargs):
        check_can_translate(request.user, self.get_object())
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        if one_per_language(type(self.object)):
            # A language that has its own (the footer, the menu) cannot take a translation as well.
            taken = type(self.object).objects.values_list("locale_id", flat=True)
            form.fields["locales"].queryset = form.fields["locales"].queryset.exclude(pk__in=taken)
        return form


def one_per_language(model):
    """Does ``model`` allow one object per language only (a unique constraint on its locale alone)?"""
    return any(
        isinstance(constraint, UniqueConstraint) and tuple(constraint.fields) == ("locale",)
        for constraint in model._meta.constraints
    )


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    def dispatch(self, request, *args, **kwargs):
        check_can_sync(request.user, self.get_object())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        # "Publish immediately" would publish every translation, past any review workflow.
        if form.cleaned_data["publish_translations"]:
            check_can_sync(self.request.user, self.object, publish=True)
        return super().form_valid(form)


def enabled_translation_of(instance):
    """The wagtail-localize translation that writes ``instance``, if it is still kept in step."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


class SubmitForReviewView(WagtailAdminTemplateMixin, TemplateView):
    """Save a translated page as a draft and start its workflow.

    wagtail-localize's translation editor replaces the page editor and only offers
    "Publish": someone without publish rights could not send a translation to review.
    """

    template_name = "translations/submit_for_review.html"
    page_title = gettext_lazy("Submit translation for review")
    header_icon = "tasks"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not user_can_edit(request.user, self.page):
            raise PermissionDenied
        self.translation = enabled_translation_of(self.page)
        if self.translation is None:
            raise Http404
        self.workflow = self.page.get_workflow()
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        total, done = self.translation.get_progress()
        context.update(
            page=self.page,
            workflow=self.workflow,
            workflow_name=workflow.display_name(self.workflow.name) if self.workflow else "",
            locale=self.page.locale,
            total_segments=total,
            translated_segments=done,
            can_submit=self.page.permissions_for_user(self.request.user).can_submit_for_moderation(),
            next_url=local_next_url(self.request, default=""),
        )
        return context

    def post(self, request, page_id):
        edit_url = local_next_url(request, default=reverse("wagtailadmin_pages:edit", args=[self.page.pk]))
        if not self.page.permissions_for_user(request.user).can_submit_for_moderation():
            messages.error(
                request,
                _("This page cannot be submitted for review: it has no workflow, is locked or is in review already."),
            )
            return redirect(edit_url)
        with transaction.atomic():
            try:
                self.translation.save_target(user=request.user, publish=False)
            except ValidationError:
                messages.error(request, _("The translation has errors to fix before it can be reviewed."))
                return redirect(edit_url)
            self.page.refresh_from_db()
            self.workflow.start(self.page, request.user)
        messages.success(
            request,
            _("'%(title)s' was submitted to the %(workflow)s workflow.")
            % {"title": self.page.get_admin_display_title(), "workflow": workflow.display_name(self.workflow.name)},
        )
        return redirect(edit_url)


class StatusFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=gettext_lazy("State"), required=False, choices=[("", gettext_lazy("All"))] + status.STATE_CHOICES
    )
    language = forms.ModelChoiceField(
        label=gettext_lazy("Language"),
        required=False,
        queryset=Locale.objects.order_by("pk"),
        empty_label=gettext_lazy("All"),
    )
    content_type = forms.TypedChoiceField(label=gettext_lazy("Content type"), required=False, coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.contenttypes.models import ContentType

        models = [model for model in get_page_models() if model is not Page] + status.translatable_snippet_models()
        choices = sorted(
            (
                (ContentType.objects.get_for_model(model).pk, str(model._meta.verbose_name).capitalize())
                for model in models
            ),
            key=lambda choice: choice[1],
        )
        self.fields["content_type"].choices = [("", _("All"))] + choices
        self.fields["language"].label_from_instance = lambda locale: locale.get_display_name()


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """For every page and translatable snippet: each language's state, with bulk actions."""

    template_name = "translations/status_report.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "wagtail-localize-language"
    paginate_by = 50
    actions = {
        "sync": gettext_lazy("Sync with the source"),
        "machine_translate": gettext_lazy("Pre-fill with machine translation"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def filtered_rows(self, form):
        rows = status.translation_rows(self.request.user)
        counts = {state: 0 for state, _label in status.STATE_CHOICES}
        for row in rows:
            counts[row.state] += 1
        if form.is_valid():
            data = form.cleaned_data
            if data["state"]:
                rows = [row for row in rows if row.state == data["state"]]
            if data["language"]:
                rows = [row for row in rows if row.target_locale.pk == data["language"].pk]
            if data["content_type"]:
                rows = [row for row in rows if row.content_type.pk == data["content_type"]]
        return rows, counts

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = StatusFilterForm(self.request.GET or None)
        rows, counts = self.filtered_rows(form)
        page = Paginator(rows, self.paginate_by).get_page(self.request.GET.get("p"))
        for row in page.object_list:
            row.edit_url = edit_url(row.instance)
            row.target_edit_url = edit_url(row.target) if row.target is not None else None
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            filter_form=form,
            page_obj=page,
            rows=page.object_list,
            counts=[(state, label, counts[state]) for state, label in status.STATE_CHOICES],
            actions=self.actions,
            machine_translator=get_machine_translator(),
            querystring=query.urlencode(),
        )
        return context

    def post(self, request):
        action = request.POST.get("action")
        keys = request.POST.getlist("rows")
        back = request.get_full_path()
        if action not in self.actions or not keys:
            messages.error(request, _("Choose at least one row and an action."))
            return redirect(back)
        translator = get_machine_translator() if action == "machine_translate" else None
        if action == "machine_translate" and translator is None:
            messages.error(request, _("No machine translator is configured."))
            return redirect(back)
        done = refused = skipped = 0
        synced_sources = set()
        for key in keys:
            parsed = status.parse_key(key)
            if parsed is None:
                skipped += 1
                continue
            _content_type, instance, locale = parsed
            try:
                with transaction.atomic():
                    if self.apply(action, instance, locale, translator, synced_sources):
                        done += 1
                    else:
                        skipped += 1
            except PermissionDenied:
                refused += 1
            except (Http404, ValidationError):
                skipped += 1
        if done:
            messages.success(request, ngettext("%(count)d item done.", "%(count)d items done.", done) % {"count": done})
        if refused:
            messages.error(
                request,
                ngettext(
                    "%(count)d item refused: you may not edit it.",
                    "%(count)d items refused: you may not edit them.",
                    refused,
                )
                % {"count": refused},
            )
        if skipped:
            messages.warning(
                request,
                ngettext(
                    "%(count)d item skipped: it is edited separately or no longer exists.",
                    "%(count)d items skipped: they are edited separately or no longer exist.",
                    skipped,
                )
                % {"count": skipped},
            )
        return redirect(back)

    def apply(self, action, instance, locale, translator, synced_sources):
        """Run ``action`` on one row; False when the row is not something the action applies to."""
        user = self.request.user
        if locale.pk == instance.locale_id:
            return False
        source = TranslationSource.objects.filter(
            object_id=instance.translation_key, locale_id=instance.locale_id
        ).first()
        translation = (
            Translation.objects.filter(source=source, target_locale=locale, enabled=True).first() if source else None
        )
        existing = instance.get_translation_or_none(locale)
        is_placeholder = existing is None or getattr(existing, "alias_of_id", None) is not None
        if translation is None:
            if not is_placeholder:
                # Written by hand, outside wagtail-localize: never overwrite it.
                return False
            # Missing: both actions start the translation (a draft) first.
            check_can_translate(user, instance, [locale])
            translate_object(instance, [locale], user=user)
            translation = Translation.objects.get(
                source__object_id=instance.translation_key, source__locale_id=instance.locale_id, target_locale=locale
            )
        elif action == "sync":
            if translation.source_id not in synced_sources:
                check_can_sync(user, translation.source)
                translation.source.update_from_db()
                synced_sources.add(translation.source_id)
            translation.source.update_target_view_restrictions(locale)
        if action == "machine_translate":
            # Raises PermissionDenied itself when the user may not edit the translation.
            apply_machine_translation(translation.pk, user, translator)
        return True


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[quote(instance.pk)])
