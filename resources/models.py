"""The resource library: tools, briefs, reports, templates and guides the groups produce.

A resource is a translatable snippet with draft/live states (staff retire one by
unpublishing it) and its own public pages at ``/<lang>/resources/<slug>/``. Its file
is a Wagtail document; members-only files live in a collection that only the
*Members* group and the library's staff may open (see :mod:`resources.collections`).
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents import get_document_model
from wagtail.models import Collection, DraftStateMixin, Locale, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.caching import locales

from . import access
from .collections import member_collection


class ResourceQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """The access rule for listings, shared by the library, the site search and the API."""

    def live(self):
        return self.filter(live=True)

    def visible_to(self, user):
        """Resources this user may see listed: every live one.

        Members-only resources are listed to everyone (with a lock) so that visitors
        know they exist; their files answer only to :meth:`downloadable_by`.
        """
        return self.filter(live=True)

    def downloadable_by(self, user):
        """Resources whose file this user may download."""
        queryset = self.visible_to(user)
        if access.may_have_members_files(user):
            return queryset
        return queryset.filter(audience=Resource.Audience.PUBLIC)

    def for_locale(self, locale=None):
        """The version of each resource in ``locale``, or in the default language when it is not translated."""
        locale = locale or locales.active_locale()
        default = locales.default_locale()
        if locale.pk == default.pk:
            return self.filter(locale=locale)
        translated = Resource.objects.filter(locale=locale, live=True).values("translation_key")
        return self.filter(Q(locale=locale) | Q(locale=default) & ~Q(translation_key__in=translated))

    def for_listing(self):
        """Everything a card shows, in a fixed number of queries."""
        return self.select_related("document", "locale").prefetch_related(
            models.Prefetch(
                "topic_links", queryset=ResourceTopic.objects.select_related("topic").order_by("sort_order")
            ),
            models.Prefetch(
                "working_group_links",
                queryset=ResourceWorkingGroup.objects.select_related("group").order_by("sort_order"),
            ),
        )

    def document_is_restricted(self, document):
        """Whether ``document`` is members-only: in a restricted collection, or the file of a members-only resource.

        Any members-only resource counts, live or not: unpublishing never makes a file public.
        """
        if document.collection.get_view_restrictions().exists():
            return True
        return Resource.objects.filter(document=document, audience=Resource.Audience.MEMBERS).exists()

    def downloaded_version(self, document, request):
        """The resource ``request`` downloads ``document`` for, or ``None``.

        Several resources may share a file (a translation shows its original's): the one
        whose download address was asked for, then the version in the active language,
        then the one in the default language.
        """
        match = request.resolver_match
        slug = match.kwargs.get("slug") if match is not None and match.view_name == "resources:download" else None
        active = get_supported_content_language_variant(translation.get_language())
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        candidates = self.filter(document=document).select_related("locale")
        return min(
            candidates,
            key=lambda resource: (
                resource.slug != slug,
                resource.locale.language_code != active,
                resource.locale.language_code != default,
                resource.pk,
            ),
            default=None,
        )


class Resource(DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    class Kind(models.TextChoices):
        PRACTICAL_TOOL = "practical_tool", _("Practical tool")
        POLICY_BRIEF = "policy_brief", _("Policy brief")
        REPORT = "report", _("Report")
        SUBMISSION = "submission", _("Submission")
        OPEN_LETTER = "open_letter", _("Open letter")
        TEMPLATE = "template", _("Template")
        GUIDE = "guide", _("Guide")
        OTHER = "other", _("Other")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        blank=True,
        help_text=_("The last part of the resource's address. Made from the title when left empty."),
    )
    description = models.TextField(_("description"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Members-only files are moved into the « Member resources » collection when the resource is saved."
        ),
    )
    file_language = models.CharField(
        _("language of the file"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "Set on the original. A translation that shows the original's file keeps its language; "
            "one given its own file takes the translation's language."
        ),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.PRACTICAL_TOOL)
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices, default=Audience.MEMBERS)
    date = models.DateField(_("date"), default=datetime.date.today)
    # Changed only by record_download (one UPDATE ... SET n = n + 1), never by save().
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="resource")

    objects = ResourceQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("file_language")],
            heading=_("File"),
        ),
        FieldPanel("kind"),
        FieldPanel("audience"),
        FieldPanel("date"),
        InlinePanel("working_group_links", heading=_("Working groups"), label=_("working group")),
        InlinePanel("topic_links", heading=_("Topics"), label=_("topic")),
    ]

    # The document and its language are synchronised from the source but overridable:
    # the English version of a French tool may carry its own English file.
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("description"),
        SynchronizedField("document", overridable=True),
        # Derived for translations in save(): their own file is in their language.
        SynchronizedField("file_language", overridable=False),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("audience", overridable=False),
        SynchronizedField("date", overridable=False),
    ]

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.FilterField("id"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
        index.FilterField("audience"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.RelatedFields("topic_links", [index.RelatedFields("topic", [index.SearchField("name")])]),
    ]
    # No file URL here: whether a visitor may have the file depends on who asks
    # (see Resource.objects.downloadable_by).
    api_fields = [
        APIField("title"),
        APIField("slug"),
        APIField("description"),
        APIField("kind"),
        APIField("audience"),
        APIField("date"),
        APIField("file_language"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-date", "title"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="resources_resource_unique_slug_per_locale"),
        ]
        indexes = [models.Index(fields=["live", "locale", "-date"], name="resources_live_locale_date")]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @property
    def is_members_only(self):
        return self.audience == self.Audience.MEMBERS

    @property
    def meta_description(self):
        """What search engines and link previews show under the title."""
        return Truncator(self.description).words(30)

    def social_image(self):
        """A resource has no picture of its own: link previews show none (see BasePage)."""
        return None

    def get_url(self):
        # The language from the cached locales: listings and search results ask for many URLs.
        with translation.override(locales.language_code_of(self.locale_id)):
            return reverse("resources:detail", kwargs={"slug": self.slug})

    def get_download_url(self):
        with translation.override(locales.language_code_of(self.locale_id)):
            return reverse("resources:download", kwargs={"slug": self.slug})

    def _unique_slug(self):
        base = slugify(self.slug or self.title)[:240] or "resource"
        candidate, number = base, 1
        siblings = Resource.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        while siblings.filter(slug=candidate).exists():
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title:
            self.slug = self._unique_slug()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        self._derive_file_language()
        previous_document_id = None
        existing = None
        if self.pk is not None and not kwargs.get("force_insert"):
            existing = Resource.objects.filter(pk=self.pk).values("document_id").first()
        if existing is not None:
            previous_document_id = existing["document_id"]
            if kwargs.get("update_fields") is None:
                # Publishing a revision or synchronising a translation saves a copy of the
                # object made earlier: writing its stale download count back would lose
                # the downloads counted meanwhile.
                kwargs["update_fields"] = [
                    field.name
                    for field in self._meta.concrete_fields
                    if not field.primary_key and field.name != "download_count"
                ] + [relation.get_accessor_name() for relation in get_all_child_relations(self)]
        super().save(*args, **kwargs)
        place_documents({self.document_id, previous_document_id} - {None})

    def _derive_file_language(self):
        default = Locale.get_default()
        if not self.translation_key or self.locale_id == default.pk:
            return
        original = (
            Resource.objects.filter(translation_key=self.translation_key, locale=default)
            .values("document_id", "file_language")
            .first()
        )
        if original is None:
            return
        if self.document_id and self.document_id != original["document_id"]:
            self.file_language = self.locale.language_code
        else:
            self.file_language = original["file_language"]

    def copy_for_translation(self, locale, exclude_fields=None):
        translated = super().copy_for_translation(locale, exclude_fields=exclude_fields)
        translated.download_count = 0
        return translated

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        obj.download_count = self.download_count
        return obj

    def record_download(self, when=None):
        """Count one download, without losing any when many happen at once.

        Both counters are incremented by the database (``SET n = n + 1``); the
        monthly row is created on first use, and a concurrent creation falls back
        to the increment.
        """
        month = timezone.localdate(when).replace(day=1)
        with transaction.atomic():
            Resource.objects.filter(pk=self.pk).update(download_count=F("download_count") + 1)
            monthly = ResourceDownloadMonth.objects.filter(resource_id=self.pk, month=month)
            if not monthly.update(count=F("count") + 1):
                try:
                    with transaction.atomic():
                        ResourceDownloadMonth.objects.create(resource_id=self.pk, month=month, count=1)
                except IntegrityError:
                    monthly.update(count=F("count") + 1)


class ResourceTopic(Orderable):
    """A topic of a resource; wagtail-localize points a translation to the topic's translation."""

    resource = ParentalKey(Resource, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        "workinggroups.Topic", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="resource_links"
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class ResourceWorkingGroup(Orderable):
    """A group that made the resource, stored as the group's page in the default language.

    A group and its translation are one group: storing the default-language page lets
    every translation of the resource share the link (wagtail-localize synchronises
    links to pages), and pages show the group's title in the visitor's language.
    """

    resource = ParentalKey(Resource, on_delete=models.CASCADE, related_name="working_group_links")
    group = models.ForeignKey(
        "workinggroups.WorkingGroupPage",
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="resource_links",
    )

    panels = [PageChooserPanel("group", page_type="workinggroups.WorkingGroupPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def save(self, *args, **kwargs):
        default = Locale.get_default()
        if self.group_id and self.group.locale_id != default.pk:
            source = type(self.group).objects.filter(translation_key=self.group.translation_key, locale=default).first()
            if source is not None:
                self.group = source
        super().save(*args, **kwargs)


class ResourceDownloadMonth(models.Model):
    """Downloads of one resource (one language version) in one month."""

    resource = models.ForeignKey(
        Resource, verbose_name=_("resource"), on_delete=models.CASCADE, related_name="download_months"
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("downloads in a month")
        verbose_name_plural = _("downloads per month")
        ordering = ["-month", "resource__title"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "month"], name="resources_one_count_per_resource_and_month"),
        ]

    def __str__(self):
        return f"{self.resource} · {self.month:%Y-%m}: {self.count}"


def place_documents(document_ids):
    """Put each document where its resources' audience says.

    A document used by any members-only resource goes into the members collection;
    one that is only used by public resources leaves it for the root collection.
    Documents in other collections that staff chose are left alone when public, and a
    document no resource uses any more stays where it is (unlinking never publishes it).
    """
    if not document_ids:
        return
    collection = member_collection()
    Document = get_document_model()
    private_ids = set(
        Resource.objects.filter(document_id__in=document_ids, audience=Resource.Audience.MEMBERS).values_list(
            "document_id", flat=True
        )
    )
    used_ids = set(Resource.objects.filter(document_id__in=document_ids).values_list("document_id", flat=True))
    if private_ids:
        Document.objects.filter(pk__in=private_ids).exclude(collection=collection).update(collection=collection)
    public_ids = used_ids - private_ids
    if public_ids:
        Document.objects.filter(pk__in=public_ids, collection=collection).update(
            collection=Collection.get_first_root_node()
        )
