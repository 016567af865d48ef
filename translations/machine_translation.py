"""Machine translators for wagtail-localize's "Translate" button.

DeepL is configured in settings when ``DEEPL_API_KEY`` is set. Without it, the
:class:`DevelopmentTranslator` answers: it does not translate, it copies the source
text behind a visible marker, so the whole path (pre-fill, edit, publish) can be
tried in development and in tests, and nobody mistakes its output for English.
"""

from bs4 import BeautifulSoup, NavigableString

from django.utils.translation import gettext_lazy as _

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def marker_for(locale):
    return f"[{locale.language_code.split('-')[0].upper()}] "


def mark_html(html, marker):
    """Put the marker before the first piece of text, keeping the inline tags intact."""
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.descendants:
        if isinstance(node, NavigableString) and node.strip():
            node.replace_with(marker + str(node))
            break
    else:
        return marker + html
    return str(soup)


class DevelopmentTranslator(BaseMachineTranslator):
    display_name = _("Development translator (not a translation)")

    def translate(self, source_locale, target_locale, strings):
        marker = marker_for(target_locale)
        return {string: StringValue(mark_html(string.data, marker)) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code.split("-")[0] != target_locale.language_code.split("-")[0]
