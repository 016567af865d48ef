"""Content blocks shared by the site's pages. There is no raw-HTML block on purpose."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from .navigation import ROUTE_CHOICES


class LinkStructValue(blocks.StructValue):
    @cached_property
    def localized_page(self):
        """The chosen page in the reader's language (its own when it is not translated)."""
        page = self.get("page")
        return page.localized if page else None

    def url(self):
        if self.localized_page:
            return self.localized_page.url
        return self.get("external_url") or ""

    def link_label(self):
        """The link's words: those staff wrote, else the page's title."""
        return self.get("link_text") or (self.localized_page.title if self.localized_page else "")


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


# --- The home page's blocks ------------------------------------------------------------
# The listing blocks hold only what staff choose (a heading, how many items); what they
# list is read by inclusion tags of the app that owns it (workinggroups_tags, resources_tags),
# in a fixed number of queries.


class ListingStructValue(blocks.StructValue):
    def title(self):
        """The heading staff wrote, or the block's standard one in the reader's language."""
        return self.get("heading") or self.block.meta.default_heading


class LeadBlock(blocks.StructBlock):
    """The top of the home page: the page's title, a message, a few words, an image and a link."""

    message = blocks.CharBlock(
        label=_("Message"), max_length=255, help_text=_("The large sentence under the site's name.")
    )
    text = blocks.RichTextBlock(label=_("Text"), required=False, features=["bold", "italic", "link", "ol", "ul"])
    image = ImageBlock(label=_("Image"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80, required=False)
    page = blocks.PageChooserBlock(label=_("Link to"), required=False)

    class Meta:
        icon = "pick"
        template = "home/blocks/lead.html"
        value_class = LinkStructValue
        label = _("Lead message")
        description = _("The page's title with a message, a short text, an image and a link: the first screen.")
        preview_value = {
            "message": "Ensemble pour les droits des réfugiés et des nouveaux arrivants.",
            "text": "<p>Une coalition d'organismes membres engagés pour la protection des réfugiés.</p>",
        }


class ListingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, required=False, help_text=_("Leave blank for the standard heading.")
    )
    text = blocks.TextBlock(label=_("Introduction"), required=False)
    count = blocks.IntegerBlock(label=_("How many"), min_value=1, max_value=12, default=3)

    class Meta:
        value_class = ListingStructValue
        preview_value = {"heading": "", "text": "", "count": 3}


class WorkingGroupsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        required=False,
        help_text=_("Leave blank for « Our working groups »."),
    )
    text = blocks.TextBlock(label=_("Introduction"), required=False)

    class Meta:
        icon = "group"
        template = "home/blocks/working_groups.html"
        value_class = ListingStructValue
        default_heading = _("Our working groups")
        label = _("Working groups")
        description = _("The published working groups, each with its picture, summary and topics.")
        preview_value = {"heading": "", "text": ""}


class UpcomingMeetingsBlock(ListingBlock):
    class Meta:
        icon = "date"
        template = "home/blocks/upcoming_meetings.html"
        default_heading = _("Upcoming meetings")
        label = _("Upcoming meetings")
        description = _("The next meetings of the published working groups, soonest first.")


class LatestResourcesBlock(ListingBlock):
    class Meta:
        icon = "doc-full"
        template = "home/blocks/latest_resources.html"
        default_heading = _("New in the resource library")
        label = _("Newest public resources")
        description = _("The newest resources open to everyone (members-only resources are never listed here).")


class LatestAchievementsBlock(ListingBlock):
    class Meta:
        icon = "success"
        template = "home/blocks/latest_achievements.html"
        default_heading = _("Latest achievements")
        label = _("Latest achievements")
        description = _("The working groups' newest achievements.")


class CallToJoinBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False, help_text=_("For example the membership page."))
    link_text = blocks.CharBlock(
        label=_("Link text"),
        max_length=80,
        required=False,
        help_text=_("Leave blank to use the page's title."),
    )
    signup_button = blocks.BooleanBlock(
        label=_("Add a « Become a member » button"),
        required=False,
        default=True,
        help_text=_("It leads to the sign-up form, in the reader's language."),
    )

    class Meta:
        icon = "user"
        template = "home/blocks/call_to_join.html"
        value_class = LinkStructValue
        label = _("Call to join")
        description = _("Invites organisations to become members, with a button.")
        preview_value = {
            "heading": "Participez à un groupe de travail",
            "text": "Les groupes de travail sont composés exclusivement de membres.",
        }


class HomeStreamBlock(blocks.StreamBlock):
    lead = LeadBlock()
    working_groups = WorkingGroupsBlock()
    upcoming_meetings = UpcomingMeetingsBlock()
    latest_resources = LatestResourcesBlock()
    latest_achievements = LatestAchievementsBlock()
    call_to_join = CallToJoinBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3"],
        icon="pilcrow",
        description=_("Text with links and lists."),
    )

    class Meta:
        block_counts = {"lead": {"max_num": 1}}


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
