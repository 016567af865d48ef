"""The Translation status report: states, filters, bulk actions, and a fixed number of queries."""

import pytest

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail_localize.models import StringTranslation, Translation

from home.models import SiteFooter, StandardPage
from translations import status


@pytest.fixture
def english(locales):
    return locales[1]


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def key(instance, locale):
    return f"{ContentType.objects.get_for_model(instance).pk}:{instance.pk}:{locale.pk}"


def row_for(rows, instance, language="en"):
    content_type = ContentType.objects.get_for_model(instance)
    found = [
        row
        for row in rows
        if row.content_type == content_type
        and row.instance.pk == instance.pk
        and row.target_locale.language_code == language
    ]
    assert len(found) == 1, found
    return found[0]


def test_demo_home_and_footer_are_up_to_date(superuser, site_tree):
    rows = status.translation_rows(superuser)
    assert row_for(rows, site_tree["fr"]).state == status.UP_TO_DATE
    footer = SiteFooter.objects.get(locale__language_code="fr")
    footer_row = row_for(rows, footer)
    assert footer_row.state == status.UP_TO_DATE
    assert footer_row.percent == 100


def test_snippet_without_revisions_is_out_of_date_when_its_content_changes(superuser, site_tree):
    footer = SiteFooter.objects.get(locale__language_code="fr")
    footer.phone = "514 000-0000"
    footer.save()
    assert row_for(status.translation_rows(superuser), footer).state == status.OUT_OF_DATE


def test_report_page_filters_and_summary(admin_client, french_page, site_tree):
    url = reverse("translations:status")
    html = admin_client.get(url).content.decode()
    assert "Détention des migrants" in html
    assert "Conseil canadien pour les réfugiés" in html

    missing = admin_client.get(url, {"state": status.MISSING}).content.decode()
    assert "Détention des migrants" in missing
    assert 'data-state="up_to_date"' not in missing

    footer_type = ContentType.objects.get_for_model(SiteFooter).pk
    footers = admin_client.get(url, {"content_type": footer_type}).content.decode()
    assert "Détention des migrants" not in footers
    assert 'data-state="up_to_date"' in footers

    french_rows = admin_client.get(url, {"language": site_tree["fr"].locale_id}).content.decode()
    assert 'data-state="' not in french_rows  # nothing is translated from English into French


def test_bad_filter_input_is_a_clear_message_not_an_error(admin_client, site_tree):
    response = admin_client.get(reverse("translations:status"), {"state": "bogus", "language": "x", "p": "zz"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode() or "Sélectionnez un choix valide" in (
        response.content.decode()
    )


def test_bulk_sync_creates_missing_translations_as_drafts(admin_client, french_page, english):
    response = admin_client.post(
        reverse("translations:status"), {"action": "sync", "rows": [key(french_page, english)]}
    )
    assert response.status_code == 302
    english_page = french_page.get_translation(english)
    assert english_page.live is False
    assert Translation.objects.filter(source__object_id=french_page.translation_key, enabled=True).exists()


def test_bulk_machine_translation_prefills(admin_client, superuser, french_page, english):
    admin_client.post(
        reverse("translations:status"), {"action": "machine_translate", "rows": [key(french_page, english)]}
    )
    row = row_for(status.translation_rows(superuser), french_page)
    assert row.state == status.UP_TO_DATE
    assert StringTranslation.objects.filter(locale=english, data="[EN] Détention des migrants").exists()


def test_bulk_sync_brings_an_out_of_date_translation_back(admin_client, superuser, french_page, english):
    admin_client.post(
        reverse("translations:status"), {"action": "machine_translate", "rows": [key(french_page, english)]}
    )
    french_page.title = "Détention des personnes migrantes"
    french_page.save_revision().publish()
    assert row_for(status.translation_rows(superuser), french_page).state == status.OUT_OF_DATE
    admin_client.post(reverse("translations:status"), {"action": "sync", "rows": [key(french_page, english)]})
    row = row_for(status.translation_rows(superuser), french_page)
    # Synced: the new title is waiting for its translation, the rest is kept.
    assert row.state == status.IN_PROGRESS
    assert 0 < row.percent < 100


def test_bulk_actions_never_overwrite_a_separately_edited_page(admin_client, french_page, english):
    english_page = french_page.copy_for_translation(english)
    english_page.title = "Written by hand"
    english_page.save_revision().publish()
    admin_client.post(reverse("translations:status"), {"action": "sync", "rows": [key(french_page, english)]})
    english_page.refresh_from_db()
    assert english_page.title == "Written by hand"
    assert not Translation.objects.filter(source__object_id=french_page.translation_key).exists()


def test_bulk_action_needs_rows_and_a_known_action(admin_client, site_tree):
    response = admin_client.post(reverse("translations:status"), {"action": "delete-everything", "rows": ["1:2:3"]})
    assert response.status_code == 302
    response = admin_client.post(reverse("translations:status"), {"action": "sync", "rows": ["garbage"]})
    assert response.status_code == 302


def test_query_count_does_not_grow_with_the_number_of_pages(superuser, site_tree, english):
    from wagtail_localize.operations import translate_object

    home = site_tree["fr"]

    def add_pages(count, start):
        for number in range(start, start + count):
            page = home.add_child(instance=StandardPage(title=f"Page {number}", slug=f"page-{number}"))
            page.save_revision().publish()
            translate_object(page, [english], user=superuser)

    add_pages(2, 0)
    with CaptureQueriesContext(connection) as few:
        status.translation_rows(superuser)
    add_pages(6, 10)
    with CaptureQueriesContext(connection) as many:
        rows = status.translation_rows(superuser)
    assert len([row for row in rows if row.is_page]) >= 9
    assert len(many.captured_queries) == len(few.captured_queries)


def test_report_is_in_the_reports_menu(admin_client, site_tree):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("translations:status") in html


def test_snippet_translated_through_the_admin_shows_in_the_report(admin_client, superuser, site_tree, english):
    # One footer per language: the French one, without its English translation yet.
    SiteFooter.objects.filter(locale=english).delete()
    footer = SiteFooter.objects.get(locale=site_tree["fr"].locale)
    footer.organisation_name = "Coalition régionale"
    footer.save()
    response = admin_client.post(
        reverse("wagtail_localize:submit_snippet_translation", args=["home", "sitefooter", footer.pk]),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    assert footer.get_translation(english).organisation_name == "Coalition régionale"
    row = row_for(status.translation_rows(superuser), footer)
    assert row.state == status.IN_PROGRESS
    assert row.percent == 0
