"""Download counting: one UPDATE ... SET n = n + 1, per resource and per month, never lost."""

import datetime
import threading

import pytest

from django.db import close_old_connections, connection
from django.utils import timezone

from resources.models import Resource, ResourceDownloadMonth
from tests.factories.resources import ResourceFactory


@pytest.fixture
def resource(locales):
    return ResourceFactory(audience="public")


def test_counts_per_resource_and_per_month(resource):
    march = timezone.make_aware(datetime.datetime(2025, 3, 14, 12))
    april = timezone.make_aware(datetime.datetime(2025, 4, 2, 12))
    resource.record_download(march)
    resource.record_download(march)
    resource.record_download(april)
    resource.refresh_from_db()
    assert resource.download_count == 3
    months = dict(ResourceDownloadMonth.objects.filter(resource=resource).values_list("month", "count"))
    assert months == {datetime.date(2025, 3, 1): 2, datetime.date(2025, 4, 1): 1}


def test_counting_is_done_by_the_database(resource):
    """A copy loaded before other downloads still adds one to the stored count, never writes its own."""
    stale = Resource.objects.get(pk=resource.pk)
    resource.record_download()
    resource.record_download()
    stale.record_download()
    resource.refresh_from_db()
    assert resource.download_count == 3
    assert ResourceDownloadMonth.objects.get(resource=resource).count == 3


def counts(*resources):
    return [Resource.objects.get(pk=resource.pk).download_count for resource in resources]


def test_download_view_counts_once(client, site_tree, resource):
    response = client.get(resource.get_download_url())
    assert response.status_code == 200
    assert counts(resource) == [1]
    client.get(resource.get_download_url())
    assert counts(resource) == [2]
    assert ResourceDownloadMonth.objects.get(resource=resource).count == 2


def test_wagtail_serve_view_counts_too(client, site_tree, resource):
    response = client.get(resource.document.url)
    assert response.status_code == 200
    assert counts(resource) == [1]


@pytest.mark.parametrize("staff", [False, True])
def test_members_and_staff_downloads_count_once(client, site_tree, visitors, staff):
    private = ResourceFactory(audience="members")
    client.force_login(visitors["staff" if staff else "approved"])
    assert client.get(private.get_download_url()).status_code == 200
    assert client.get(private.document.url).status_code == 200
    assert counts(private) == [2]


def test_each_language_version_counts_its_own_downloads(client, site_tree, locales):
    """The English version shows the French file: a download from /en/ counts for the English version."""
    from home.translation import translate_instance

    french = ResourceFactory(title="Outil", slug="outil", audience="public")
    strings = {"Outil": "Tool", "outil": "tool", "Un outil pratique.": "A tool."}
    english = translate_instance(french, locales[1], strings)
    assert english.document_id == french.document_id
    assert client.get(english.get_download_url()).status_code == 200
    assert counts(french, english) == [0, 1]
    assert client.get(french.get_download_url()).status_code == 200
    assert counts(french, english) == [1, 1]
    # Wagtail's own URL counts for the version in the visitor's language.
    assert client.get(french.document.url, headers={"accept-language": "en"}).status_code == 200
    assert counts(french, english) == [1, 2]


def test_a_shared_file_counts_for_the_resource_asked_for(client, site_tree):
    first = ResourceFactory(audience="public")
    second = ResourceFactory(audience="public", document=first.document)
    assert client.get(second.get_download_url()).status_code == 200
    assert counts(first, second) == [0, 1]


@pytest.mark.parametrize("kind", ["anonymous", "pending"])
def test_refused_downloads_are_not_counted(client, site_tree, visitors, kind):
    private = ResourceFactory(audience="members")
    if visitors[kind] is not None:
        client.force_login(visitors[kind])
    refused = 302 if kind == "anonymous" else 403
    assert client.get(private.get_download_url()).status_code == refused
    assert client.get(private.document.url).status_code == refused
    assert counts(private) == [0]
    assert not ResourceDownloadMonth.objects.filter(resource=private).exists()


def test_saving_or_publishing_a_stale_copy_keeps_the_count(resource):
    stale = Resource.objects.get(pk=resource.pk)
    resource.record_download()
    resource.record_download()
    stale.title = "Nouveau titre"
    stale.save()
    revision = stale.save_revision()
    Resource.objects.get(pk=resource.pk).record_download()
    revision.publish()
    resource.refresh_from_db()
    assert resource.title == "Nouveau titre"
    assert resource.download_count == 3


def test_translation_starts_at_zero(resource, locales):
    from home.translation import translate_instance

    resource.record_download()
    english = translate_instance(
        resource,
        locales[1],
        {resource.title: "Resource", resource.slug: "resource", resource.description: "A tool."},
    )
    assert english.download_count == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_downloads_lose_nothing(locales):
    resource = ResourceFactory(audience="public")
    threads_count, per_thread = 8, 10
    barrier = threading.Barrier(threads_count)
    errors = []

    def download():
        try:
            barrier.wait()
            for _ in range(per_thread):
                Resource.objects.get(pk=resource.pk).record_download()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=download) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    resource.refresh_from_db()
    assert resource.download_count == threads_count * per_thread
    assert ResourceDownloadMonth.objects.get(resource=resource).count == threads_count * per_thread
