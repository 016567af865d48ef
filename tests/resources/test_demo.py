"""The demo resources: bilingual, some for members, real PDFs (idempotence: tests/home/test_demo_content.py)."""

import pytest

from resources.models import Resource

pytestmark = pytest.mark.django_db


def test_demo_resources_in_both_languages_with_real_pdfs(demo_content):
    french = Resource.objects.filter(locale__language_code="fr")
    english = Resource.objects.filter(locale__language_code="en")
    assert french.count() == english.count() >= 6
    assert set(french.values_list("audience", flat=True)) == {"public", "members"}
    assert english.filter(live=True).count() == english.count()
    for resource in Resource.objects.select_related("document"):
        with resource.document.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
    # Some English versions carry their own English file, others show the French one.
    own = english.filter(file_language="en")
    assert own.exists() and english.filter(file_language="fr").exists()
    for resource in own:
        source = resource.get_translation(french.first().locale)
        assert resource.document_id != source.document_id
    cbsa = english.get(slug="recommendations-cbsa-gender-based-violence")
    assert cbsa.audience == "members"
    assert cbsa.document.collection.get_view_restrictions().exists()
