"""Download counting: one UPDATE ... SET n = n + 1, per resource and per month, never lost."""

import datetime
import threading

import pytest

from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
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
    resource.record_download()
    with CaptureQueriesContext(connection) as captured:
        resource.record_download()
    updates = [query["sql"] for query in captured if query["sql"].startswith("UPDATE")]
    assert len(updates) == 2
    assert all("+ 1" in sql or "+ %s" in sql for sql in updates)
    assert not [query for query in captured if query["sql"].startswith("SELECT")]


def test_download_view_counts_once(client, site_tree, resource):
    response = client.get(resource.get_download_url())
    assert response.status_code == 200
    resource.refresh_from_db()
    assert resource.download_count == 1


def test_refused_downloads_are_not_counted(client, site_tree):
    private = ResourceFactory(audience="members")
    assert client.get(private.get_download_url()).status_code == 302
    private.refresh_from_db()
    assert private.download_count == 0


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
