"""Where resource files live: members-only files in a collection only the Members group may open."""

from wagtail.models import Collection, CollectionViewRestriction

from members.access import members_group

# Collections have one name for both languages.
MEMBER_COLLECTION_NAME = "Ressources des membres / Member resources"


def member_collection():
    """The members-only collection and its restriction, recreated if someone deleted them."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=MEMBER_COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=MEMBER_COLLECTION_NAME))
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    group = members_group()
    if list(restriction.groups.all()) != [group]:
        restriction.groups.set([group])
    return collection


def place_documents(document_ids):
    """Put each document where its resources' audience says.

    A document used by any members-only resource goes into the members collection;
    one that is only used by public resources leaves it for the root collection.
    Documents in other collections that staff chose are left alone when public, and a
    document no resource uses any more stays where it is (unlinking never publishes it).
    """
    from wagtail.documents import get_document_model

    from .models import Resource

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
