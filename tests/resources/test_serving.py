"""Production serving: X-Accel-Redirect hands the file to nginx after the access check."""

import pytest

from django.conf import settings
from django.test.utils import override_settings

from wagtail.utils.sendfile import _get_sendfile

from tests.factories.resources import ResourceFactory
from tests.resources.conftest import body

X_ACCEL = {
    "SENDFILE_BACKEND": "resources.sendfile_backends.nginx",
    "SENDFILE_URL": "/protected-media/",
}


@pytest.fixture
def x_accel():
    with override_settings(SENDFILE_ROOT=str(settings.MEDIA_ROOT), **X_ACCEL):
        # Wagtail remembers the backend it loaded first.
        _get_sendfile.clear()
        yield
    _get_sendfile.clear()


def test_download_view_hands_the_file_to_nginx(client, site_tree, x_accel):
    resource = ResourceFactory(audience="public")
    response = client.get(resource.get_download_url())
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + resource.document.file.name
    assert body(response) == b""
    assert resource.document.filename in response["Content-Disposition"]


def test_refused_visitors_get_no_x_accel_header(client, site_tree, x_accel, visitors):
    resource = ResourceFactory(audience="members")
    client.force_login(visitors["pending"])
    response = client.get(resource.get_download_url())
    assert response.status_code == 403
    assert "X-Accel-Redirect" not in response
    response = client.get(resource.document.url)
    assert response.status_code == 403
    assert "X-Accel-Redirect" not in response


def test_wagtail_serve_view_uses_it_too(client, site_tree, x_accel, visitors):
    resource = ResourceFactory(audience="members")
    client.force_login(visitors["approved"])
    response = client.get(resource.document.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"].startswith("/protected-media/documents/")
    client.force_login(visitors["staff"])
    response = client.get(resource.document.url)
    assert response["X-Accel-Redirect"].startswith("/protected-media/documents/")


def test_paths_outside_the_protected_folder_are_refused(rf, tmp_path):
    from django.http import Http404

    from resources.sendfile_backends import nginx

    outside = tmp_path / "secret.txt"
    outside.write_text("x")
    with override_settings(SENDFILE_ROOT=str(settings.MEDIA_ROOT), **X_ACCEL), pytest.raises(Http404):
        nginx.sendfile(rf.get("/"), str(outside))
