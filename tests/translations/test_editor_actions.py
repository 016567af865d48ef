"""The translation editor: no destructive main button, and "Submit translation for review" within reach."""

import html
import json
import re

import pytest

from django.urls import reverse

from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.operations import translate_object


@pytest.fixture
def english_page(french_page, superuser):
    translate_object(french_page, [Locale.objects.get(language_code="en")], user=superuser)
    return french_page.get_translation(Locale.objects.get(language_code="en"))


def open_editor(client, user, page, language="fr"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    props = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', text).group(1)))
    return text, props


def action_link(text, action):
    match = re.search(rf'href="([^"]*)" data-translation-action="{action}"', text)
    return html.unescape(match.group(1)) if match else None


def test_an_editor_gets_submit_for_review_and_no_destructive_main_button(client, editor, english_page):
    text, props = open_editor(client, editor, english_page)
    # The footer's main button is its last action: neither "Convert to alias page" nor "Delete" can be it.
    assert "convertToAliasUrl" not in props["links"]
    assert props["perms"]["canPublish"] is False
    assert props["perms"]["canDelete"] is False
    # Above the editor, in the admin's language: submit for review, and the conversion, labelled for what it does.
    submit = action_link(text, "submit-for-review")
    assert submit.startswith(reverse("translations:submit_for_review", args=[english_page.pk]))
    assert "Envoyer la traduction en révision" in text
    convert = action_link(text, "convert-to-alias")
    assert convert.startswith(reverse("wagtail_localize:convert_to_alias", args=[english_page.pk]))
    assert "Abandonner cette traduction (convertir en alias)" in text
    # The submit link leads to the review page, which comes back to the editor.
    review = client.get(submit)
    assert review.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=[english_page.pk]) in review.content.decode()


def test_a_reviewer_keeps_publish_as_the_main_button(client, reviewer, english_page):
    text, props = open_editor(client, reviewer, english_page, language="en")
    assert props["perms"]["canPublish"] is True
    assert "convertToAliasUrl" not in props["links"]
    assert "Discard this translation (convert to alias)" in text
    assert action_link(text, "submit-for-review") is not None
