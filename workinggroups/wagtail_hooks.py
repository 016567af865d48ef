from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


class TopicViewSet(SnippetViewSet):
    """Topics are chosen on groups, projects and achievements with the snippet chooser."""

    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "description", "locale"]
    list_filter = ["locale"]
    list_export = ["name", "description", "locale"]
    search_fields = ["name", "description"]
    ordering = ["name"]


register_snippet(TopicViewSet)
