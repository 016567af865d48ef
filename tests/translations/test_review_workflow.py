"""Translations are not published behind anyone's back: drafts first, then "Communications review"."""

import pytest

from django.conf import settings
from django.urls import reverse

from wagtail.models import Page, WorkflowPage, WorkflowState
from wagtail_localize.models import Translation

from home.models import HomePage


@pytest.fixture
def english(locales):
    return locales[1]


def test_both_language_trees_have_the_review_workflow(site_tree, french_page, english):
    assert site_tree["fr"].get_workflow().name == settings.TRANSLATIONS_REVIEW_WORKFLOW_NAME
    assert site_tree["en"].get_workflow().name == settings.TRANSLATIONS_REVIEW_WORKFLOW_NAME
    assert french_page.get_workflow().name == settings.TRANSLATIONS_REVIEW_WORKFLOW_NAME
    workflow = site_tree["fr"].get_workflow()
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [settings.TRANSLATIONS_REVIEWERS_GROUP]


def test_editors_cannot_publish_and_reviewers_can(site_tree, editor, reviewer):
    home = site_tree["en"]
    assert home.permissions_for_user(editor).can_edit()
    assert not home.permissions_for_user(editor).can_publish()
    assert home.permissions_for_user(reviewer).can_publish()


def test_new_translations_start_as_drafts(client, editor, french_page, english):
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False
    assert french_page.live
    client.force_login(editor)
    client.post(reverse("wagtail_localize:submit_page_translation", args=[french_page.pk]), {"locales": [english.pk]})
    english_page = french_page.get_translation(english)
    assert english_page.live is False
    assert client.get(english_page.specific.url or "/en/detention/").status_code == 404


@pytest.mark.parametrize("author", ["editor", "translator"])
def test_editor_or_translator_submits_and_reviewer_approves(
    client, request, author, reviewer, french_page, english, django_capture_on_commit_callbacks
):
    editor = request.getfixturevalue(author)
    client.force_login(editor)
    client.post(reverse("wagtail_localize:submit_page_translation", args=[french_page.pk]), {"locales": [english.pk]})
    translation = Translation.objects.get(source__object_id=french_page.translation_key, target_locale=english)
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"})
    english_page = french_page.get_translation(english).specific

    # The translation editor refuses to publish for an editor...
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[english_page.pk]),
            {"action": "publish"},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
    assert response.status_code == 403
    english_page.refresh_from_db()
    assert not english_page.live

    # ...who submits it for review instead.
    review_url = reverse("translations:submit_for_review", args=[english_page.pk])
    page_html = client.get(review_url)
    assert page_html.status_code == 200
    # The admin speaks French by default: the workflow shows its French name.
    assert "Relecture des communications" in page_html.content.decode()
    response = client.post(review_url)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(english_page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    english_page.refresh_from_db()
    assert not english_page.live
    assert english_page.get_latest_revision().as_object().title.startswith("[EN] ")

    # The editor cannot approve their own submission.
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[english_page.pk, "approve", state.current_task_state.pk]
    )
    refused = client.post(approve_url)
    # Wagtail's admin answers a refused action by sending the user to the dashboard.
    assert refused.status_code == 302
    assert refused["Location"] == reverse("wagtailadmin_home")
    english_page.refresh_from_db()
    assert not english_page.live

    # The reviewer approves: the translation is published, and the reviewer is sent back to its editor.
    client.force_login(reviewer)
    response = client.post(approve_url)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[english_page.pk])
    english_page.refresh_from_db()
    assert english_page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_submit_for_review_needs_edit_permission(client, outsider, french_page, english, superuser):
    from wagtail_localize.operations import translate_object

    translate_object(french_page, [english], user=superuser)
    english_page = french_page.get_translation(english)
    client.force_login(outsider)
    response = client.post(
        reverse("translations:submit_for_review", args=[english_page.pk]),
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 403
    assert not WorkflowState.objects.filter(object_id=str(english_page.pk)).exists()


def test_a_new_language_home_page_gets_the_workflow(site_tree, locales):
    root = Page.get_first_root_node()
    other_home = root.add_child(instance=HomePage(title="Autre site", slug="autre-site", locale=locales[0]))
    assert WorkflowPage.objects.get(page=other_home).workflow.name == settings.TRANSLATIONS_REVIEW_WORKFLOW_NAME


def test_demo_loader_part_is_idempotent(site_tree):
    from io import StringIO

    from translations import demo

    demo.load(StringIO())
    counts = (WorkflowPage.objects.count(), WorkflowState.objects.count())
    out = StringIO()
    demo.load(out)
    assert (WorkflowPage.objects.count(), WorkflowState.objects.count()) == counts
    assert "created" not in out.getvalue()


def test_explorer_offers_submit_for_review_on_translations(client, editor, french_page, english, site_tree):
    client.force_login(editor)
    client.post(reverse("wagtail_localize:submit_page_translation", args=[french_page.pk]), {"locales": [english.pk]})
    english_page = french_page.get_translation(english)
    html = client.get(reverse("wagtailadmin_explore", args=[site_tree["en"].pk])).content.decode()
    assert reverse("translations:submit_for_review", args=[english_page.pk]) in html
    # Not on the French source, which is not a translation.
    html = client.get(reverse("wagtailadmin_explore", args=[site_tree["fr"].pk])).content.decode()
    assert reverse("translations:submit_for_review", args=[french_page.pk]) not in html
