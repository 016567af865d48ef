"""Translating content through wagtail-localize from code (demo content, tests)."""

from collections.abc import Mapping

from django.db import transaction

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


class MissingEnglishText(Exception):
    def __init__(self, instance, strings):
        self.strings = strings
        listing = "\n".join(f"  - {text!r}" for text in strings)
        super().__init__(f"No translation given for these strings of {instance!r}:\n{listing}")


def translate_instance(
    instance,
    locale,
    translations: Mapping[str, str],
    *,
    user=None,
    publish=True,
    refresh=False,
    replace_alias=False,
):
    """Translate ``instance`` into ``locale`` the way staff would in wagtail-localize's editor.

    Each source string of the object is looked up in ``translations`` (source text →
    translated text) and saved as a manual translation; then wagtail-localize writes
    the translated object. Nothing is done when the translation exists already, so
    callers stay idempotent, unless ``refresh``: the source changed (as when staff
    « sync translated pages »), and the translation is written again from it; strings
    translated before need no entry in ``translations`` then (``replace_alias``: also when it is the alias
    that locale synchronisation left, which the translation then replaces). Every string
    must have a translation: a missing one raises :class:`MissingEnglishText` rather than
    leaving source-language text behind.
    """
    existing = instance.get_translation_or_none(locale)
    if existing is not None and not refresh and not (replace_alias and getattr(existing, "alias_of_id", None)):
        return existing.specific if isinstance(existing, Page) else existing

    with transaction.atomic():
        if refresh:
            source, _ = TranslationSource.update_or_create_from_instance(instance)
        else:
            source, _ = TranslationSource.get_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        missing = []
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        already = set()
        if refresh:
            already = set(
                StringTranslation.objects.filter(
                    locale=locale, translation_of__in=[segment.string_id for segment in segments]
                ).values_list("translation_of_id", "context_id")
            )
        for segment in segments:
            text = translations.get(segment.string.data)
            if text is None:
                if (segment.string_id, segment.context_id) not in already:
                    missing.append(segment.string.data)
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
        if missing:
            raise MissingEnglishText(instance, missing)
        # wagtail-localize publishes pages in transaction.on_commit; publishing here
        # instead gives the same result inside an outer transaction (the demo
        # command's, or a test's).
        translated, _ = source.create_or_update_translation(
            locale, user=user, publish=publish and not isinstance(instance, Page)
        )
        if publish and isinstance(instance, Page):
            translated.get_latest_revision().publish(user=user)
            translated.refresh_from_db()
    return translated.specific if isinstance(translated, Page) else translated
