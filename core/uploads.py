"""Content checks for uploaded documents: the bytes must match the extension.

Wagtail accepts a document when its *name* ends with an allowed extension
(``WAGTAILDOCS_EXTENSIONS``). A program or a web page renamed ``report.pdf`` would be
stored and later served to members. ``check_document_content`` looks at the bytes
themselves (magic numbers, the inside of zip-based office formats, text that is really
text) and refuses what does not match. Images need no such check: Wagtail opens every
uploaded image with Willow and refuses one whose format does not match its extension.

``MultipleUploadFieldMiddleware`` answers 400 to Wagtail's multiple uploaders when the
request carries no file field (Wagtail's views would fail with a KeyError).
"""

import zipfile

import filetype

from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# How much of a file is read to recognise it.
HEAD_SIZE = 64 * 1024

EXECUTABLE_SIGNATURES = (
    b"\x7fELF",  # Linux and most Unix programs
    b"MZ",  # Windows programs and libraries (PE)
    b"\xfe\xed\xfa\xce",  # Mach-O (macOS), 32 and 64 bits, both byte orders
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O universal binary (also Java class files)
)
# Markup a browser would run as a page if it ever sniffed the file as HTML or SVG.
MARKUP_STARTS = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml", b"<iframe", b"<object")

OFFICE_OPEN_XML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPEN_DOCUMENT_TYPES = {"odt": b"application/vnd.oasis.opendocument.text"}


def _describe(head):
    """A short, translated description of what the bytes look like, for the message."""
    if head.startswith(EXECUTABLE_SIGNATURES):
        return _("an executable program")
    if _starts_with_markup(head):
        return _("a web page or SVG image")
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    return None


def _starts_with_markup(head):
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(MARKUP_STARTS)


def _zip_names(file):
    try:
        with zipfile.ZipFile(file) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _is_zip(file, head):
    if not head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return False
    return _zip_names(file) is not None


def _is_office_open_xml(file, head, folder):
    if not head.startswith(b"PK\x03\x04"):
        return False
    names = _zip_names(file)
    return bool(names) and "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)


def _is_open_document(file, head, mimetype):
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(file) as archive:
            return archive.read("mimetype").strip() == mimetype
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False


def _is_text(head):
    if b"\x00" in head or _starts_with_markup(head):
        return False
    if head.startswith(EXECUTABLE_SIGNATURES) or filetype.guess(head) is not None:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        if error.start < len(head) - 4:
            # Legacy spreadsheets export Windows-1252: accept it when it has no control bytes.
            return not any(byte < 0x20 and byte not in b"\t\n\r\f" for byte in head)
    return True


def _matches(extension, file, head):
    if head.startswith(EXECUTABLE_SIGNATURES):
        return False
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension == "rtf":
        return head.startswith(b"{\\rtf")
    if extension in OFFICE_OPEN_XML_FOLDERS:
        return _is_office_open_xml(file, head, OFFICE_OPEN_XML_FOLDERS[extension])
    if extension in OPEN_DOCUMENT_TYPES:
        return _is_open_document(file, head, OPEN_DOCUMENT_TYPES[extension])
    if extension == "zip":
        return _is_zip(file, head)
    if extension in ("txt", "csv"):
        return _is_text(head)
    # An extension allowed in settings but unknown here: refuse rather than guess.
    return False


def check_document_content(file, name):
    """Raise ``ValidationError`` unless the file's bytes are what its extension says."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    file.seek(0)
    head = file.read(HEAD_SIZE)
    file.seek(0)
    try:
        matches = _matches(extension, file, head)
    finally:
        file.seek(0)
    if matches:
        return
    detected = _describe(head)
    if detected:
        raise ValidationError(
            _(
                "This file is named “.%(extension)s” but its content is %(detected)s. "
                "Only genuine .%(extension)s files can be uploaded."
            ),
            code="content_mismatch",
            params={"extension": extension, "detected": detected},
        )
    raise ValidationError(
        _("This file’s content does not match its “.%(extension)s” extension. Upload a genuine .%(extension)s file."),
        code="content_mismatch",
        params={"extension": extension},
    )


# Wagtail's multiple uploaders read this file field without checking it is there.
MULTIPLE_UPLOAD_VIEWS = {"wagtaildocs:add_multiple", "wagtailimages:add_multiple"}
MULTIPLE_UPLOAD_FIELD = "files[]"


class MultipleUploadFieldMiddleware:
    """A multiple upload sent without its file field answers 400, not Wagtail's KeyError (a 500).

    Only for signed-in people: anyone else meets Wagtail's own sign-in redirect.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.method == "POST"
            and request.resolver_match.view_name in MULTIPLE_UPLOAD_VIEWS
            and request.user.is_authenticated
            and MULTIPLE_UPLOAD_FIELD not in request.FILES
        ):
            return HttpResponseBadRequest(gettext("No file was sent. Choose a file to upload."))
        return None
