"""Documents and images in a view-restricted collection are never listed or linked anonymously."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

Document = get_document_model()


@pytest.fixture
def collections(site_tree):
    root = Collection.get_first_root_node()
    public = root.add_child(name="Public")
    private = root.add_child(name="Members")
    below_private = private.add_child(name="Members: minutes")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)

    def document(title, collection):
        doc = Document(title=title, collection=collection)
        doc.file.save(f"{title}.txt", ContentFile(b"text"), save=False)
        doc.save()
        return doc

    from wagtail.images import get_image_model

    image = get_image_model().objects.create(title="Private photo", collection=private, file=get_test_image_file())
    return {
        "public": document("Public guide", public),
        "private": document("Members brief", private),
        "below": document("Minutes", below_private),
        "image": image,
    }


def test_documents_list_only_public_collections(client, collections):
    response = client.get("/api/v3/documents/")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Public guide"]
    assert items[0]["meta"]["download_url"].endswith(collections["public"].url)
    assert "Members brief" not in response.content.decode()


def test_private_documents_have_no_detail_and_no_search_hit(client, collections):
    assert client.get(f"/api/v3/documents/{collections['private'].pk}/").status_code == 404
    assert client.get(f"/api/v3/documents/{collections['below'].pk}/").status_code == 404
    response = client.get("/api/v3/documents/", {"search": "brief"})
    assert response.json()["items"] == []


def test_private_images_are_not_listed(client, collections):
    response = client.get("/api/v3/images/")
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert client.get(f"/api/v3/images/{collections['image'].pk}/").status_code == 404
