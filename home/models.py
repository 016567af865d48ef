import html
import re

from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PreviewableMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import lookups
from .blocks import BodyStreamBlock
from .page_cache import mark_cacheable


def _routes_itself(page, remaining):
    """Whether ``page`` (a plain Page) would answer ``remaining`` itself rather than pass it to a child."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    cls = page.specific_class
    if cls is None or cls.route is Page.route:
        return False
    if issubclass(cls, RoutablePageMixin) and cls.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            cls.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
        return True
    return True


class BasePage(Page):
    """What every page of the site has: a short introduction for cards and meta tags."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title, in listings and to search engines."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.FilterField("locale_id"),
    ]
    api_fields = [APIField("introduction")]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's rule (this page's restrictions, its ancestors', an alias's source's)
        read from the cached restrictions: no query for a page that has none."""
        from wagtail.models import PageViewRestriction

        if not self.path:
            return super().get_view_restrictions()
        ids = lookups.restriction_ids_for(self)
        return PageViewRestriction.objects.filter(pk__in=ids) if ids else PageViewRestriction.objects.none()

    @property
    def meta_description(self):
        """The promote tab's description, else the introduction, else the start of the summary
        or of the body's first paragraph; empty when the page has none (base.html then says
        what the site is)."""
        text = self.search_description or self.introduction
        if text:
            return text
        rich_text = getattr(self, "summary", "")
        if not rich_text and isinstance(getattr(self, "body", None), StreamValue):
            rich_text = next((block.value.source for block in self.body if block.block_type == "paragraph"), "")
        # A space after each block so that paragraphs and list items do not run together.
        text = strip_tags(re.sub(r"(</(?:p|li|h\d)>)", r"\1 ", rich_text))
        return Truncator(html.unescape(text)).words(30)

    def redirect_alias_to_original(self, request):
        if self.alias_of_id and not getattr(request, "is_preview", False):
            # wagtail-localize's locale synchronisation leaves an alias in the English tree
            # until someone translates the page: it carries the French text, so visitors
            # are sent to the original rather than shown it under the wrong language.
            original = Page.objects.live().filter(pk=self.alias_of_id).first()
            if original is not None and original.locale_id != self.locale_id:
                return redirect(original.get_url(request))
        return None

    def serve(self, request, *args, **kwargs):
        # The same for every anonymous visitor: the page cache may keep it.
        return self.redirect_alias_to_original(request) or mark_cacheable(
            request, super().serve(request, *args, **kwargs)
        )


class RoutableBasePageMixin:
    """Put before ``RoutablePageMixin``: its ``serve()`` calls a route's view directly, past
    ``BasePage.serve``, so aliases would show French text and no route would reach the page cache."""

    def serve(self, request, view=None, args=None, kwargs=None):
        return self.redirect_alias_to_original(request) or mark_cacheable(
            request, super().serve(request, view, args, kwargs)
        )


class HomePage(BasePage):
    hero_text = models.CharField(
        _("hero text"),
        max_length=255,
        blank=True,
        help_text=_("The large sentence at the top of the home page."),
    )
    body = RichTextField(
        _("body"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h2", "h3"],
    )
    join_title = models.CharField(_("call to join: title"), max_length=120, blank=True)
    join_text = models.TextField(_("call to join: text"), blank=True)
    join_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call to join: page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the call to join leads, for example the membership page."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("hero_text"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("join_title"), FieldPanel("join_text"), FieldPanel("join_page")],
            heading=_("Call to join"),
        ),
        HelpPanel(
            content=_(
                "The working groups and the latest achievements are listed automatically from the pages below this one."
            )
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("hero_text"),
        APIField("body"),
        APIField("join_title"),
        APIField("join_text"),
    ]
    override_translatable_fields = [SynchronizedField("join_page")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Wagtail's routing, with every page on the path read in one query.

        Wagtail walks the path a level at a time: the child by its slug, then its
        specific page, two queries a level. Here the pages on the path are read at once
        and only the last one is made specific. A page on the way that routes its own
        sub-paths (a routable page whose routes match, or a custom ``route``) is handed
        the rest of the path, exactly as Wagtail would.
        """
        if len(path_components) < 2:
            return super().route(request, path_components)
        by_position = {}
        for page in Page.objects.filter(
            path__startswith=self.path,
            depth__gt=self.depth,
            depth__lte=self.depth + len(path_components),
            slug__in=set(path_components),
        ).order_by("depth"):
            by_position.setdefault((page.path[: -Page.steplen], page.depth, page.slug), page)
        parent = self
        for position, slug in enumerate(path_components):
            page = by_position.get((parent.path, parent.depth + 1, slug))
            if page is None:
                break
            page._cached_parent_obj = parent
            if position < len(path_components) - 1 and _routes_itself(page, path_components[position + 1 :]):
                return page.specific.route(request, path_components[position + 1 :])
            parent = page
        else:
            return parent.specific.route(request, [])
        # A slug with no page here: the deepest page found answers (a sub-route, or a 404).
        if parent is self:
            return super().route(request, path_components)
        return parent.specific.route(request, path_components[position:])


class StandardPage(BasePage):
    """About, contact, legal notices: a title, an introduction and a body of blocks."""

    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Network"), max_length=40)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")


class SiteFooter(TranslatableMixin, PreviewableMixin, ClusterableModel):
    """The footer's contact details and legal text, one per language."""

    organisation_name = models.CharField(_("organisation name"), max_length=200)
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True)
    legal_text = RichTextField(_("legal text"), blank=True, features=["bold", "italic", "link"])

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("social_links"),
        FieldPanel("legal_text"),
    ]
    override_translatable_fields = [
        TranslatableField("organisation_name"),
        TranslatableField("address"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        TranslatableField("legal_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site footer")
        verbose_name_plural = _("site footers")

    def __str__(self):
        return f"{self.organisation_name} ({self.locale.language_code})"

    def get_preview_template(self, request, mode_name):
        return "home/previews/site_footer.html"

    @classmethod
    def for_active_language(cls):
        """The footer of the active language, falling back to the default language's."""
        footers = {footer.locale.language_code: footer for footer in cls.objects.select_related("locale")}
        return footers.get(get_language()) or footers.get(lookups.default_locale().language_code)

    @cached_property
    def social_link_list(self):
        return [link.value for link in self.social_links]
