"""A page translation's slug follows its translated title, unless a translator set one."""

import pytest

from django.urls import reverse

from wagtail_localize.models import StringSegment, Translation

from home.models import StandardPage

from .test_translation_path import english, put_string, segment_for, submit_translation


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def publish(client, page):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
        assert response.status_code == 302
        page.refresh_from_db()

    return publish


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


def start_translation(client, page):
    submit_translation(client, page)
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=english())
    return translation, page.get_translation(english())


def title_segment(translation):
    return StringSegment.objects.get(source=translation.source, context__path="title")


def test_the_english_slug_comes_from_the_translated_title(reviewer_client, french_page, publish):
    translation, english_page = start_translation(reviewer_client, french_page)
    assert english_page.slug == "detention"  # the source's, until the title is translated

    put_string(reviewer_client, translation, title_segment(translation), "Detention of migrants")
    publish(reviewer_client, english_page)

    assert english_page.slug == "detention-of-migrants"
    assert reviewer_client.get("/en/detention-of-migrants/").status_code == 200
    # The French page keeps its own address.
    french_page.refresh_from_db()
    assert french_page.slug == "detention"


def test_a_slug_translated_by_hand_is_kept(reviewer_client, french_page, publish):
    translation, english_page = start_translation(reviewer_client, french_page)
    put_string(reviewer_client, translation, segment_for(translation.source, "detention"), "immigration-detention")
    put_string(reviewer_client, translation, title_segment(translation), "Detention of migrants")
    publish(reviewer_client, english_page)
    assert english_page.slug == "immigration-detention"


def test_the_slug_stays_when_the_title_is_reworded(reviewer_client, french_page, publish):
    translation, english_page = start_translation(reviewer_client, french_page)
    put_string(reviewer_client, translation, title_segment(translation), "Detention of migrants")
    publish(reviewer_client, english_page)
    put_string(reviewer_client, translation, title_segment(translation), "Immigration detention in Canada")
    publish(reviewer_client, english_page)
    assert english_page.title == "Immigration detention in Canada"
    assert english_page.slug == "detention-of-migrants"


def test_the_slug_is_unique_among_siblings(reviewer_client, french_page, site_tree, publish):
    site_tree["en"].add_child(instance=StandardPage(title="Taken", slug="detention-of-migrants"))
    translation, english_page = start_translation(reviewer_client, french_page)
    put_string(reviewer_client, translation, title_segment(translation), "Detention of migrants")
    publish(reviewer_client, english_page)
    assert english_page.slug == "detention-of-migrants-1"  # Wagtail's find_available_slug
