"""Media in object storage, against a real S3 server (moto's server mode, tests/s3.py).

What staff, members and visitors rely on: a file uploaded in the admin lands in the bucket and
nowhere public; a member downloads it by a signed address that expires within minutes, a visitor
is refused before any address is given; renditions are made in the bucket with a plain address
that public pages can keep; when storage is away or a file is missing, a page says so.
"""

import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from tests.factories.resources import ResourceFactory, make_user
from tests.hardening.test_uploads import PDF, png_bytes
from tests.s3 import free_port

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the test's own S3 server)
        return response.read()


@pytest.fixture
def editor_client(client, django_user_model, db):
    client.force_login(django_user_model.objects.create_superuser(email="editor@example.org", password="pw-12345"))
    return client


def upload_document(client, name="rapport-annuel.pdf", content=PDF):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Rapport annuel",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_an_upload_through_the_admin_lands_in_the_bucket_and_is_not_public(editor_client, object_storage, s3_server):
    response = upload_document(editor_client)

    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert s3_server.keys(object_storage) == [document.file.name]
    assert document.file.name.startswith("documents/")
    grants = s3_server.client().get_object_acl(Bucket=object_storage, Key=document.file.name)["Grants"]
    assert all(grant["Grantee"].get("URI") != ALL_USERS for grant in grants)
    # Its plain address (no signature) is refused by the storage itself.
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(f"{s3_server.endpoint}/{object_storage}/{document.file.name}")
    assert refused.value.code == 403
    assert document.file_size == len(PDF) and document.file_hash


def test_a_member_downloads_a_members_only_file_by_a_short_lived_signed_address(
    client, site_tree, object_storage, s3_server
):
    resource = ResourceFactory(audience="members")
    key = resource.document.file.name
    assert key in s3_server.keys(object_storage)

    # A visitor is sent to sign in: no address of the file is handed out.
    for url in (resource.get_download_url(), resource.document.url):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/fr/accounts/login/")

    client.force_login(make_user("member@example.org", member=True))
    response = client.get(resource.get_download_url())
    assert response.status_code == 302
    address = response["Location"]
    assert address.startswith(f"{s3_server.endpoint}/{object_storage}/{key}?")
    query = parse_qs(urlsplit(address).query)
    assert query["X-Amz-Signature"] and query["X-Amz-Credential"]
    # Expires within minutes. (moto does not refuse expired addresses; S3 and its clones do.)
    assert 0 < int(query["X-Amz-Expires"][0]) <= 300
    assert fetch(address) == b"%PDF-1.4 test"
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_signed_address_lasts_as_configured(site_tree, object_storage, settings):
    settings.AWS_QUERYSTRING_EXPIRE = 60
    settings.STORAGES = {**settings.STORAGES}  # the storage is made again with the new setting
    document = ResourceFactory(audience="members").document
    query = parse_qs(urlsplit(document.file.url).query)
    assert query["X-Amz-Expires"] == ["60"]


def test_a_rendition_is_made_in_the_bucket_with_a_plain_address(db, object_storage, s3_server):
    image = get_image_model().objects.create(
        title="Atelier", file=SimpleUploadedFile("atelier.png", png_bytes((40, 30)))
    )
    rendition = image.get_rendition("fill-20x20")

    assert rendition.file.name.startswith("images/")
    assert rendition.file.name in s3_server.keys(object_storage)
    # Public pages (and the page cache) keep this address: unsigned, it never expires.
    assert "X-Amz-Signature" not in rendition.url
    assert fetch(rendition.url)[:8] == b"\x89PNG\r\n\x1a\n"
    # The original is not public: its address is signed.
    assert "X-Amz-Signature" in image.file.url


def test_a_missing_file_is_a_404_page_with_a_message(client, site_tree, object_storage, s3_server):
    resource = ResourceFactory(audience="public")
    s3_server.client().delete_object(Bucket=object_storage, Key=resource.document.file.name)

    response = client.get(resource.get_download_url())

    assert response.status_code == 404
    assert "Ce fichier est introuvable" in response.content.decode()


# Committed rows, each request in its own transaction, as in production: the failed upload's
# rolled-back savepoint must not be the test's own transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_while_storage_is_away_pages_serve_and_uploads_say_so(
    editor_client, site_tree, object_storage, settings, s3_server
):
    resource = ResourceFactory(audience="public")
    settings.AWS_S3_ENDPOINT_URL = f"http://127.0.0.1:{free_port()}"
    settings.STORAGES = {**settings.STORAGES}
    documents_before = get_document_model().objects.count()

    # A page that needs no file.
    assert editor_client.get("/fr/").status_code == 200

    # The upload form comes back with the title kept and a message; nothing is saved.
    response = upload_document(editor_client, name="nouveau.pdf")
    assert response.status_code == 200
    assert response.context["form"]["title"].value() == "Rapport annuel"
    assert "ne répond pas" in " ".join(response.context["form"].non_field_errors())
    assert get_document_model().objects.count() == documents_before
    # The multiple uploader (the admin's usual way) gets a 503, which it shows as a failed upload.
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("autre.pdf", PDF), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 503
    assert get_document_model().objects.count() == documents_before
    assert not UploadedFile.objects.exists()

    # A download: the page that says files are briefly unavailable, not a 500.
    response = editor_client.get(resource.get_download_url())
    assert response.status_code == 503
    assert "momentanément indisponibles" in response.content.decode()


def test_a_wrong_bucket_fails_the_deploy_check(db, object_storage, settings):
    settings.AWS_STORAGE_BUCKET_NAME = "no-such-bucket-here"
    settings.STORAGES = {**settings.STORAGES}

    with pytest.raises(SystemCheckError, match=r"core\.E001.*no-such-bucket-here.*the bucket does not exist"):
        call_command("check", deploy=True)
