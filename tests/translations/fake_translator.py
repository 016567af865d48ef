"""A test-only machine translator, set by the ``fake_machine_translator`` fixture.

It does not translate: it copies the source text behind a visible marker ("[EN] "), so the
tests can follow the machine-translation path without DeepL. The product has no fallback
translator (docs/translations.md).
"""

from bs4 import BeautifulSoup, NavigableString

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


class MarkingTranslator(BaseMachineTranslator):
    display_name = "Marking translator (tests only)"

    def translate(self, source_locale, target_locale, strings):
        marker = marker_for(target_locale)
        return {string: StringValue(mark_html(string.data, marker)) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code.split("-")[0] != target_locale.language_code.split("-")[0]
