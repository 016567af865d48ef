from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import MainMenu, SiteFooter


class SiteFooterViewSet(SnippetViewSet):
    model = SiteFooter
    icon = "list-ul"
    menu_label = _("Site footer")
    add_to_settings_menu = True
    list_display = ["organisation_name", "locale", "email"]


register_snippet(SiteFooterViewSet)


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ol"
    menu_label = _("Main menu")
    add_to_settings_menu = True
    list_display = ["__str__", "locale"]


register_snippet(MainMenuViewSet)
