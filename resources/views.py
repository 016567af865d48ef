"""Public pages of the library: the filtered listing, a page per resource, the download."""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, View

from wagtail.documents.views.serve import serve as serve_document

from core.caching.locales import active_locale
from home.head import SocialCard
from workinggroups.models import Topic, WorkingGroupPage

from . import access
from .filters import ResourceFilter
from .models import Resource, ResourceTopic, ResourceWorkingGroup

LIBRARY_DESCRIPTION = gettext_lazy(
    "Practical tools, policy briefs, reports, templates and guides from the coalition's working groups."
)


def decorate(resources, user, locale):
    """Add what cards show to each resource, in four queries whatever their number.

    * ``groups``: the working groups' titles in the visitor's language, with links;
    * ``topics``: the topics, from the prefetched links;
    * ``file_languages``: the languages the file exists in, across every live version;
    * ``can_download``: whether this visitor may have the file.
    """
    resources = list(resources)
    # Resources link groups by their default-language page: look up translations only
    # when the visitor reads another language.
    group_keys = {
        link.group.translation_key
        for resource in resources
        for link in resource.working_group_links.all()
        if link.group.locale_id != locale.pk
    }
    localized = {}
    if group_keys:
        for page in WorkingGroupPage.objects.live().filter(translation_key__in=group_keys, locale=locale):
            localized[page.translation_key] = page
    versions = {}
    keys = {resource.translation_key for resource in resources}
    if keys:
        for key, language in (
            Resource.objects.filter(live=True, translation_key__in=keys, document__isnull=False)
            .values_list("translation_key", "file_language")
            .distinct()
        ):
            versions.setdefault(key, set()).add(language)
    # Topic links are copied as they are into a resource's translation: show each
    # topic in the visitor's language when it has been translated.
    topic_keys = {
        link.topic.translation_key
        for resource in resources
        for link in resource.topic_links.all()
        if link.topic.locale_id != locale.pk
    }
    localized_topics = {}
    if topic_keys:
        for topic in Topic.objects.filter(translation_key__in=topic_keys, locale=locale):
            localized_topics[topic.translation_key] = topic
    names = dict(settings.LANGUAGES)
    for resource in resources:
        resource.groups = [
            localized.get(link.group.translation_key, link.group) for link in resource.working_group_links.all()
        ]
        resource.topics = [
            localized_topics.get(link.topic.translation_key, link.topic) for link in resource.topic_links.all()
        ]
        resource.file_languages = [
            str(names[code]) for code, _name in settings.LANGUAGES if code in versions.get(resource.translation_key, ())
        ]
        resource.can_download = access.can_download(user, resource)
    return resources


def language_alternates(versions):
    """``{language: (URL, is_fallback)}`` for a resource's page, from its live ``versions``: the
    language switcher and hreflang links (and the sitemap's) go straight to each translation's own
    slug; where there is none, to the library in that language."""
    alternates = {version.locale.language_code: (version.get_url(), False) for version in versions}
    for code, _name in settings.LANGUAGES:
        if code not in alternates:
            with translation.override(code):
                alternates[code] = (reverse("resources:index"), True)
    return alternates


def get_resource_or_404(slug, locale):
    """The live resource at this address, or the one another language gave this slug."""
    resource = Resource.objects.live().filter(slug=slug, locale=locale).select_related("document", "locale").first()
    if resource is not None:
        return resource, None
    other = Resource.objects.live().filter(slug=slug).select_related("document", "locale").first()
    if other is None:
        raise Http404(_("There is no resource at this address."))
    translation = other.get_translation_or_none(locale)
    if translation is not None and translation.live:
        # The language switcher keeps the slug: send the visitor to the translation's address.
        return None, translation.get_url()
    return other, None


class ResourceListView(ListView):
    """``/<lang>/resources/``: filters in the query string, no JavaScript needed."""

    template_name = "resources/resource_list.html"
    context_object_name = "resources"

    def get_paginate_by(self, queryset):
        return settings.RESOURCES_PAGE_SIZE

    def get_queryset(self):
        self.locale = active_locale()
        base = Resource.objects.visible_to(self.request.user).for_locale(self.locale).for_listing()
        self.filterset = ResourceFilter(self.request.GET or None, queryset=base, locale=self.locale)
        return self.filterset.qs

    def paginate_queryset(self, queryset, page_size):
        paginator = Paginator(queryset, page_size)
        self.page_error = None
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage:
            # Never echo the value: it may be anything.
            self.page_error = _("This page number does not exist. The results start on page 1.")
            page = paginator.page(1)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["resources"] = decorate(context["resources"], self.request.user, self.locale)
        context["filter"] = self.filterset
        context["page_error"] = self.page_error
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        context["result_count"] = context["paginator"].count
        context["social_subject"] = SocialCard(title=_("Resource library"), meta_description=LIBRARY_DESCRIPTION)
        return context

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # The page still shows, with the message, but says the request was wrong.
        if self.page_error or (self.filterset.is_bound and self.filterset.errors):
            response.status_code = 400 if self.filterset.errors else 404
        return response


class ResourceDetailView(DetailView):
    """``/<lang>/resources/<slug>/``: one resource in one language."""

    template_name = "resources/resource_detail.html"
    context_object_name = "resource"

    def get(self, request, *args, **kwargs):
        self.locale = active_locale()
        resource, elsewhere = get_resource_or_404(kwargs["slug"], self.locale)
        if elsewhere:
            return redirect(elsewhere)
        self.object = resource
        return self.render_to_response(self.get_context_data(object=resource))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        resource = self.object
        [resource] = decorate(Resource.objects.filter(pk=resource.pk).for_listing(), self.request.user, self.locale)
        context["resource"] = context["object"] = resource
        context["versions"] = list(
            Resource.objects.live()
            .filter(translation_key=resource.translation_key)
            .select_related("locale", "document")
            .order_by("locale__language_code")
        )
        names = dict(settings.LANGUAGES)
        for version in context["versions"]:
            version.language_name = str(names.get(version.locale.language_code, version.locale.language_code))
            version.file_language_name = str(names.get(version.file_language, version.file_language))
        context["language_alternates"] = language_alternates(context["versions"])
        context["social_subject"] = resource
        context["related"] = decorate(self.related(resource), self.request.user, self.locale)
        context["is_member"] = access.is_approved_member(self.request.user)
        return context

    def related(self, resource):
        topic_keys = [topic.translation_key for topic in resource.topics]
        group_ids = [link.group_id for link in resource.working_group_links.all()]
        return (
            Resource.objects.visible_to(self.request.user)
            .for_locale(self.locale)
            .filter(
                Q(pk__in=ResourceTopic.objects.filter(topic__translation_key__in=topic_keys).values("resource_id"))
                | Q(pk__in=ResourceWorkingGroup.objects.filter(group_id__in=group_ids).values("resource_id"))
            )
            .exclude(translation_key=resource.translation_key)
            .for_listing()
            .order_by("-date")[:4]
        )


@method_decorator(never_cache, name="dispatch")
class ResourceDownloadView(View):
    """``/<lang>/resources/<slug>/download/``: the file, through Wagtail's document serve view.

    Wagtail runs the access check (``before_serve_document``, in wagtail_hooks) and sends
    ``document_served``, which counts the download for this language version (signals).
    """

    def get(self, request, slug):
        locale = active_locale()
        resource, elsewhere = get_resource_or_404(slug, locale)
        if elsewhere:
            return redirect(elsewhere.rstrip("/") + "/download/")
        if resource.document_id is None:
            raise Http404(_("This resource has no file yet."))
        return serve_document(request, resource.document_id, resource.document.filename)
