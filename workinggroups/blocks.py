"""The sections of the working groups index page, each a block staff edit.

The page « Les groupes de travail » explains what the groups are, what they are in
charge of, who is involved, when they meet, how issues are addressed and the impact
of the work. Each part is a block with its own fields and template rather than one
rich-text blob, so the structure survives edits and translation.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .choices import ImpactArea, IssueApproach

SECTION_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ChoiceItemValue(blocks.StructValue):
    def label(self):
        """The wording the editor typed, or the standard label of the choice."""
        text = self.get("text")
        if text:
            return text
        choice = self.get("choice")
        return dict(self.block.child_blocks["choice"].field.choices).get(choice, "")


class ApproachItemBlock(blocks.StructBlock):
    choice = blocks.ChoiceBlock(choices=IssueApproach.choices, label=_("Way"))
    text = blocks.CharBlock(
        label=_("Wording"),
        required=False,
        max_length=200,
        help_text=_("Leave blank to show the standard name of this way."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Way of addressing an issue")
        value_class = ChoiceItemValue


class ImpactItemBlock(blocks.StructBlock):
    choice = blocks.ChoiceBlock(choices=ImpactArea.choices, label=_("Kind of impact"))
    text = blocks.CharBlock(
        label=_("Wording"),
        required=False,
        max_length=200,
        help_text=_("Leave blank to show the standard name of this kind of impact."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Kind of impact")
        value_class = ChoiceItemValue


class SectionBlock(blocks.StructBlock):
    """A section with its heading: the base of the index page's sections."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)


class PurposeSectionBlock(SectionBlock):
    body = blocks.RichTextBlock(label=_("What they are"), features=SECTION_TEXT_FEATURES)
    note = blocks.RichTextBlock(
        label=_("Note"),
        required=False,
        features=["bold", "italic", "link"],
        help_text=_("A footnote shown in smaller type under the text, for example what an « issue » means."),
    )
    responsibilities_intro = blocks.TextBlock(label=_("Before the list of responsibilities"), required=False)
    responsibilities = blocks.ListBlock(
        blocks.CharBlock(label=_("Responsibility"), max_length=200),
        label=_("What the groups are in charge of"),
    )

    class Meta:
        icon = "help"
        template = "workinggroups/blocks/purpose_section.html"
        label = _("What working groups are")
        description = _("What the groups are, with a footnote and the list of what they are in charge of.")
        preview_value = {
            "heading": "Que sont-ils ?",
            "body": "<p>Les groupes de travail sont des réseaux de collaboration.</p>",
            "responsibilities_intro": "Les groupes de travail sont en charge de :",
            "responsibilities": ["Élaborer des résolutions", "Proposer des actions"],
        }


class InvolvementSectionBlock(SectionBlock):
    body = blocks.RichTextBlock(label=_("Who is involved"), features=SECTION_TEXT_FEATURES)
    leadership_label = blocks.CharBlock(
        label=_("Who leads a group"),
        max_length=200,
        help_text=_("Upper level of the diagram, for example: co-chairs, steering committee, Executive rep."),
    )
    membership_label = blocks.CharBlock(
        label=_("Who takes part"),
        max_length=200,
        help_text=_("Lower level of the diagram, for example: members and a staff member."),
    )

    class Meta:
        icon = "group"
        template = "workinggroups/blocks/involvement_section.html"
        label = _("Who is involved")
        description = _("Who makes up a group, with a two-level diagram of who leads and who takes part.")
        preview_value = {
            "heading": "Qui est impliqué ?",
            "body": "<p>Chaque groupe de travail est composé exclusivement de membres.</p>",
            "leadership_label": "Co-président-e-s, comité directeur, rep. exécutif",
            "membership_label": "Membres + Membre du personnel",
        }


class MeetingsSectionBlock(SectionBlock):
    body = blocks.RichTextBlock(label=_("When they meet"), features=SECTION_TEXT_FEATURES)

    class Meta:
        icon = "date"
        template = "workinggroups/blocks/meetings_section.html"
        label = _("When they meet")
        description = _("How often and where the groups meet; the page adds the calendar of all groups.")
        preview_value = {
            "heading": "Quand se rencontrent-ils ?",
            "body": "<p>Les groupes de travail se rencontrent 3-4 fois par année.</p>",
        }


class ApproachesSectionBlock(SectionBlock):
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    items = blocks.ListBlock(ApproachItemBlock(), label=_("Ways"))

    class Meta:
        icon = "list-ol"
        template = "workinggroups/blocks/choice_list_section.html"
        label = _("How issues are addressed")
        description = _("The ways an issue is addressed; projects are tagged with the same ways.")
        preview_value = {
            "heading": "De quelle façon les enjeux sont-ils adressés ?",
            "items": [
                {"choice": IssueApproach.RESOLUTION, "text": "passer une résolution"},
                {"choice": IssueApproach.PUBLIC_CAMPAIGN, "text": ""},
            ],
        }


class ImpactSectionBlock(SectionBlock):
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    items = blocks.ListBlock(ImpactItemBlock(), label=_("Kinds of impact"))

    class Meta:
        icon = "success"
        template = "workinggroups/blocks/choice_list_section.html"
        label = _("Impact of the work")
        description = _("The kinds of impact; achievements are tagged with the same kinds.")
        preview_value = {
            "heading": "L'impact de notre travail",
            "items": [{"choice": ImpactArea.GOVERNMENT, "text": ""}, {"choice": ImpactArea.PUBLIC_AWARENESS}],
        }


class TextSectionBlock(SectionBlock):
    body = blocks.RichTextBlock(label=_("Text"), features=SECTION_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        template = "workinggroups/blocks/text_section.html"
        label = _("Other section")
        description = _("Any other section: a heading and text.")
        preview_value = {"heading": "Section", "body": "<p>Texte de la section.</p>"}


class IndexSectionsBlock(blocks.StreamBlock):
    purpose = PurposeSectionBlock()
    involvement = InvolvementSectionBlock()
    meetings = MeetingsSectionBlock()
    approaches = ApproachesSectionBlock()
    impact = ImpactSectionBlock()
    text = TextSectionBlock()
