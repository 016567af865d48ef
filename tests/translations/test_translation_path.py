"""The whole path on one page, through wagtail-localize's own admin views, with the test client."""

from urllib.parse import urlencode

import polib
import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from translations import status


def english():
    return Locale.objects.get(language_code="en")


def submit_translation(client, page):
    return client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [english().pk]})


def put_string(client, translation, segment, value):
    return client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish from the translation editor. wagtail-localize publishes in transaction.on_commit."""

    def publish(client, page):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
        assert response.status_code == 302
        page.refresh_from_db()
        return response

    return publish


def segment_for(source, text):
    return StringSegment.objects.select_related("string").get(source=source, string__data=text)


def english_string(segment):
    return StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale__language_code="en"
    ).data


def status_row(user, page, language="en"):
    rows = [
        row
        for row in status.translation_rows(user)
        if row.is_page and row.instance.pk == page.pk and row.target_locale.language_code == language
    ]
    assert len(rows) == 1
    return rows[0]


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


def test_translate_prefill_edit_publish_change_sync(reviewer_client, reviewer, french_page, publish):
    client = reviewer_client
    assert status_row(reviewer, french_page).state == status.MISSING

    # 1. Submit for translation: the English page starts as a draft.
    response = submit_translation(client, french_page)
    assert response.status_code == 302
    english_page = french_page.get_translation(english()).specific
    assert english_page.live is False
    translation = Translation.objects.get(source__object_id=french_page.translation_key, target_locale=english())
    row = status_row(reviewer, french_page)
    assert row.state == status.IN_PROGRESS
    assert row.percent == 0

    # 2. Pre-fill with the development translator: every string marked, none passed off as English.
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": reverse("wagtailadmin_pages:edit", args=[english_page.pk])},
    )
    assert response.status_code == 302
    source = translation.source
    intro = segment_for(source, "Nous dénonçons la détention des enfants.")
    assert english_string(intro) == "[EN] Nous dénonçons la détention des enfants."
    paragraph = segment_for(source, "Les enfants ne devraient <b>jamais</b> être détenus.")
    assert english_string(paragraph) == "[EN] Les enfants ne devraient <b>jamais</b> être détenus."
    assert status_row(reviewer, french_page).state == status.UP_TO_DATE

    # 3. Edit segments by hand through the editor's API.
    title = segment_for(source, "Détention des migrants")
    assert put_string(client, translation, title, "Immigration detention").status_code == 200
    assert put_string(client, translation, intro, "We denounce the detention of children.").status_code == 200
    assert put_string(client, translation, segment_for(source, "detention"), "immigration-detention").status_code == 200

    # 4. Publish from the translation editor (the page editor, overridden by wagtail-localize).
    publish(client, english_page)
    assert english_page.live is True
    assert english_page.title == "Immigration detention"
    assert english_page.slug == "immigration-detention"
    assert client.get("/en/immigration-detention/").status_code == 200

    # 5. The French source changes: the translation is out of date in the report.
    french_page.introduction = "Nous dénonçons la détention des enfants et des familles."
    french_page.save_revision(user=reviewer).publish(user=reviewer)
    assert status_row(reviewer, french_page).state == status.OUT_OF_DATE
    report = client.get(reverse("translations:status"), {"state": "out_of_date"})
    assert report.status_code == 200
    assert "Détention des migrants" in report.content.decode()

    # 6. Sync through wagtail-localize's view, pre-filling the new text by machine.
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"use_machine_translation": "on"}
    )
    assert response.status_code == 302
    assert status_row(reviewer, french_page).state == status.UP_TO_DATE
    new_intro = segment_for(source, "Nous dénonçons la détention des enfants et des familles.")
    assert english_string(new_intro).startswith("[EN] ")
    # The manual edits of unchanged strings are kept.
    assert english_string(title) == "Immigration detention"
    assert StringTranslation.objects.get(translation_of=title.string, locale=english()).translation_type == (
        StringTranslation.TRANSLATION_TYPE_MANUAL
    )

    # 7. Publishing again applies the sync: the manual title stays, the new introduction arrives.
    publish(client, english_page)
    assert english_page.title == "Immigration detention"
    assert english_page.introduction == "[EN] Nous dénonçons la détention des enfants et des familles."


def test_po_export_then_import(reviewer_client, french_page):
    client = reviewer_client
    submit_translation(client, french_page)
    translation = Translation.objects.get(source__object_id=french_page.translation_key, target_locale=english())

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(response.content.decode())
    msgids = {entry.msgid for entry in po}
    assert "Nous dénonçons la détention des enfants." in msgids
    for entry in po:
        if entry.msgid == "Nous dénonçons la détention des enfants.":
            entry.msgstr = "We denounce the detention of children."

    upload = SimpleUploadedFile("detention-en.po", str(po).encode(), content_type="text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": "/admin/"}
    )
    assert response.status_code == 302
    segment = segment_for(translation.source, "Nous dénonçons la détention des enfants.")
    assert english_string(segment) == "We denounce the detention of children."


def test_po_import_for_another_translation_is_refused(reviewer_client, french_page, site_tree):
    client = reviewer_client
    submit_translation(client, french_page)
    translation = Translation.objects.get(source__object_id=french_page.translation_key, target_locale=english())
    other = Translation.objects.get(source__object_id=site_tree["fr"].translation_key, target_locale=english())
    po = polib.pofile(client.get(reverse("wagtail_localize:download_pofile", args=[other.pk])).content.decode())
    upload = SimpleUploadedFile("home-en.po", str(po).encode())
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert not StringTranslation.objects.filter(
        translation_of__in=StringSegment.objects.filter(source=translation.source).values("string"),
        locale=english(),
    ).exists()


def test_changed_english_slug_leaves_a_redirect(reviewer_client, french_page, publish):
    from wagtail.contrib.redirects.models import Redirect

    client = reviewer_client
    submit_translation(client, french_page)
    translation = Translation.objects.get(source__object_id=french_page.translation_key, target_locale=english())
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"})
    slug = segment_for(translation.source, "detention")
    put_string(client, translation, slug, "detention-in-canada")
    english_page = french_page.get_translation(english())
    publish(client, english_page)
    assert client.get("/en/detention-in-canada/").status_code == 200

    put_string(client, translation, slug, "immigration-detention")
    publish(client, english_page)
    assert english_page.slug == "immigration-detention"
    assert Redirect.objects.filter(redirect_page=english_page, old_path="/en/detention-in-canada").exists()
    response = client.get("/en/detention-in-canada/")
    # Wagtail's automatic redirect on a slug change is permanent.
    assert response.status_code == 301
    assert response["Location"].endswith("/en/immigration-detention/")


def test_source_snapshot_is_what_was_synced(reviewer_client, french_page):
    """The report's out-of-date check relies on the source's last sync date."""
    submit_translation(reviewer_client, french_page)
    source = TranslationSource.objects.get(object_id=french_page.translation_key)
    assert french_page.last_published_at < source.last_updated_at
