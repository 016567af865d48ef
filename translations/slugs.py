"""The slug of a page translation follows its translated title, unless a translator sets one.

wagtail-localize puts the source's slug on a translation whose slug segment (on the Promotion
tab, easily missed) nobody translated, so the English page would keep the French address.
When a page's title is translated and its slug is not, the slug segment gets a translation
made from the translated title; wagtail-localize then saves and publishes the page with it,
made unique among its siblings by its own ``find_available_slug``. A slug translated by hand,
or made earlier, is kept: a published address does not move when the title is reworded.
"""

from django.conf import settings
from django.utils.text import slugify

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation


def translate_slug_from_title(title_translation):
    """Give the slug segment of the same page a translation made from ``title_translation``."""
    context = title_translation.context
    if context is None or context.path != "title":
        return None
    model = context.object.content_type.model_class()
    if model is None or not issubclass(model, Page):
        return None
    slug_segment = (
        StringSegment.objects.filter(
            context__object_id=context.object_id,
            context__path="slug",
            source__translations__target_locale_id=title_translation.locale_id,
        )
        .select_related("context")
        .order_by("-source__last_updated_at")
        .first()
    )
    if slug_segment is None:
        return None
    slug = slugify(title_translation.data, allow_unicode=getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True))
    if not slug:
        return None
    slug_translation, created = StringTranslation.objects.get_or_create(
        translation_of_id=slug_segment.string_id,
        locale_id=title_translation.locale_id,
        context=slug_segment.context,
        defaults={
            "data": slug,
            "translation_type": title_translation.translation_type,
            "tool_name": title_translation.tool_name,
            "last_translated_by": title_translation.last_translated_by,
        },
    )
    return slug_translation if created else None
