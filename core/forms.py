"""Wagtail admin form bases (``WAGTAILDOCS_DOCUMENT_FORM_BASE``, ``WAGTAILIMAGES_IMAGE_FORM_BASE``)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from . import storage
from .uploads import check_document_content


class StorageCheckedUploadMixin:
    """An upload while object storage does not answer: the form comes back with an error.

    Asked before anything is saved, so the editor keeps what they typed and nothing is half
    saved. Storage failing between this check and the save gives the 503 page (core.storage).
    """

    storage_unavailable_message = _(
        "The file could not be stored: our file storage does not answer. Nothing was saved; "
        "please try again in a few minutes."
    )

    def clean(self):
        cleaned_data = super().clean()
        if "file" in self.changed_data and not self.errors and storage.probe() is not None:
            raise forms.ValidationError(self.storage_unavailable_message, code="storage_unavailable")
        return cleaned_data


class StorageCheckedImageForm(StorageCheckedUploadMixin, BaseImageForm):
    pass


class SafeDocumentForm(StorageCheckedUploadMixin, BaseDocumentForm):
    """Wagtail's document form, plus a check that the file's bytes match its extension.

    Used by every admin upload path: the add and edit views, the multiple uploader and
    the chooser's upload tab all build their forms on ``WAGTAILDOCS_DOCUMENT_FORM_BASE``.
    """

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
            # A disallowed extension is refused by Wagtail's own check, with its message.
            if extension in getattr(settings, "WAGTAILDOCS_EXTENSIONS", []):
                check_document_content(file, file.name)
        return file
