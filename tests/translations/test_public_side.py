"""Public side of the translation workflow: what visitors see of untranslated and private pages."""

import re

import pytest

from django.urls import reverse

from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.operations import translate_object

from home.models import StandardPage


@pytest.fixture
def page_created_in_the_admin(client, superuser, site_tree):
    """A French page created and published in the admin: English gets a synchronised alias."""
    client.force_login(superuser)
    client.post(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", site_tree["fr"].pk]),
        {"title": "Nouvelles", "slug": "nouvelles", "introduction": "", "body-count": "0", "action-publish": "1"},
    )
    client.logout()
    return StandardPage.objects.get(slug="nouvelles", locale__language_code="fr")


def test_switcher_does_not_offer_an_untranslated_alias(client, page_created_in_the_admin):
    english = page_created_in_the_admin.get_translation(Locale.objects.get(language_code="en"))
    assert english.alias_of_id == page_created_in_the_admin.pk
    html = client.get("/fr/nouvelles/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/en/nouvelles/"' not in switcher
    assert 'hreflang="en"' not in html.split("</head>")[0]
    # A visitor who reaches the alias is sent to the original, not shown French under /en/.
    response = client.get("/en/nouvelles/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/nouvelles/"
    assert 'href="/en/"' in switcher


def test_hreflang_leaves_out_a_translation_made_private_with_its_source(client, french_page, locales, superuser):
    translate_object(french_page, [locales[1]], user=superuser)
    english = french_page.get_translation(locales[1])
    english.save_revision().publish()
    head = client.get("/fr/detention/").content.decode().split("</head>")[0]
    assert f'hreflang="en" href="http://testserver{english.url}"' in head
    restriction = PageViewRestriction.objects.create(page=french_page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(english.url).status_code == 302
    restriction.delete()
    assert client.get(english.url).status_code == 200
