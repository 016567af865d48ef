"""Content blocks shared by the site's pages. There is no raw-HTML block on purpose."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from .navigation import ROUTE_CHOICES


class LinkStructValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(
        label=_("Or external link"),
        required=False,
        help_text=_("Used only when no page is chosen."),
    )

    class Meta:
        icon = "link"
        template = "home/blocks/call_to_action.html"
        value_class = LinkStructValue
        label = _("Call to action")
        description = _("A prominent link to a page of the site or elsewhere.")
        preview_value = {"text": "Devenez membre", "external_url": "https://example.org/"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote.html"
        label = _("Quote")
        preview_value = {"quote": "Ensemble, nous protégeons les réfugiés.", "attribution": "CCR"}


class ContentImageBlock(ImageBlock):
    """Wagtail's image block, rendered as a responsive <picture> (AVIF, WebP, JPEG fallback).

    Only the template differs: ImageBlock always deconstructs as itself, so the
    migrations do not change.
    """

    class Meta:
        template = "home/blocks/image.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Section heading"),
        form_classname="title",
        icon="title",
        template="home/blocks/heading.html",
        description=_("A second-level heading that starts a section."),
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
        icon="pilcrow",
        description=_("Text with links and lists."),
    )
    image = ContentImageBlock(label=_("Image"), required=False)
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()


class PageLinkBlock(blocks.StructBlock):
    """A link to a page of the site, shown in the reader's language when the page is translated."""

    page = blocks.PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(
        label=_("Label"), max_length=60, required=False, help_text=_("Leave empty to use the page's title.")
    )

    class Meta:
        icon = "doc-empty"
        label = _("Page")


class RouteLinkBlock(blocks.StructBlock):
    """A link to one of the site's own views (the library, the members area, sign-up) by name."""

    route = blocks.ChoiceBlock(label=_("Destination"), choices=ROUTE_CHOICES)
    label = blocks.CharBlock(
        label=_("Label"),
        max_length=60,
        required=False,
        help_text=_(
            "Leave empty for the usual name. Visitors who are not signed in read “Sign in” for the members area."
        ),
    )

    class Meta:
        icon = "link"
        label = _("Part of the site")


class MenuItemsBlock(blocks.StreamBlock):
    page = PageLinkBlock()
    route = RouteLinkBlock()

    class Meta:
        max_num = 8
