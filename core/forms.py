"""Wagtail admin form bases (``WAGTAILDOCS_DOCUMENT_FORM_BASE``)."""

from django.conf import settings

from wagtail.documents.forms import BaseDocumentForm

from .uploads import check_document_content


class SafeDocumentForm(BaseDocumentForm):
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
