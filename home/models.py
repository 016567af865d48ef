import html
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PreviewableMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.caching import locales
from core.caching.locales import default_locale
from core.caching.pages import public_page_cache

from . import phones
from .blocks import BodyStreamBlock, HomeStreamBlock, MenuItemsBlock, PageLinkBlock
from .visibility import publicly_listed, unlisted_pages_q


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


class IllustratedPageMixin(models.Model):
    """A page's picture with its alternative text. The picture is the same in every language
    (synchronised); the alternative text is translated with the page (wagtail-localize
    translates text fields). Put before ``BasePage``: its ``social_image`` wins."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown beside the text, on cards and when the page is shared."),
    )
    image_alt = models.CharField(
        _("image description (alternative text)"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Translated with the page."),
    )

    illustration_panels = [
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
    ]
    api_fields = [APIField("image"), APIField("image_alt")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Describe the image for people who cannot see it.")})

    def social_image(self):
        return self.image

    @property
    def social_image_alt(self):
        return self.image_alt


class HomePage(BasePage):
    body = StreamField(
        HomeStreamBlock(),
        verbose_name=_("blocks"),
        blank=True,
        help_text=_(
            "The home page's sections in order: the lead message, the working groups, upcoming meetings, "
            "the newest public resources, the call to join. Each listing fills itself from the published pages."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    @cached_property
    def unlisted_q(self):
        """What the listing blocks leave out (``home.visibility``), read once for all of them."""
        return unlisted_pages_q()

    @cached_property
    def lead(self):
        """The lead message block's value, or None (the page then shows its title itself)."""
        return next((block.value for block in self.body if block.block_type == "lead"), None)

    def social_image(self):
        return self.lead.get("image") if self.lead else None


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


class OnePerLanguageMixin(models.Model):
    """A translatable snippet of which each language has exactly one (the footer, the menu).

    The database refuses a second one; ``clean`` says so first, in the editor's language, since
    the snippet forms leave the locale out and the database's refusal would be an error page."""

    one_per_language_message = ""  # names the language as %(language)s

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.locale_id and type(self).objects.filter(locale_id=self.locale_id).exclude(pk=self.pk).exists():
            raise ValidationError(self.one_per_language_message % {"language": self.locale.get_display_name()})


class SiteFooter(OnePerLanguageMixin, TranslatableMixin, PreviewableMixin, ClusterableModel):
    """The footer's contact details and legal text, one per language."""

    organisation_name = models.CharField(_("organisation name"), max_length=200)
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True)
    page_links = StreamField(
        [("page", PageLinkBlock())],
        verbose_name=_("page links"),
        blank=True,
        help_text=_("The privacy policy, the accessibility statement, the terms of membership…"),
    )
    legal_text = RichTextField(_("legal text"), blank=True, features=["bold", "italic", "link"])

    one_per_language_message = _("This language (%(language)s) already has a site footer: edit that one instead.")

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("social_links"),
        FieldPanel("page_links"),
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
        constraints = [models.UniqueConstraint(fields=["locale"], name="home_sitefooter_one_per_locale")]

    def __str__(self):
        return f"{self.organisation_name} ({self.locale.language_code})"

    def get_preview_template(self, request, mode_name):
        return "home/previews/site_footer.html"

    def clean(self):
        super().clean()
        if self.phone and phones.e164(self.phone) is None:
            raise ValidationError(
                {
                    "phone": _(
                        "Write a telephone number with its area code (514 277-7223), "
                        "or with + and its country code when it is outside North America."
                    )
                }
            )

    @property
    def phone_e164(self):
        """The telephone number for a ``tel:`` link (+15142777223), shown as staff wrote it."""
        return phones.e164(self.phone)

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

    def page_link_list(self):
        """``(label, url)`` of each page link, in the active language where the page is translated."""
        items = [item["value"] for item in self.page_links.raw_data if item["type"] == "page"]
        pages = pages_in_active_language(item.get("page") for item in items)
        return [
            (item.get("label") or pages[item["page"]].title, pages[item["page"]].get_url())
            for item in items
            if item.get("page") in pages
        ]


def pages_in_active_language(page_ids):
    """``{chosen page id: the page to link to}``: the chosen page's live translation in the active
    language when there is one, else the chosen page itself; a chosen page that is not live and
    public is left out. Two queries (view restrictions, pages), whatever the number of pages.

    Page choosers of translatable snippets keep the source language's page (wagtail-localize
    synchronises them), so the language is chosen here, when the link is shown."""
    ids = [page_id for page_id in page_ids if page_id]
    if not ids:
        return {}
    pages = publicly_listed(Page.objects.filter(translations_of(ids))).only(*LINKED_PAGE_FIELDS)
    return pick_in_active_language(pages, ids)


#: What a link to a page needs (title, URL, tree path for the menu's current item).
LINKED_PAGE_FIELDS = ("id", "title", "url_path", "path", "depth", "locale_id", "translation_key")


def translations_of(page_ids):
    """A ``Q`` for the pages ``page_ids`` and all their translations."""
    return Q(translation_key__in=Page.objects.filter(pk__in=page_ids).values("translation_key"))


def pick_in_active_language(pages, page_ids):
    """From ``pages`` (those of ``translations_of(page_ids)`` a listing may show), the page to link
    to for each of ``page_ids``: see ``pages_in_active_language``."""
    pages = list(pages)
    locale = locales.active_locale()
    in_language = {page.translation_key: page for page in pages if page.locale_id == locale.pk}
    chosen = {page.pk: page for page in pages if page.pk in page_ids}
    return {page_id: in_language.get(page.translation_key, page) for page_id, page in chosen.items()}


class MainMenu(OnePerLanguageMixin, TranslatableMixin, models.Model):
    """The header's menu, one per language: ordered links to pages and to parts of the site."""

    items = StreamField(MenuItemsBlock(), verbose_name=_("items"), blank=True)

    one_per_language_message = _("This language (%(language)s) already has a main menu: edit that one instead.")

    panels = [FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")
        constraints = [models.UniqueConstraint(fields=["locale"], name="home_mainmenu_one_per_locale")]

    def __str__(self):
        return f"{_('Main menu')} ({self.locale.language_code})"

    @classmethod
    def for_active_language(cls):
        """The menu of the active language, else the default language's; ``None`` when staff have none."""
        menus = {menu.locale.language_code: menu for menu in cls.objects.select_related("locale")}
        return menus.get(get_language()) or menus.get(default_locale().language_code)
