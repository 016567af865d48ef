"""Staff add, filter, translate and retire resources in the Wagtail admin, and see the downloads."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from tests.factories.resources import ResourceFactory


@pytest.fixture
def staff_client(client, visitors):
    client.force_login(visitors["staff"])
    return client


def test_admin_listing_with_the_public_filters(staff_client, site_tree):
    ResourceFactory(title="Un rapport", kind="report")
    ResourceFactory(title="Un guide", kind="guide")
    url = reverse("wagtailsnippets_resources_resource:list")
    response = staff_client.get(url, {"kind": "report"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Un rapport" in html and "Un guide" not in html
    for name in ("q", "working_group", "topic", "kind", "file_language", "year", "audience", "live"):
        assert f'name="{name}"' in html
    # Bad filter input in the admin is a form error too, never a 500.
    assert staff_client.get(url, {"year": "abc", "working_group": "999999999999999999999"}).status_code == 200


def test_staff_add_a_resource_and_its_file_goes_to_the_members_collection(staff_client, site_tree):
    from tests.factories.resources import DocumentFactory

    document = DocumentFactory()
    response = staff_client.post(
        reverse("wagtailsnippets_resources_resource:add"),
        {
            "title": "Nouvel outil",
            "slug": "",
            "description": "Pour les membres.",
            "document": document.pk,
            "file_language": "fr",
            "kind": "practical_tool",
            "audience": "members",
            "date": "2025-01-15",
            "working_group_links-TOTAL_FORMS": "0",
            "working_group_links-INITIAL_FORMS": "0",
            "working_group_links-MIN_NUM_FORMS": "0",
            "working_group_links-MAX_NUM_FORMS": "1000",
            "topic_links-TOTAL_FORMS": "0",
            "topic_links-INITIAL_FORMS": "0",
            "topic_links-MIN_NUM_FORMS": "0",
            "topic_links-MAX_NUM_FORMS": "1000",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from resources.models import Resource

    resource = Resource.objects.get(title="Nouvel outil")
    assert resource.live and resource.slug == "nouvel-outil"
    document.refresh_from_db()
    assert document.collection.get_view_restrictions().exists()


def test_retire_by_unpublishing(staff_client, site_tree):
    resource = ResourceFactory(title="Ancien outil")
    response = staff_client.post(reverse("wagtailsnippets_resources_resource:unpublish", args=[resource.pk]))
    assert response.status_code == 302
    resource.refresh_from_db()
    assert not resource.live


def test_translate_action_is_offered(staff_client, site_tree, visitors):
    from django.contrib.auth.models import Permission

    visitors["staff"].user_permissions.add(Permission.objects.get(codename="submit_translation"))
    resource = ResourceFactory()
    submit_url = reverse("wagtail_localize:submit_snippet_translation", args=["resources", "resource", resource.pk])
    response = staff_client.get(reverse("wagtailsnippets_resources_resource:list"))
    assert submit_url in response.content.decode()
    assert staff_client.get(submit_url).status_code == 200


def test_downloads_per_resource_and_per_month(staff_client, site_tree):
    resource = ResourceFactory(title="Outil populaire")
    resource.record_download(timezone.make_aware(datetime.datetime(2025, 2, 10)))
    resource.record_download(timezone.make_aware(datetime.datetime(2025, 2, 11)))
    listing = staff_client.get(reverse("wagtailsnippets_resources_resource:list")).content.decode()
    assert "Outil populaire" in listing
    response = staff_client.get(reverse("resources_downloads_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Outil populaire" in html and ">2<" in html.replace(" ", "").replace("\n", "")
    export = staff_client.get(reverse("resources_downloads_report"), {"export": "csv"})
    assert b"Outil populaire" in b"".join(export.streaming_content) if export.streaming else export.content


def test_report_needs_resource_permissions(client, site_tree):
    from django.contrib.auth.models import Permission

    from tests.factories.resources import make_user

    editor = make_user("editor@example.org")
    editor.is_staff = True
    editor.save()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(reverse("resources_downloads_report"))
    # Wagtail sends those without the permission back to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
