"""Who may see a page is never decided from a stale copy of the view restrictions."""

import pytest

from wagtail.models import PageViewRestriction

from home import lookups
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(site_tree):
    page = site_tree["fr"].add_child(instance=StandardPage(title="À propos", slug="a-propos"))
    page.save_revision().publish()
    return page


def test_without_a_shared_cache_a_restriction_made_elsewhere_applies_at_once(client, about, settings):
    """Another app-server process adds the restriction: this process's signals never fire."""
    settings.REDIS_URL = ""
    settings.PAGE_CACHE_ENABLED = False  # the whole-page cache has its own rule: a shared cache in production
    assert client.get("/fr/a-propos/").status_code == 200
    PageViewRestriction.objects.bulk_create(  # bulk_create sends no post_save: as if done by another process
        [PageViewRestriction(page=about, restriction_type=PageViewRestriction.LOGIN)]
    )
    response = client.get("/fr/a-propos/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not StandardPage.objects.live().exclude(lookups.private_q()).filter(pk=about.pk).exists()
