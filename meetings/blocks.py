"""The agenda of a meeting, and the documents given to its participants."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class AgendaItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Item"), max_length=200)
    details = blocks.TextBlock(label=_("Details"), required=False)
    project = blocks.PageChooserBlock(
        label=_("Related project"), page_type=["workinggroups.ProjectPage"], required=False
    )
    resource = SnippetChooserBlock("resources.Resource", label=_("Related resource"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Agenda item")
        template = "meetings/blocks/agenda_item.html"
        description = _("One item of the agenda, optionally linked to a project or a resource.")
        preview_value = {"title": "Tour de table", "details": "Nouvelles des organisations membres."}


class AgendaBlock(blocks.StreamBlock):
    item = AgendaItemBlock()


class ParticipantDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    caption = blocks.CharBlock(label=_("Caption"), max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")


class ParticipantDocumentsBlock(blocks.StreamBlock):
    document = ParticipantDocumentBlock()
