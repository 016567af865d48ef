"""The translation workflow speaks the admin's language: the review workflow's name and its dates."""

import datetime

import pytest

from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Task, TaskState, Workflow
from wagtail.users.models import UserProfile

BILINGUAL_NAME = "Relecture des communications / Communications review"


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


def test_the_review_workflow_and_its_task_carry_the_bilingual_name(site_tree):
    assert settings.TRANSLATIONS_REVIEW_WORKFLOW_NAME == BILINGUAL_NAME
    assert site_tree["fr"].get_workflow().name == BILINGUAL_NAME
    assert site_tree["fr"].get_workflow().tasks.get().name == BILINGUAL_NAME


@pytest.mark.parametrize(
    ("who", "screen"),
    [
        ("editor", lambda page: reverse("wagtailadmin_home")),  # "Your pages in a workflow"
        ("reviewer", lambda page: reverse("wagtailadmin_home")),  # "Awaiting your review"
        ("editor", lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk])),  # status side panel
        ("editor", lambda page: reverse("wagtailadmin_pages:history", args=[page.pk])),
        ("editor", lambda page: reverse("wagtailadmin_pages:workflow_history", args=[page.pk])),
        ("superuser", lambda page: reverse("wagtailadmin_reports:workflow")),
        ("superuser", lambda page: reverse("wagtailadmin_reports:workflow_tasks")),
    ],
)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_wagtails_own_screens_show_the_workflow_name_that_reads_in_both_languages(
    client, request, page_in_review, who, screen, language
):
    """Wagtail shows the workflow's and the task's name as stored: that name is French and English."""
    user = request.getfixturevalue(who)
    set_admin_language(user, language)
    client.force_login(user)
    response = client.get(screen(page_in_review))
    assert response.status_code == 200
    html = response.content.decode()
    assert BILINGUAL_NAME in html
    # Nowhere the English name alone (the French one alone is our own "Submit to …" item).
    assert "Communications review" not in html.replace(BILINGUAL_NAME, "")


def test_the_migration_gives_an_existing_english_named_workflow_the_bilingual_name(site_tree):
    import importlib

    migration = importlib.import_module("translations.migrations.0003_bilingual_review_workflow_name")
    workflow = site_tree["fr"].get_workflow()
    Workflow.objects.filter(pk=workflow.pk).update(name="Communications review")
    Task.objects.filter(name=BILINGUAL_NAME).update(name="Communications review")
    renamed_by_staff = Workflow.objects.create(name="Relecture du conseil")

    migration.to_bilingual(apps, None)

    assert Workflow.objects.get(pk=workflow.pk).name == BILINGUAL_NAME
    assert workflow.tasks.get().name == BILINGUAL_NAME
    assert Workflow.objects.get(pk=renamed_by_staff.pk).name == "Relecture du conseil"


@pytest.mark.parametrize(
    ("language", "said", "not_said"),
    [("fr", "il y a 3\xa0jours", "3\xa0jours ago"), ("en", "3\xa0days ago", "il y a 3\xa0jours")],
)
def test_how_long_a_page_has_been_in_review_is_said_in_the_admin_language(
    client, editor, page_in_review, language, said, not_said
):
    """Wagtail's status panel says "Sent to … 3 days ago" with humanize, whose catalogue loads only when installed."""
    TaskState.objects.update(started_at=timezone.now() - datetime.timedelta(days=3, minutes=5))
    set_admin_language(editor, language)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page_in_review.pk])).content.decode()
    assert said in html
    assert not_said not in html
