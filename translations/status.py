"""Where each page and translatable snippet stands in each language.

One row per (source object, target language), with a state:

- ``missing``: no translation yet (a synchronised alias is only a placeholder);
- ``in_progress``: translated in part, with the percentage of segments done;
- ``out_of_date``: the source changed after the translation was last synced;
- ``up_to_date``: every segment translated since the last sync;
- ``separate``: a page or snippet exists in that language but its translation was
  stopped, so wagtail-localize no longer keeps it in step.

The rows come from a fixed number of queries, whatever the size of the site: the pages,
one query per translatable snippet model, the translation sources, the translations,
and one aggregate per language for the progress.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

MISSING = "missing"
IN_PROGRESS = "in_progress"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"
SEPARATE = "separate"
STATE_CHOICES = [
    (MISSING, _("Missing")),
    (IN_PROGRESS, _("In progress")),
    (OUT_OF_DATE, _("Out of date")),
    (UP_TO_DATE, _("Up to date")),
    (SEPARATE, _("Edited separately")),
]
STATE_LABELS = dict(STATE_CHOICES)


@dataclass
class Row:
    instance: object
    content_type: ContentType
    source_locale: Locale
    target_locale: Locale
    state: str
    percent: int | None = None
    translation_id: int | None = None
    target: object | None = None
    depth: int = 0
    sort_key: tuple = field(default_factory=tuple)

    @property
    def key(self):
        """Identifies the row in the bulk-action form: content type, object and language."""
        return f"{self.content_type.pk}:{self.instance.pk}:{self.target_locale.pk}"

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def is_page(self):
        return isinstance(self.instance, Page)


def parse_key(key):
    """``"ct:pk:locale"`` → (content type, object, locale), or None for a malformed or stale key."""
    try:
        content_type_id, pk, locale_id = key.split(":")
        content_type = ContentType.objects.get_for_id(int(content_type_id))
        model = content_type.model_class()
        instance = model.objects.get(pk=pk)
        locale = Locale.objects.get(pk=int(locale_id))
    except (ValueError, ContentType.DoesNotExist, Locale.DoesNotExist, AttributeError):
        return None
    except Exception as error:  # model.DoesNotExist of whichever model it is
        if isinstance(error, getattr(content_type.model_class(), "DoesNotExist", ())):
            return None
        raise
    return content_type, instance, locale


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _source_changed_since(instance, source):
    """Has the source's content in the database changed since ``source`` was last synced?

    wagtail-localize syncs from the database row, which for pages and draftable snippets
    changes when they are published: their publication date tells. Other snippets keep
    no date, so their content is compared with what was extracted at the last sync.
    """
    if isinstance(instance, Page) or hasattr(instance, "last_published_at"):
        return bool(instance.last_published_at and instance.last_published_at > source.last_updated_at)
    latest_revision = getattr(instance, "latest_revision", None)
    if latest_revision is not None:
        return latest_revision.created_at > source.last_updated_at
    return _content_json(instance) != _normalised(json.loads(source.content_json))


def _normalised(value):
    """Parsed JSON with nested JSON strings parsed too.

    StreamFields are serialised as JSON strings inside the content; PostgreSQL's jsonb
    gives their keys back in another order, so the strings are compared as data.
    """
    if isinstance(value, dict):
        return {key: _normalised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_normalised(item) for item in value]
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return _normalised(json.loads(value))
        except ValueError:
            return value
    return value


def _content_json(instance):
    # The same serialisation as TranslationSource.update_from_db, to compare like with like.
    if isinstance(instance, ClusterableModel):
        return _normalised(json.loads(instance.to_json()))
    return _normalised(json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)))


def _groups(user):
    """Each translatable object group: {translation_key: [instances]}, pages first, in tree order."""
    groups = defaultdict(list)
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    pages = (
        Page.objects.filter(depth__gt=1, pk__in=editable.values("pk"))
        .select_related("locale")
        .only(
            "id",
            "title",
            "draft_title",
            "path",
            "depth",
            "translation_key",
            "locale",
            "content_type",
            "alias_of",
            "live",
            "has_unpublished_changes",
            "last_published_at",
        )
        .order_by("path")
    )
    for page in pages:
        groups[page.translation_key].append(page)
    for model in translatable_snippet_models():
        if not user_can_edit_snippet_type(user, model):
            continue
        queryset = model.objects.select_related("locale")
        if hasattr(model, "latest_revision"):
            queryset = queryset.select_related("latest_revision")
        for snippet in queryset:
            groups[snippet.translation_key].append(snippet)
    return groups


def _progress(source_ids, locales):
    """{(source id, locale id): (total segments, translated segments)}: one query per language."""
    progress = {}
    for locale in locales:
        rows = (
            StringSegment.objects.filter(source_id__in=source_ids)
            .annotate(
                done=Case(
                    When(
                        Exists(
                            StringTranslation.objects.filter(
                                translation_of_id=OuterRef("string_id"),
                                context_id=OuterRef("context_id"),
                                locale_id=locale.pk,
                                has_error=False,
                            )
                        ),
                        then=Value(1),
                    ),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            )
            .values("source_id")
            .annotate(total=Count("pk"), translated=Coalesce(Sum("done"), 0))
        )
        for row in rows:
            progress[(row["source_id"], locale.pk)] = (row["total"], row["translated"])
    return progress


def translation_rows(user):
    """Every (source object, other language) row the user may act on."""
    locales = list(Locale.objects.order_by("pk"))
    groups = _groups(user)
    sources = defaultdict(list)
    for source in TranslationSource.objects.filter(object_id__in=list(groups)).order_by("created_at"):
        sources[source.object_id].append(source)
    all_sources = [source for group in sources.values() for source in group]
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(source__in=all_sources)
    }
    progress = _progress([source.pk for source in all_sources], locales)
    default_language = settings.LANGUAGE_CODE

    rows = []
    for key, members in groups.items():
        originals = [member for member in members if getattr(member, "alias_of_id", None) is None]
        if not originals:
            continue
        by_locale = {member.locale_id: member for member in originals}
        source = sources[key][0] if sources.get(key) else None
        if source is not None and source.locale_id in by_locale:
            instance = by_locale[source.locale_id]
        else:
            source = None
            instance = next(
                (member for member in originals if member.locale.language_code == default_language), originals[0]
            )
        if isinstance(instance, Page):
            # The specific type, from ContentType's cache: no query per row.
            content_type = ContentType.objects.get_for_id(instance.content_type_id)
        else:
            content_type = ContentType.objects.get_for_model(type(instance))
        out_of_date = source is not None and _source_changed_since(instance, source)
        for locale in locales:
            if locale.pk == instance.locale_id:
                continue
            row = Row(
                instance=instance,
                content_type=content_type,
                source_locale=instance.locale,
                target_locale=locale,
                state=MISSING,
                target=by_locale.get(locale.pk),
                depth=getattr(instance, "depth", 0),
            )
            translation = translations.get((source.pk, locale.pk)) if source is not None else None
            if translation is not None and translation.enabled and row.target is not None:
                row.translation_id = translation.pk
                total, done = progress.get((source.pk, locale.pk), (0, 0))
                row.percent = 100 if total == 0 else int(done * 100 / total)
                if out_of_date:
                    row.state = OUT_OF_DATE
                elif done < total:
                    row.state = IN_PROGRESS
                else:
                    row.state = UP_TO_DATE
            elif row.target is not None:
                row.state = SEPARATE
            rows.append(row)
    return rows
