"""Factories for the resource library: documents with real bytes, resources, the four kinds of visitor."""

import datetime

import factory

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from resources.collections import members_group
from resources.models import Resource


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename=factory.Sequence(lambda n: f"resource-{n}.pdf"), data=b"%PDF-1.4 test")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class ResourceFactory(factory.django.DjangoModelFactory):
    """A live resource in French (the default language) with a document."""

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Ressource {n}")
    description = "Un outil pratique."
    locale = factory.LazyFunction(lambda: Locale.objects.get_or_create(language_code="fr")[0])
    document = factory.SubFactory(DocumentFactory)
    kind = Resource.Kind.PRACTICAL_TOOL
    audience = Resource.Audience.PUBLIC
    live = True

    @factory.post_generation
    def links(obj, create, extracted, **kwargs):
        """``ResourceFactory(links={"topics": [...], "groups": [...]})``."""
        from resources.models import ResourceTopic, ResourceWorkingGroup

        if create and extracted:
            obj.topic_links = [ResourceTopic(topic=topic) for topic in extracted.get("topics", [])]
            obj.working_group_links = [ResourceWorkingGroup(group=group) for group in extracted.get("groups", [])]
            obj.save()

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        # A revision, as the admin would leave, so that publishing and unpublishing work.
        if create and obj.live and obj.live_revision_id is None:
            obj.save_revision().publish()


def make_user(email, *, member=False, staff=False, superuser=False):
    User = get_user_model()
    user = User.objects.create_user(email=email, password="password-for-tests")
    if member:
        user.groups.add(members_group())
    if staff:
        user.is_staff = True
        user.save()
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
            *Permission.objects.filter(content_type__app_label="resources", content_type__model="resource"),
        )
    if superuser:
        user.is_staff = user.is_superuser = True
        user.save()
    return user


def make_topic(french_name, english_name):
    from home.translation import translate_instance
    from workinggroups.models import Topic

    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")
    topic = Topic.objects.create(locale=french, name=french_name)
    translate_instance(topic, english, {french_name: english_name})
    return topic


def make_working_group(home, french_title, english_title):
    """A working group page (and the index above it, once), in French and English."""
    from django.utils.text import slugify

    from home.translation import translate_instance
    from workinggroups.models import WorkingGroupIndexPage, WorkingGroupPage

    english = Locale.objects.get(language_code="en")
    index = WorkingGroupIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = home.add_child(
            instance=WorkingGroupIndexPage(
                title="Les groupes de travail", slug="groupes-de-travail", locale=home.locale
            )
        )
        index.save_revision().publish()
        translate_instance(
            index, english, {"Les groupes de travail": "Working groups", "groupes-de-travail": "working-groups"}
        )
    slug = slugify(french_title)
    group = index.add_child(instance=WorkingGroupPage(title=french_title, slug=slug, locale=home.locale))
    group.save_revision().publish()
    translate_instance(group, english, {french_title: english_title, slug: slugify(english_title)})
    return group


def build_catalogue(site_tree):
    """Two topics, two working groups and three resources of the library (two translated into English)."""
    from home.translation import translate_instance

    english = site_tree["en"].locale
    detention = make_topic("Détention à des fins d'immigration", "Immigration detention")
    services = make_topic("Accès aux services", "Access to services")
    inland = make_working_group(site_tree["fr"], "Protection au Canada", "Inland Protection")
    settlement = make_working_group(site_tree["fr"], "Immigration et Établissement", "Immigration and Settlement")

    def resource(title, english_title=None, **kwargs):
        topics = kwargs.pop("topics", [])
        groups = kwargs.pop("groups", [])
        item = ResourceFactory(title=title, links={"topics": topics, "groups": groups}, **kwargs)
        if english_title:
            translate_instance(
                item,
                english,
                {title: english_title, item.slug: english_title.lower().replace(" ", "-"), item.description: "A tool."},
            )
        return item

    items = {
        "detention": resource(
            "Guide sur la détention",
            "Detention guide",
            kind="guide",
            date=datetime.date(2022, 5, 1),
            topics=[detention],
            groups=[inland],
            audience="members",
        ),
        "services": resource(
            "Rapport sur les services",
            "Services report",
            kind="report",
            date=datetime.date(2024, 1, 10),
            topics=[services],
            groups=[settlement],
        ),
        "untranslated": resource("Outil seulement en français", kind="practical_tool", date=datetime.date(2023, 3, 3)),
    }
    return {"topics": (detention, services), "groups": (inland, settlement), **items}
