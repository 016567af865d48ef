"""Staff side in the Wagtail admin: workshop proposals to accept or decline, and every registration."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Registration, WorkshopProposal


class ProposalEditView(EditView):
    """Changing the status is the decision: who decided, and when, are recorded with it."""

    def save_instance(self):
        if "status" in self.form.changed_data:
            self.form.instance.decided_by = self.request.user
            self.form.instance.decided_at = timezone.now()
        return super().save_instance()


class WorkshopProposalViewSet(ModelViewSet):
    """Co-chairs propose from the members area; staff accept or decline here, then make the workshop page."""

    model = WorkshopProposal
    icon = "doc-full"
    menu_label = _("Workshop proposals")
    url_prefix = "meetings/workshop-proposals"
    add_view_enabled = False
    copy_view_enabled = False
    edit_view_class = ProposalEditView
    list_display = [
        Column("title", label=_("title"), accessor="title"),
        Column("group", label=_("working group"), accessor="group.title"),
        Column("consultation", label=_("Consultations"), accessor="consultation.title"),
        Column("status", label=_("status"), accessor="get_status_display"),
        DateColumn("proposed_at", label=_("proposed at")),
    ]
    list_filter = ["status", "consultation"]
    edit_handler = ObjectList([FieldPanel("title"), FieldPanel("description"), FieldPanel("status")])

    def get_queryset(self, request):
        return WorkshopProposal.objects.select_related("group", "consultation")


class RegistrationViewSet(ModelViewSet):
    """Every registration, for membership staff; co-chairs see their groups' from the members area."""

    model = Registration
    icon = "list-ul"
    menu_label = _("Registrations")
    url_prefix = "meetings/registrations"
    add_view_enabled = False
    copy_view_enabled = False
    list_display = [
        Column("user", label=_("user"), accessor="user"),
        Column("event", label=_("event"), accessor="event.title"),
        Column("status", label=_("status"), accessor="get_status_display"),
        Column("needs_interpretation", label=_("Interpretation"), accessor="needs_interpretation"),
        DateColumn("registered_at", label=_("registered at")),
    ]
    list_filter = ["status", "needs_interpretation", "in_person"]
    list_export = ["user", "user.email", "event.title", "status", "needs_interpretation", "in_person", "attended"]
    export_filename = "registrations"
    edit_handler = ObjectList([FieldPanel("attended")])

    def get_queryset(self, request):
        return Registration.objects.select_related("user", "event")


class MeetingsViewSetGroup(ViewSetGroup):
    menu_label = _("Meetings")
    menu_icon = "date"
    menu_order = 260
    items = (WorkshopProposalViewSet, RegistrationViewSet)


@hooks.register("register_admin_viewset")
def register_meetings_viewsets():
    return MeetingsViewSetGroup()
