"""« Private » means approved members: a signed-up account that is pending, refused or whose
organisation lapsed reads no private page, file, search result or API item, and is told why
in its language; an approved member reads them all. The admin offers nothing wider."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import APIToken, Collection, CollectionViewRestriction, PageViewRestriction

from home.models import StandardPage
from members.access import MEMBERS_GROUP_NAME
from members.models import MemberOrganisation, MemberProfile
from tests.factories.members import OrganisationFactory, make_person

pytestmark = pytest.mark.django_db

Document = get_document_model()
VISITORS = ["anonymous", "pending", "refused", "lapsed", "approved"]
# What each visitor who is turned away reads, in French and in English.
WHY = {
    "pending": ("attend l'approbation", "waiting for approval"),
    "refused": ("n'a pas été approuvée", "was not approved"),
    "lapsed": ("est échue", "has lapsed"),
}


@pytest.fixture
def visitors():
    lapsed_organisation = OrganisationFactory(name="Organisme échu", status=MemberOrganisation.Status.LAPSED)
    return {
        "anonymous": None,
        "pending": make_person(status=MemberProfile.Status.PENDING, preferred_language="fr"),
        "refused": make_person(status=MemberProfile.Status.REJECTED),
        "lapsed": make_person(organisation=lapsed_organisation),
        "approved": make_person(),
    }


@pytest.fixture
def private_pages(site_tree):
    """« Réservée » and its English translation, made private with Wagtail's « logged-in users » option."""
    french = site_tree["fr"].add_child(
        instance=StandardPage(title="Réservée", slug="reservee", introduction="Ordre du jour confidentiel")
    )
    french.save_revision().publish()
    english = site_tree["en"].add_child(
        instance=StandardPage(
            title="Reserved",
            slug="reserved",
            introduction="Confidential agenda",
            translation_key=french.translation_key,
        )
    )
    english.save_revision().publish()
    for page in (french, english):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return {"fr": french, "en": english}


@pytest.fixture
def private_document(site_tree):
    collection = Collection.get_first_root_node().add_child(name="Procès-verbaux")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = Document(title="Procès-verbal confidentiel", collection=collection)
    document.file.save("proces-verbal.txt", ContentFile(b"confidentiel"), save=False)
    document.save()
    return document


def signed_in(client, visitors, kind):
    if visitors[kind] is not None:
        client.force_login(visitors[kind])
    return client


def test_a_logged_in_users_restriction_is_kept_as_members_only(private_pages, private_document):
    for restriction in (
        PageViewRestriction.objects.get(page=private_pages["fr"]),
        CollectionViewRestriction.objects.get(collection=private_document.collection),
    ):
        assert restriction.restriction_type == PageViewRestriction.GROUPS
        assert MEMBERS_GROUP_NAME in restriction.groups.values_list("name", flat=True)


