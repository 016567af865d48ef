"""Translation never widens who may change a page: wagtail-localize's views check the object too."""

from urllib.parse import urlencode

import pytest

from django.urls import resolve, reverse

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from translations import views

XHR = {"x-requested-with": "XMLHttpRequest"}  # Wagtail answers 403 to these; a browser is redirected.


@pytest.fixture
def english(locales):
    return locales[1]


@pytest.fixture
def translated(french_page, english, superuser):
    """The French page submitted for translation into English (a draft)."""
    translate_object(french_page, [english], user=superuser)
    return Translation.objects.get(source__object_id=french_page.translation_key, target_locale=english)


def test_wagtail_localize_urls_answer_with_the_guarded_views():
    cases = [
        (reverse("wagtail_localize:submit_page_translation", args=[1]), views.SubmitPageTranslationView),
        (
            reverse("wagtail_localize:submit_snippet_translation", args=["home", "sitefooter", "1"]),
            views.SubmitSnippetTranslationView,
        ),
        (reverse("wagtail_localize:update_translations", args=[1]), views.UpdateTranslationsView),
    ]
    for url, view_class in cases:
        assert resolve(url).func.view_class is view_class


def test_outsider_cannot_create_a_translation(client, outsider, french_page, english):
    client.force_login(outsider)
    url = reverse("wagtail_localize:submit_page_translation", args=[french_page.pk])
    assert client.get(url, headers=XHR).status_code == 403
    assert client.post(url, {"locales": [english.pk]}, headers=XHR).status_code == 403
    assert french_page.get_translation_or_none(english) is None


def test_editor_can_create_a_translation(client, editor, french_page, english):
    client.force_login(editor)
    url = reverse("wagtail_localize:submit_page_translation", args=[french_page.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"locales": [english.pk]}).status_code == 302
    assert french_page.get_translation(english).live is False


def test_outsider_cannot_create_a_snippet_translation(client, outsider, site_tree):
    from home.models import SiteFooter

    footer = SiteFooter.objects.get(locale__language_code="fr")
    client.force_login(outsider)
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "sitefooter", footer.pk])
    assert client.get(url, headers=XHR).status_code == 403


def test_outsider_cannot_sync(client, outsider, translated):
    client.force_login(outsider)
    url = reverse("wagtail_localize:update_translations", args=[translated.source_id])
    assert client.get(url, headers=XHR).status_code == 403
    assert client.post(url, {"publish_translations": "on"}, headers=XHR).status_code == 403


def test_editor_can_sync_but_not_publish_through_sync(client, editor, translated, django_capture_on_commit_callbacks):
    client.force_login(editor)
    url = reverse("wagtail_localize:update_translations", args=[translated.source_id])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"publish_translations": "on"}, headers=XHR).status_code == 403
    assert translated.get_target_instance().live is False
    assert client.post(url, {}).status_code == 302


def test_outsider_cannot_edit_publish_or_prefill_the_translation(client, outsider, translated):
    client.force_login(outsider)
    target = translated.get_target_instance()
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    assert client.get(edit_url, headers=XHR).status_code == 403
    assert client.post(edit_url, {"action": "publish"}, headers=XHR).status_code == 403
    assert (
        client.post(reverse("wagtail_localize:machine_translate", args=[translated.pk]), headers=XHR).status_code == 403
    )
    segment = StringSegment.objects.filter(source=translated.source).first()
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translated.pk, segment.pk]),
        urlencode({"value": "Hacked"}),
        content_type="application/x-www-form-urlencoded",
        headers=XHR,
    )
    assert response.status_code == 403
    target.refresh_from_db()
    assert target.live is False


def test_outsider_gets_nothing_from_the_status_report_actions(client, outsider, french_page, english):
    client.force_login(outsider)
    response = client.get(reverse("translations:status"))
    assert response.status_code == 200
    assert "Détention des migrants" not in response.content.decode()
    from django.contrib.contenttypes.models import ContentType

    key = f"{ContentType.objects.get_for_model(french_page).pk}:{french_page.pk}:{english.pk}"
    client.post(reverse("translations:status"), {"action": "sync", "rows": [key]})
    assert french_page.get_translation_or_none(english) is None
    assert not TranslationSource.objects.filter(object_id=french_page.translation_key).exists()


def test_status_report_needs_the_translation_permission(client, site_tree):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user(email="plain@example.org", password="pass-word-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("translations:status"), headers=XHR).status_code == 403
    assert Locale.objects.filter(language_code="en").exists()


def test_a_browser_is_sent_back_to_the_dashboard_with_a_message(client, outsider, french_page):
    client.force_login(outsider)
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[french_page.pk]), follow=True)
    assert response.redirect_chain[0] == (reverse("wagtailadmin_home"), 302)
    from django.contrib.messages import ERROR

    assert [message.level for message in response.context["messages"]] == [ERROR]
