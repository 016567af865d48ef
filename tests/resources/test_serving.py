"""Serving through Wagtail's serve view: django-sendfile2's X-Accel-Redirect, or a redirect to object storage."""

import pytest

from django.conf import settings
from django.test.utils import override_settings

from resources.models import Resource
from tests.factories.resources import ResourceFactory
from tests.resources.conftest import body

# Wagtail loads SENDFILE_BACKEND once per process; no other test sets another backend.
X_ACCEL = {"SENDFILE_BACKEND": "django_sendfile.backends.nginx", "SENDFILE_URL": "/protected-media/"}


@pytest.fixture
def x_accel():
    with override_settings(SENDFILE_ROOT=str(settings.MEDIA_ROOT), **X_ACCEL):
        yield


def test_download_view_hands_the_file_to_nginx(client, site_tree, x_accel):
    resource = ResourceFactory(audience="public")
    response = client.get(resource.get_download_url())
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + resource.document.file.name
    assert not response.streaming
    assert body(response) == b""
    assert resource.document.filename in response["Content-Disposition"]
    assert Resource.objects.get(pk=resource.pk).download_count == 1


def test_refused_visitors_get_no_x_accel_header(client, site_tree, x_accel, visitors):
    resource = ResourceFactory(audience="members")
    client.force_login(visitors["pending"])
    for url in (resource.get_download_url(), resource.document.url):
        response = client.get(url)
        assert response.status_code == 403
        assert "X-Accel-Redirect" not in response


@pytest.mark.parametrize("kind", ["approved", "staff"])
def test_wagtail_serve_view_uses_it_too(client, site_tree, x_accel, visitors, kind):
    resource = ResourceFactory(audience="members")
    client.force_login(visitors[kind])
    response = client.get(resource.document.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + resource.document.file.name
    assert body(response) == b""


@pytest.fixture
def redirect_to_storage():
    # What RESOURCES_REDIRECT_TO_STORAGE_URL=true sets (with object storage's signed URLs in production).
    with override_settings(WAGTAILDOCS_SERVE_METHOD="redirect"):
        yield


def test_storage_redirect_comes_after_the_check_and_the_count(client, site_tree, visitors, redirect_to_storage):
    resource = ResourceFactory(audience="members")
    storage_url = resource.document.file.url
    for url in (resource.get_download_url(), resource.document.url):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/fr/accounts/login/")
    client.force_login(visitors["approved"])
    for url in (resource.get_download_url(), resource.document.url):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == storage_url
    assert Resource.objects.get(pk=resource.pk).download_count == 2
