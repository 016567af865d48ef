import pytest

from django.contrib.auth.models import Group, Permission

from home.translation import translate_instance
from tests.factories.resources import ResourceFactory, make_user


def make_editor(email, group_name="Editors"):
    """Staff as Wagtail's admin makes them: in a group that may manage resources, not in Members."""
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        *Permission.objects.filter(content_type__app_label="resources", content_type__model="resource"),
    )
    user = make_user(email)
    user.is_staff = True
    user.save()
    user.groups.add(group)
    return user


@pytest.fixture
def visitors(db):
    """The four kinds of visitor of the access matrix (``None`` is anonymous)."""
    return {
        "anonymous": None,
        "pending": make_user("pending@example.org"),
        "approved": make_user("member@example.org", member=True),
        "staff": make_editor("staff@example.org"),
    }


@pytest.fixture
def library(site_tree, locales):
    """A public and a members-only resource, each translated into English."""
    french, english = locales
    public = ResourceFactory(title="Outil public", slug="outil-public", audience="public")
    private = ResourceFactory(title="Rapport des membres", slug="rapport-des-membres", audience="members")
    translate_instance(
        public, english, {"Outil public": "Public tool", "outil-public": "public-tool", "Un outil pratique.": "A tool."}
    )
    translate_instance(
        private,
        english,
        {
            "Rapport des membres": "Members' report",
            "rapport-des-membres": "members-report",
            "Un outil pratique.": "A tool.",
        },
    )
    return {"public": public, "members": private}


def body(response):
    """The bytes a response sends, streamed or not."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content
