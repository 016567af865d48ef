"""The translation editor's actions, rearranged so that no destructive action is the main button.

wagtail-localize's editor (a React app reading its ``props``) makes the last action of its footer
the main button: for someone who may not publish, that can be "Convert to alias page", which
throws the translation away, or "Delete". Those two leave the footer; "Convert to alias page"
moves to the bar above the editor, beside "Submit translation for review" (which the editor
itself does not offer). Deleting stays in the page listing's ⋯ menu.
"""

import json

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from ..views import enabled_translation_of

register = template.Library()


@register.filter
def without_destructive_defaults(props):
    """The editor's props without "Convert to alias page", and without "Delete" unless "Publish" is the main button."""
    data = json.loads(props)
    data.get("links", {}).pop("convertToAliasUrl", None)
    perms = data.get("perms", {})
    if not perms.get("canPublish"):
        perms["canDelete"] = False
    return json.dumps(data)


@register.inclusion_tag("translations/editor_actions.html", takes_context=True)
def translation_editor_actions(context):
    """The bar above the translation editor: submit for review, and convert back to an alias."""
    request = context["request"]
    page = context.get("instance") if context.get("is_page") else None
    actions = {"submit_url": None, "convert_url": None}
    if page is None:
        return actions
    props = json.loads(context["props"])
    perms = page.permissions_for_user(request.user)
    back_to_editor = "?" + urlencode({"next": reverse("wagtailadmin_pages:edit", args=[page.pk])})
    if perms.can_submit_for_moderation() and enabled_translation_of(page) is not None:
        actions["submit_url"] = reverse("translations:submit_for_review", args=[page.pk]) + back_to_editor
    convert_url = props.get("links", {}).get("convertToAliasUrl")
    if convert_url:
        actions["convert_url"] = convert_url + back_to_editor
    actions["can_publish"] = props.get("perms", {}).get("canPublish", False)
    return actions
