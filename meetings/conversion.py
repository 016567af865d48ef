"""Turn the groups' inline meetings (``workinggroups.Meeting``) into meeting pages, with their translations.

Not a Django migration: a migration's historical models have neither treebeard's tree methods
(``add_child``) nor wagtail-localize's ``TranslationSource``, which later edits are translated
from. The command ``convert_inline_meetings`` runs this after ``migrate``; ``load_demo_content``
runs it too. Idempotent: the French page takes the inline meeting's translation key, so a meeting
already converted is found and left alone (and its iCalendar UID does not change). The page
carries the inline meeting's iCalendar ``sequence`` and ``last_modified`` over, so calendars that
subscribed to the old feed see the same version of the event.

Each meeting of a group in the default language becomes a live ``MeetingPage`` under that
group; its translation (the inline meeting in the other language with the same translation
key) becomes the page's wagtail-localize translation, under the translated group.
"""

from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Locale

from core.caching.locales import default_locale
from home.translation import translate_instance
from workinggroups.models import Meeting

from .models import MeetingPage
from .zones import DEFAULT_TIME_ZONE, format_date


def _title_and_slug(meeting, language):
    with translation.override(language):
        day = timezone.localtime(meeting.starts_at, ZoneInfo(DEFAULT_TIME_ZONE)).date()
        title = _("Meeting of %(date)s") % {"date": format_date(day)}
        slug = slugify(f"{_('meeting')}-{day.isoformat()}")
    return title, slug


def _description(meeting):
    return f"<p>{meeting.notes}</p>" if meeting.notes else ""


def _unique_slug(group, slug):
    taken = set(group.get_children().values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def convert_meeting(meeting, stdout=None):
    """The meeting page of ``meeting`` (an inline meeting in the default language), made if missing."""
    existing = MeetingPage.objects.filter(translation_key=meeting.translation_key, locale=meeting.locale).first()
    if existing is not None:
        return existing, False
    group = meeting.page
    title, slug = _title_and_slug(meeting, meeting.locale.language_code)
    page = MeetingPage(
        translation_key=meeting.translation_key,
        locale=meeting.locale,
        title=title,
        slug=_unique_slug(group, slug),
        starts_at=meeting.starts_at,
        ends_at=meeting.effective_end,
        time_zone=DEFAULT_TIME_ZONE,
        is_in_person=bool(meeting.city),
        city=meeting.city,
        is_online=meeting.is_virtual,
        at_consultations=meeting.at_consultations,
        description=_description(meeting),
        sequence=meeting.sequence,
        last_modified=meeting.last_modified,
    )
    group.add_child(instance=page)
    page.save_revision().publish()
    if stdout:
        stdout.write(f"  meeting page « {page.title} » created under « {group.title} »")
    return page, True


def translate_meeting(page, meeting, locale):
    """Translate ``page`` into ``locale`` from the inline meeting's translation, when there is one."""
    translated_meeting = Meeting.objects.filter(translation_key=meeting.translation_key, locale=locale).first()
    existing = page.get_translation_or_none(locale)
    if translated_meeting is None or (existing is not None and existing.alias_of_id is None):
        return None
    if meeting.page.get_translation_or_none(locale) is None:
        return None  # the group itself is not translated: nowhere to put the translation
    title, slug = _title_and_slug(meeting, locale.language_code)
    strings = {page.title: title, page.slug: slug}
    if meeting.city:
        strings[meeting.city] = translated_meeting.city or meeting.city
    if meeting.notes:
        strings[meeting.notes] = translated_meeting.notes or meeting.notes
    translated = translate_instance(page, locale, strings, replace_alias=True)
    # The translation is a copy of the source page: give it the translated inline meeting's version instead.
    MeetingPage.objects.filter(pk=translated.pk).update(
        sequence=translated_meeting.sequence, last_modified=translated_meeting.last_modified
    )
    translated.sequence, translated.last_modified = translated_meeting.sequence, translated_meeting.last_modified
    return translated


def convert_inline_meetings(stdout=None):
    """Convert every inline meeting of the default language; returns how many pages were made."""
    source_locale = default_locale()
    other_locales = list(Locale.objects.exclude(pk=source_locale.pk))
    made = 0
    meetings = Meeting.objects.filter(locale=source_locale).select_related("page", "locale").order_by("pk")
    for meeting in meetings:
        with transaction.atomic():
            page, created = convert_meeting(meeting, stdout)
            made += created
            for locale in other_locales:
                translate_meeting(page, meeting, locale)
    return made
