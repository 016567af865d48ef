"""A resolution's clauses and its follow-up, as StreamField blocks.

Each clause is one block: wagtail-localize makes one translation segment of it, and its block
id (the same in every language) is what an amendment points to.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class WhereasBlock(blocks.TextBlock):
    class Meta:
        icon = "openquote"
        label = _("Whereas")
        description = _("A clause of the preamble: why the coalition acts.")
        preview_value = "les délais de traitement des demandes de réunification familiale dépassent deux ans ;"


class ResolvedBlock(blocks.TextBlock):
    class Meta:
        icon = "tick"
        label = _("Be it resolved")
        description = _("An operative clause: what the coalition decides.")
        preview_value = "que la coalition demande au gouvernement de réduire ces délais à six mois."


class ClausesBlock(blocks.StreamBlock):
    whereas = WhereasBlock()
    resolved = ResolvedBlock()


class ActionStatus:
    NOT_STARTED = "not-started"
    UNDER_WAY = "under-way"
    DONE = "done"
    CHOICES = [(NOT_STARTED, _("Not started")), (UNDER_WAY, _("Under way")), (DONE, _("Done"))]


class ActionValue(blocks.StructValue):
    def status_label(self):
        return dict(ActionStatus.CHOICES).get(self.get("status"), "")


class ActionBlock(blocks.StructBlock):
    description = blocks.TextBlock(label=_("Action"))
    status = blocks.ChoiceBlock(label=_("Status"), choices=ActionStatus.CHOICES, default=ActionStatus.NOT_STARTED)

    class Meta:
        icon = "tasks"
        label = _("Action")
        value_class = ActionValue
        preview_value = {"description": "Écrire au ministre.", "status": ActionStatus.UNDER_WAY}


class UpdateBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    text = blocks.TextBlock(label=_("What happened"))
    projects = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=["workinggroups.ProjectPage"]), label=_("Projects"), default=[]
    )
    achievements = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=["workinggroups.AchievementPage"]), label=_("Achievements"), default=[]
    )

    class Meta:
        icon = "date"
        label = _("Update")


class FollowUpBlock(blocks.StreamBlock):
    action = ActionBlock()
    update = UpdateBlock()
