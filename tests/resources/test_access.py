"""The access matrix: every way to a file, for anonymous, pending, approved and staff visitors.

The API and site-search parts of the matrix belong to the engineers who build those
on ``Resource.objects.visible_to`` / ``downloadable_by``; the queryset rule is tested here.
"""

import pytest

from wagtail.models import Locale

from resources.models import Resource
from tests.resources.conftest import body

VISITORS = ["anonymous", "pending", "approved", "staff"]
MAY_HAVE_MEMBERS_FILE = {"anonymous": False, "pending": False, "approved": True, "staff": True}
FILE_BYTES = b"%PDF-1.4 test"


@pytest.fixture
def as_visitor(client, visitors):
    def sign_in(kind):
        if visitors[kind] is not None:
            client.force_login(visitors[kind])
        return client

    return sign_in


@pytest.mark.parametrize("kind", VISITORS)
def test_listing_shows_every_resource_and_links_only_allowed_files(kind, as_visitor, library):
    client = as_visitor(kind)
    english = client.get("/en/resources/").content.decode()
    assert "Public tool" in english and "Members&#x27; report" in english
    html = client.get("/fr/resources/").content.decode()
    assert "Outil public" in html and "Rapport des membres" in html
    # Members-only items show a lock to those who may not have the file, and a way in.
    if MAY_HAVE_MEMBERS_FILE[kind]:
        assert 'class="lock-icon"' not in html
    else:
        assert 'class="lock-icon"' in html
    if kind == "anonymous":
        assert "/fr/accounts/signup/" in html and "/fr/accounts/login/" in html


