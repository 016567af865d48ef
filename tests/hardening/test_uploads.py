"""Uploads through the Wagtail admin: only genuine files of the allowed types and sizes."""

import io
import zipfile

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>'


def zip_bytes(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document/>"})


def png_bytes(size=(4, 4)):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def editor_client(client, django_user_model, db):
    user = django_user_model.objects.create_superuser(email="uploads@example.org", password="pw-upload-123")
    client.force_login(user)
    return client


def upload_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().pk},
    )


def file_errors(response):
    form = response.context["form"]
    return " ".join(str(error) for error in form.errors.get("file", []))


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("rapport.pdf", ELF, "programme exécutable"),
        ("rapport.pdf", PE, "programme exécutable"),
        ("rapport.pdf", HTML, "page web"),
        ("outil.docx", zip_bytes({"readme.txt": "not a document"}), ".docx"),
        ("outil.docx", PDF, ".docx"),
        ("compte-rendu.odt", DOCX, ".odt"),
        ("notes.txt", HTML, "page web"),
        ("donnees.csv", png_bytes(), "image/png"),
        ("archive.zip", ELF, "programme exécutable"),
    ],
)
def test_a_renamed_file_is_refused_with_a_message(editor_client, name, content, expected):
    response = upload_document(editor_client, name, content)
    assert response.status_code == 200  # the form again, with its error
    assert expected in file_errors(response)
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rapport.pdf", PDF),
        ("outil.docx", DOCX),
        ("compte-rendu.odt", ODT),
        ("archive.zip", zip_bytes({"a.txt": "a"})),
        ("notes.txt", "Procès-verbal de la réunion\nRéfugiés".encode()),
        ("donnees.csv", "nom;ville\nCCR;Montréal\n".encode("cp1252")),
    ],
)
def test_genuine_documents_are_accepted(editor_client, name, content):
    response = upload_document(editor_client, name, content)
    assert response.status_code == 302, file_errors(response)
    assert get_document_model().objects.get().file.read() == content


def test_a_disallowed_extension_is_refused(editor_client):
    response = upload_document(editor_client, "setup.exe", PE)
    assert response.status_code == 200
    assert file_errors(response)
    assert not get_document_model().objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_an_oversize_document_is_refused(editor_client):
    response = upload_document(editor_client, "gros.pdf", PDF + b"%" * 2048)
    assert response.status_code == 200
    assert "1,0" in file_errors(response) or "1.0" in file_errors(response)
    assert not get_document_model().objects.exists()


def test_the_multiple_uploader_checks_content_too(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("rapport.pdf", ELF), "collection": Collection.get_first_root_node().pk},
    )
    payload = response.json()
    assert payload["success"] is False
    assert "exécutable" in payload["error_message"]
    assert not get_document_model().objects.exists()


def test_english_speaking_editor_reads_the_message_in_english(editor_client, django_user_model):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(pk=editor_client.session["_auth_user_id"]))
    profile.preferred_language = "en"
    profile.save()
    response = upload_document(editor_client, "rapport.pdf", ELF)
    # The page as rendered (in the editor's language), not the lazy error evaluated later.
    assert "its content is an executable program" in response.content.decode()


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().pk},
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [("logo.svg", SVG), ("photo.png", ELF), ("photo.jpg", png_bytes()), ("photo.png", HTML)],
)
def test_svg_and_renamed_images_are_refused(editor_client, name, content):
    response = upload_image(editor_client, name, content)
    assert response.status_code == 200
    assert file_errors(response)
    assert not get_image_model().objects.exists()


def test_a_genuine_image_is_accepted(editor_client):
    response = upload_image(editor_client, "photo.png", png_bytes())
    assert response.status_code == 302, file_errors(response)
    assert get_image_model().objects.count() == 1


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100)
def test_an_oversize_image_is_refused(editor_client):
    response = upload_image(editor_client, "photo.png", png_bytes((64, 64)) + b"\x00" * 200)
    assert file_errors(response)
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=100)
def test_an_image_with_too_many_pixels_is_refused(editor_client):
    response = upload_image(editor_client, "photo.png", png_bytes((20, 20)))
    assert file_errors(response)
    assert not get_image_model().objects.exists()


def test_svg_is_not_an_allowed_image_type(settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= {"csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"}
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024


@pytest.mark.parametrize("view", ["wagtaildocs:add_multiple", "wagtailimages:add_multiple"])
@pytest.mark.parametrize(
    "files",
    [{}, {"file": SimpleUploadedFile("rapport.pdf", PDF)}],
    ids=["no file", "another field"],
)
def test_a_multiple_upload_without_its_file_field_is_a_400(editor_client, view, files):
    response = editor_client.post(reverse(view), {"collection": Collection.get_first_root_node().pk, **files})
    assert response.status_code == 400
    assert not get_document_model().objects.exists()
    assert not get_image_model().objects.exists()


def test_the_missing_file_message_is_in_the_editors_language(editor_client):
    response = editor_client.post(reverse("wagtaildocs:add_multiple"), {"file": SimpleUploadedFile("a.pdf", PDF)})
    assert response.status_code == 400
    assert "Aucun fichier n’a été envoyé" in response.content.decode()
