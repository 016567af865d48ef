from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import GeneralMeeting, Resolution


class ResolutionRecordViewSet(SnippetViewSet):
    model = Resolution
    icon = "doc-full"
    list_display = ["__str__", "stage", "outcome", "decided_on", "general_meeting"]
    list_filter = ["stage", "outcome"]


class GeneralMeetingViewSet(SnippetViewSet):
    model = GeneralMeeting
    icon = "group"
    list_display = ["__str__", "city"]


class ResolutionsViewSetGroup(SnippetViewSetGroup):
    items = (ResolutionRecordViewSet, GeneralMeetingViewSet)
    menu_icon = "doc-full"
    menu_label = _("Resolutions")
    menu_name = "resolutions"


register_snippet(ResolutionsViewSetGroup)