@pytest.mark.parametrize("kind", VISITORS)
def test_resource_page_offers_the_download_only_when_allowed(kind, as_visitor, library):
    client = as_visitor(kind)
    public, private = library["public"], library["members"]
    response = client.get(public.get_url())
    assert response.status_code == 200
    assert public.get_download_url() in response.content.decode()
    response = client.get(private.get_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert private.title in html
    assert (private.get_download_url() in html) is MAY_HAVE_MEMBERS_FILE[kind]
    if kind == "pending":
        assert "pas (encore) approuvé" in html


def assert_refused(kind, response, language="fr"):
    """A visitor is sent to sign in; a signed-in user who is not (yet) a member gets the 403 page."""
    assert FILE_BYTES not in body(response)
    if kind == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(f"/{language}/accounts/login/")
    else:
        assert response.status_code == 403
        assert "resources/download_denied.html" in [template.name for template in response.templates]


@pytest.mark.parametrize("kind", VISITORS)
def test_download_view(kind, as_visitor, library):
    client = as_visitor(kind)
    response = client.get(library["public"].get_download_url())
    assert response.status_code == 200
    assert body(response) == FILE_BYTES
    response = client.get(library["members"].get_download_url())
    if MAY_HAVE_MEMBERS_FILE[kind]:
        assert response.status_code == 200
        assert body(response) == FILE_BYTES
        assert "no-store" in response["Cache-Control"]
    else:
        assert_refused(kind, response)


@pytest.mark.parametrize("kind", VISITORS)
def test_wagtail_document_serve_view(kind, as_visitor, library):
    client = as_visitor(kind)
    public_document = library["public"].document
    response = client.get(public_document.url)
    assert public_document.url.startswith("/documents/")
    assert response.status_code == 200 and body(response) == FILE_BYTES
    private_document = library["members"].document
    response = client.get(private_document.url)
    if MAY_HAVE_MEMBERS_FILE[kind]:
        assert response.status_code == 200 and body(response) == FILE_BYTES
        # Never kept by a shared cache (a CDN) for the next visitor.
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    else:
        assert_refused(kind, response)


@pytest.mark.parametrize(
    ("language", "heading"), [("fr", "Ce fichier est réservé aux membres"), ("en", "This file is for members")]
)
def test_a_pending_member_is_refused_in_their_language(client, library, visitors, language, heading):
    client.force_login(visitors["pending"])
    resource = library["members"].get_translation(Locale.objects.get(language_code=language))
    response = client.get(resource.get_download_url())
    assert response.status_code == 403
    html = response.content.decode()
    assert heading in html
    # The page leads back to the resource the visitor asked for, in their language.
    assert f'href="{resource.get_url()}"' in html


def test_an_anonymous_visitor_signs_in_in_their_language(client, library):
    english = library["members"].get_translation(Locale.objects.get(language_code="en"))
    response = client.get(english.get_download_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/en/resources/members-report/download/")


@pytest.mark.parametrize("url_of", ["download_view", "serve_view"])
def test_staff_outside_members_get_the_file_streamed(client, library, visitors, url_of):
    """An editor (neither a member nor a superuser) passes Wagtail's own collection check."""
    from members.access import is_approved_member

    staff = visitors["staff"]
    assert not staff.is_superuser and not is_approved_member(staff)
    client.force_login(staff)
    resource = library["members"]
    url = resource.get_download_url() if url_of == "download_view" else resource.document.url
    response = client.get(url)
    assert response.status_code == 200
    # Sent in chunks from the file, never read whole into memory first.
    assert response.streaming
    assert body(response) == FILE_BYTES


def test_staff_are_admitted_by_the_collection_restriction_itself(client, library, visitors):
    """Wagtail's own check, not a hook of ours, lets staff through: out of the restriction, no file."""
    from django.contrib.auth.models import Group

    client.force_login(visitors["staff"])
    document = library["members"].document
    document.refresh_from_db()
    assert client.get(document.url).status_code == 200
    [restriction] = document.collection.get_view_restrictions()
    restriction.groups.remove(Group.objects.get(name="Editors"))
    response = client.get(document.url)
    assert response.status_code == 403  # signed in: told why, not sent back to sign in
    assert FILE_BYTES not in body(response)


@pytest.mark.parametrize("kind", VISITORS)
def test_raw_media_path_serves_nothing(kind, as_visitor, library):
    client = as_visitor(kind)
    for resource in library.values():
        response = client.get(f"/media/{resource.document.file.name}")
        assert response.status_code == 404
        assert FILE_BYTES not in body(response)


@pytest.mark.parametrize("kind", VISITORS)
def test_old_link_after_the_resource_became_members_only(kind, as_visitor, library):
    resource = library["public"]
    download_url, document_url = resource.get_download_url(), resource.document.url
    resource.audience = Resource.Audience.MEMBERS
    resource.save_revision().publish()
    resource.document.refresh_from_db()
    assert resource.document.collection.get_view_restrictions().exists()
    client = as_visitor(kind)
    for url in (download_url, document_url):
        response = client.get(url)
        if MAY_HAVE_MEMBERS_FILE[kind]:
            assert response.status_code == 200 and body(response) == FILE_BYTES
        else:
            assert_refused(kind, response)


def test_a_document_in_the_wrong_collection_is_still_guarded(client, library, visitors):
    """Staff may move a file by mistake: the library's rule still holds on Wagtail's serve view."""
    from wagtail.models import Collection

    document = library["members"].document
    document.collection = Collection.get_first_root_node()
    document.save()
    assert client.get(document.url).status_code == 302
    client.force_login(visitors["pending"])
    assert client.get(document.url).status_code == 403


@pytest.mark.parametrize("kind", VISITORS)
def test_querysets_the_search_and_api_build_on(kind, visitors, library):
    user = visitors[kind]
    from django.contrib.auth.models import AnonymousUser

    user = user or AnonymousUser()
    visible = set(Resource.objects.visible_to(user).filter(locale__language_code="fr"))
    downloadable = set(Resource.objects.downloadable_by(user).filter(locale__language_code="fr"))
    assert visible == {library["public"], library["members"]}
    expected = {library["public"], library["members"]} if MAY_HAVE_MEMBERS_FILE[kind] else {library["public"]}
    assert downloadable == expected


def test_retired_resource_is_gone_everywhere(client, library, visitors):
    resource = library["public"]
    resource.unpublish()
    assert "Outil public" not in client.get("/fr/resources/").content.decode()
    assert client.get(resource.get_url()).status_code == 404
    assert client.get(resource.get_download_url()).status_code == 404
    assert not Resource.objects.visible_to(visitors["staff"]).filter(pk=resource.pk).exists()
