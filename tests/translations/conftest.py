"""Pages, staff and helpers for the translation workflow tests."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

from home.models import StandardPage


@pytest.fixture(autouse=True)
def _machine_translator(fake_machine_translator):
    """The translation tests follow the machine-translation path with the marking translator;
    tests of the unconfigured editor set the setting back to None."""


@pytest.fixture
def french_page(site_tree):
    page = site_tree["fr"].add_child(
        instance=StandardPage(
            title="Détention des migrants",
            slug="detention",
            introduction="Nous dénonçons la détention des enfants.",
            body=[("paragraph", "<p>Les enfants ne devraient <b>jamais</b> être détenus.</p>")],
        )
    )
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


@pytest.fixture
def page_in_review(french_page, editor, django_capture_on_commit_callbacks):
    """``french_page``, submitted by ``editor`` to its review workflow."""
    with django_capture_on_commit_callbacks(execute=True):
        french_page.get_workflow().start(french_page, editor)
    return french_page


def make_user(email, *groups, **extra):
    user = get_user_model().objects.create_user(email=email, password="pass-word-123", **extra)
    user.groups.add(*groups)
    return user


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(email="root@example.org", password="pass-word-123")


@pytest.fixture
def editor(site_tree):
    """In the Editors group: edits every page, publishes none."""
    return make_user("editor@example.org", Group.objects.get(name="Editors"))


@pytest.fixture
def translator(site_tree):
    """In the Translators group: translates and submits for review, publishes nothing."""
    return make_user("translator@example.org", Group.objects.get(name="Translators"))


@pytest.fixture
def reviewer(site_tree):
    return make_user("reviewer@example.org", Group.objects.get(name="Moderators"))


@pytest.fixture
def outsider(site_tree):
    """Holds the global "submit translation" permission but may only edit an unrelated branch."""
    elsewhere = site_tree["fr"].add_child(instance=StandardPage(title="Ailleurs", slug="ailleurs"))
    group = Group.objects.create(name="Other team")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="submit_translation")
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=elsewhere, permission=Permission.objects.get(codename=codename)
        )
    return make_user("outsider@example.org", group)
