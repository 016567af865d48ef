"""English is synchronised from French: a page created in French gets its English counterpart."""

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from home.models import StandardPage


def test_english_is_synchronised_from_french(locales):
    sync = LocaleSynchronization.objects.get(locale__language_code="en")
    assert sync.sync_from.language_code == "fr"


def test_page_created_in_french_in_the_admin_gets_an_english_placeholder(client, superuser, site_tree):
    client.force_login(superuser)
    home = site_tree["fr"]
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk]),
        {
            "title": "Nouvelles",
            "slug": "nouvelles",
            "introduction": "Les dernières nouvelles.",
            "body-count": "0",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    french = StandardPage.objects.get(slug="nouvelles", locale__language_code="fr")
    english = french.get_translation(Locale.objects.get(language_code="en"))
    # A synchronised alias under the English home page, waiting to be translated.
    assert english.alias_of_id == french.pk
    assert english.get_parent().pk == site_tree["en"].pk

    # "Translate this page" turns the placeholder into a real translation, as a draft.
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[french.pk]),
        {"locales": [Locale.objects.get(language_code="en").pk]},
    )
    english.refresh_from_db()
    assert english.alias_of_id is None