@pytest.mark.parametrize("kind", VISITORS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_private_page(client, visitors, private_pages, kind, language):
    client = signed_in(client, visitors, kind)
    url = private_pages[language].url
    response = client.get(url)
    if kind == "approved":
        assert response.status_code == 200
        assert private_pages[language].title in response.content.decode()
    elif kind == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(f"/{language}/accounts/login/")
    else:
        assert response.status_code == 403
        html = response.content.decode().replace("&#x27;", "'")
        assert WHY[kind][0 if language == "fr" else 1] in html
        assert private_pages[language].introduction not in html
        assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


@pytest.mark.parametrize("kind", VISITORS)
def test_private_document(client, visitors, private_document, kind):
    client = signed_in(client, visitors, kind)
    response = client.get(private_document.url)
    if kind == "approved":
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"confidentiel"
    elif kind == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 403
        assert WHY[kind][0] in response.content.decode().replace("&#x27;", "'")


@pytest.mark.parametrize("kind", VISITORS)
def test_site_search(client, visitors, private_pages, kind):
    client = signed_in(client, visitors, kind)
    html = client.get("/fr/search/", {"q": "Réservée"}).content.decode()
    assert ('href="/fr/reservee/"' in html) is (kind == "approved")


@pytest.mark.parametrize("kind", VISITORS)
def test_api(client, visitors, private_pages, private_document, kind):
    """Anonymous, or with the person's own bearer token: Wagtail's API lists a private document
    only to an approved member, and a private page to nobody who is not an editor."""
    headers = {}
    if visitors[kind] is not None:
        _token, plaintext = APIToken.create_token(user=visitors[kind], name="tests")
        headers = {"authorization": f"Bearer {plaintext}"}
    pages = client.get("/api/v3/pages/", {"locale": "fr"}, headers=headers).json()["items"]
    assert private_pages["fr"].pk not in {item["id"] for item in pages}
    documents = client.get("/api/v3/documents/", headers=headers).json()["items"]
    allowed = kind == "approved"
    assert (private_document.pk in {item["id"] for item in documents}) is allowed
    detail = client.get(f"/api/v3/documents/{private_document.pk}/", headers=headers)
    assert detail.status_code == (200 if allowed else 404)


@pytest.fixture
def admin_client(client, django_user_model, site_tree):
    client.force_login(django_user_model.objects.create_superuser(email="admin@example.org", password="pw-123456"))
    return client


def test_page_privacy_offers_members_or_named_groups_only(admin_client, site_tree):
    url = reverse("wagtailadmin_pages:set_privacy", args=(site_tree["fr"].pk,))
    html = admin_client.get(url).json()["html"]
    assert 'value="groups"' in html
    assert 'value="login"' not in html
    admin_client.post(url, {"restriction_type": "login"})
    assert not PageViewRestriction.objects.exists()


@pytest.mark.parametrize(
    ("language", "wording"),
    [("fr", "réservé aux membres approuvés"), ("en", "approved members only")],
)
def test_collection_privacy_says_and_means_approved_members(admin_client, language, wording):
    staff = Group.objects.create(name="Bibliothèque")
    staff.permissions.add(Permission.objects.get(content_type__app_label="resources", codename="change_resource"))
    collection = Collection.get_first_root_node().add_child(name="Comptes rendus")
    url = reverse("wagtailadmin_collections:set_privacy", args=(collection.pk,))
    html = admin_client.get(url, headers={"accept-language": language}).json()["html"]
    assert wording in html.replace("&#x27;", "'")
    assert "any logged-in users" not in html
    response = admin_client.post(url, {"restriction_type": "login"})
    assert response.status_code == 200
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    # The Members group and the library's staff groups (the seeded roles that change resources, and ours).
    admitted = set(restriction.groups.values_list("name", flat=True))
    assert {MEMBERS_GROUP_NAME, "Bibliothèque"} <= admitted
    assert admitted == {MEMBERS_GROUP_NAME} | set(
        Group.objects.filter(permissions__codename="change_resource").values_list("name", flat=True)
    )


def test_the_migration_makes_existing_logged_in_restrictions_members_only(site_tree):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("members.migrations.0006_private_means_members")
    staff = Group.objects.create(name="Bibliothèque")
    staff.permissions.add(Permission.objects.get(content_type__app_label="resources", codename="change_resource"))
    collection = Collection.get_first_root_node().add_child(name="Anciens procès-verbaux")
    # Saved before the rule existed: bulk_create sends no signal.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=site_tree["fr"], restriction_type=PageViewRestriction.LOGIN)]
    )
    CollectionViewRestriction.objects.bulk_create(
        [CollectionViewRestriction(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)]
    )

    migration.members_only(apps, None)

    page_restriction = PageViewRestriction.objects.get(page=site_tree["fr"])
    assert page_restriction.restriction_type == PageViewRestriction.GROUPS
    assert list(page_restriction.groups.values_list("name", flat=True)) == [MEMBERS_GROUP_NAME]
    collection_restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert collection_restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert {MEMBERS_GROUP_NAME, "Bibliothèque"} <= set(collection_restriction.groups.values_list("name", flat=True))
