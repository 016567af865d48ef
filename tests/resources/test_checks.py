"""The start-up check refuses settings under which a private file could be fetched by URL."""

import pytest

from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test.utils import override_settings

from resources.checks import check_private_documents


def ids(errors):
    return sorted(error.id for error in errors)


def test_project_settings_pass():
    assert check_private_documents() == []


@pytest.mark.parametrize("method", ["direct", None])
def test_serve_method_must_be_the_serve_view(method):
    with override_settings(WAGTAILDOCS_SERVE_METHOD=method):
        assert ids(check_private_documents()) == ["resources.E001"]


OBJECT_STORAGE = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def test_redirect_is_only_for_object_storage():
    with override_settings(WAGTAILDOCS_SERVE_METHOD="redirect"):
        assert ids(check_private_documents()) == ["resources.E007"]
        with override_settings(STORAGES=OBJECT_STORAGE):
            assert check_private_documents() == []


@override_settings(ROOT_URLCONF="tests.resources.urls_public_media")
def test_media_served_by_a_url_pattern_fails():
    assert ids(check_private_documents()) == ["resources.E002"]


def test_media_inside_a_public_folder_fails(tmp_path):
    with override_settings(STATIC_ROOT=tmp_path, MEDIA_ROOT=tmp_path / "media"):
        assert ids(check_private_documents()) == ["resources.E003"]


@pytest.mark.parametrize("missing", ["SENDFILE_URL", "SENDFILE_ROOT"])
def test_x_accel_without_internal_location_fails(missing, settings):
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    settings.SENDFILE_URL = "/protected-media/"
    settings.SENDFILE_ROOT = str(settings.MEDIA_ROOT)
    assert check_private_documents() == []
    setattr(settings, missing, "")
    assert ids(check_private_documents()) == ["resources.E004"]


@override_settings(SENDFILE_BACKEND="resources.sendfile_backends.nginx")
def test_a_sendfile_backend_that_does_not_exist_fails():
    assert ids(check_private_documents()) == ["resources.E008"]


def test_public_object_storage_fails():
    storages = {
        **OBJECT_STORAGE,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"querystring_auth": False, "default_acl": "public-read"},
        },
    }
    with override_settings(STORAGES=storages):
        assert ids(check_private_documents()) == ["resources.E005", "resources.E006"]


@override_settings(WAGTAILDOCS_SERVE_METHOD="direct")
def test_manage_py_check_fails_at_start_up():
    with pytest.raises(SystemCheckError, match="resources.E001"):
        call_command("check")
