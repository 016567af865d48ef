"""The translation workflow speaks the admin's language: the review workflow's name, in French and English."""

import pytest

from django.urls import reverse

from wagtail.users.models import UserProfile


def set_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.mark.parametrize(
    ("language", "label", "other"),
    [
        ("fr", "Soumettre à Relecture des communications", "Communications review"),
        ("en", "Submit to Communications review", "Relecture des communications"),
    ],
)
def test_the_page_editor_names_the_review_workflow_in_the_admin_language(
    client, editor, french_page, language, label, other
):
    set_admin_language(editor, language)
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french_page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert label in html
    assert other not in html
