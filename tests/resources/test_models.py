"""Resource files in the right collection, links to groups in the default language, translations' own files."""

import json

from wagtail.models import Collection
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from core import roles
from home.translation import translate_instance
from members.access import MEMBERS_GROUP_NAME
from resources.collections import MEMBER_COLLECTION_NAME, member_collection
from resources.models import Resource
from tests.factories.resources import DocumentFactory, ResourceFactory, make_working_group


def restriction_groups():
    """The groups the members collection admits now (read, never refreshed)."""
    [restriction] = Collection.objects.get(name=MEMBER_COLLECTION_NAME).get_view_restrictions()
    assert restriction.restriction_type == "groups"
    return sorted(group.name for group in restriction.groups.all())


# The staff roles that may change resources (core.roles): admitted from the start.
ROLES_ADMITTED = [roles.EDITORS, roles.REVIEWERS, roles.TRANSLATORS, roles.SITE_ADMINISTRATORS]
VOLUNTEERS = "Library volunteers"  # a group made by hand in the admin


def admitted(*extra):
    return sorted([MEMBERS_GROUP_NAME, *ROLES_ADMITTED, *extra])


def give_resource_permissions(group_name):
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="resources", codename="change_resource"))
    return group


def test_member_collection_admits_members_and_the_groups_that_manage_resources(db):
    collection = member_collection()
    assert collection.name == MEMBER_COLLECTION_NAME
    assert restriction_groups() == admitted()
    give_resource_permissions(VOLUNTEERS)
    assert restriction_groups() == admitted(VOLUNTEERS)
    give_resource_permissions(VOLUNTEERS).permissions.clear()
    assert restriction_groups() == admitted()


def test_a_recreated_collection_admits_the_staff_groups(db):
    give_resource_permissions(VOLUNTEERS)
    Collection.objects.get(name=MEMBER_COLLECTION_NAME).delete()
    member_collection()
    assert restriction_groups() == admitted(VOLUNTEERS)


def test_the_data_migration_admits_existing_staff_groups(db):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("resources.migrations.0003_admit_resource_staff")
    give_resource_permissions(VOLUNTEERS)
    [restriction] = member_collection().get_view_restrictions()
    restriction.groups.set(restriction.groups.filter(name=MEMBERS_GROUP_NAME))
    migration.admit_resource_staff(apps, None)
    assert restriction_groups() == admitted(VOLUNTEERS)


def test_the_data_migration_made_the_collection_and_the_group(db):
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name=MEMBERS_GROUP_NAME).exists()
    assert Collection.objects.filter(name=MEMBER_COLLECTION_NAME).exists()


def test_saving_moves_the_file_in_and_out_of_the_members_collection(locales):
    resource = ResourceFactory(audience="members")
    resource.document.refresh_from_db()
    assert resource.document.collection.name == MEMBER_COLLECTION_NAME
    resource.audience = Resource.Audience.PUBLIC
    resource.save()
    resource.document.refresh_from_db()
    assert resource.document.collection.is_root()


def test_a_file_shared_with_a_members_only_resource_stays_private(locales):
    private = ResourceFactory(audience="members")
    public = ResourceFactory(audience="public", document=private.document)
    public.save()
    private.document.refresh_from_db()
    assert private.document.collection.name == MEMBER_COLLECTION_NAME


def test_a_replaced_private_file_stays_private(locales):
    """A file no resource uses any more is left where it was: unlinking never publishes it."""
    resource = ResourceFactory(audience="members")
    old = resource.document
    resource.audience = Resource.Audience.PUBLIC
    resource.document = DocumentFactory()
    resource.save()
    old.refresh_from_db()
    assert old.collection.name == MEMBER_COLLECTION_NAME
    resource.document.refresh_from_db()
    assert resource.document.collection.is_root()


def test_working_group_is_stored_as_the_default_language_page(site_tree, locales):
    group = make_working_group(site_tree["fr"], "Protection au Canada", "Inland Protection")
    english_group = group.get_translation(locales[1])
    resource = ResourceFactory(links={"groups": [english_group]})
    assert [link.group_id for link in resource.working_group_links.all()] == [group.pk]


def test_translation_keeps_its_own_file_when_the_original_changes(locales):
    french, english = locales
    resource = ResourceFactory(title="Outil", slug="outil", audience="public")
    strings = {"Outil": "Tool", "outil": "tool", "Un outil pratique.": "A practical tool."}
    translated = translate_instance(resource, english, strings)
    assert translated.document_id == resource.document_id and translated.file_language == "fr"

    english_file = DocumentFactory()
    source = TranslationSource.objects.get_for_instance(resource)
    segment = OverridableSegment.objects.get(source=source, context__path="document")
    SegmentOverride.objects.create(locale=english, context=segment.context, data_json=json.dumps(english_file.pk))
    source.create_or_update_translation(english, publish=True)
    translated.refresh_from_db()
    assert translated.document_id == english_file.pk and translated.file_language == "en"

    # The original is edited and synchronised again: the English file stays.
    resource.description = "Un outil pratique."
    resource.date = resource.date.replace(year=2020)
    resource.save_revision().publish()
    source.update_from_db()
    source.create_or_update_translation(english, publish=True)
    translated.refresh_from_db()
    assert translated.document_id == english_file.pk
    assert translated.date.year == 2020


def test_slug_is_made_from_the_title_and_unique_per_language(locales):
    first = ResourceFactory(title="Guide pratique", slug="")
    second = ResourceFactory(title="Guide pratique", slug="")
    assert first.slug == "guide-pratique" and second.slug == "guide-pratique-2"
