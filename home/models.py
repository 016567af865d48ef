import html
import re

from django.conf import settings
from django.db import models
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
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

from core.caching.locales import default_locale
from core.caching.pages import public_page_cache

from .blocks import BodyStreamBlock


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
    # « Private » is for approved members or named groups, never any signed-up account
    # (members.privacy); shared passwords are off in settings.
    private_page_options = ["groups"]

    class Meta:
        abstract = True

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

    def social_image(self):
        """The picture a link preview shows (og:image), or None. Page types with a picture
        override this; base.html makes the rendition and its absolute address."""
        return None

    def redirect_alias_to_original(self, request):
        if self.alias_of_id and not getattr(request, "is_preview", False):
            # wagtail-localize's locale synchronisation leaves an alias in the English tree
            # until someone translates the page: it carries the French text, so visitors
            # are sent to the original rather than shown it under the wrong language.
            original = Page.objects.live().filter(pk=self.alias_of_id).first()
            if original is not None and original.locale_id != self.locale_id:
                return redirect(original.get_url(request))
        return None

    # Every page is the same for every anonymous visitor: the page cache may keep it.
    @method_decorator(public_page_cache)
    def serve(self, request, *args, **kwargs):
        return self.redirect_alias_to_original(request) or super().serve(request, *args, **kwargs)


class RoutableBasePageMixin:
    """Put before ``RoutablePageMixin``: its ``serve()`` calls a route's view directly, past
    ``BasePage.serve``, so aliases would show French text and no route would reach the page cache."""

    @method_decorator(public_page_cache)
    def serve(self, request, view=None, args=None, kwargs=None):
        return self.redirect_alias_to_original(request) or super().serve(request, view, args, kwargs)


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
        return footers.get(get_language()) or footers.get(default_locale().language_code)

    @classmethod
    def coalition_name(cls):
        """The coalition's name in the active language, as the footer gives it (emails greet with it)."""
        footer = cls.for_active_language()
        return footer.organisation_name if footer and footer.organisation_name else settings.WAGTAIL_SITE_NAME

    @cached_property
    def social_link_list(self):
        return [link.value for link in self.social_links]
