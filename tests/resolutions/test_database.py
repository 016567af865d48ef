"""The public database: adopted resolutions filtered by year, group, topic and outcome; citable; side by side."""

import datetime

import pytest

from resolutions.choices import Outcome
from resolutions.services import record_outcome

from .conftest import new_resolution

pytestmark = pytest.mark.django_db


@pytest.fixture
def adopted(draft, index, group):
    older = new_resolution(index, group, title="Détention des enfants", slug="detention")
    record_outcome(draft.record, Outcome.ADOPTED, datetime.date(2026, 5, 30))
    record_outcome(older.record, Outcome.ADOPTED_AS_AMENDED, datetime.date(2024, 6, 1))
    still_draft = new_resolution(index, group, title="Brouillon secret", slug="brouillon")
    return draft, older, still_draft


def titles(response):
    return [page.title for page in response.context["resolutions"]]


def test_the_listing_shows_adopted_resolutions_only_newest_first(client, adopted):
    response = client.get("/fr/resolutions/")
    assert response.status_code == 200
    assert titles(response) == ["Réunification familiale", "Détention des enfants"]
    assert "Brouillon secret" not in response.text


def test_filters_by_year_outcome_topic_and_group(client, adopted, topic, group):
    assert titles(client.get("/fr/resolutions/", {"year": 2024})) == ["Détention des enfants"]
    assert titles(client.get("/fr/resolutions/", {"outcome": Outcome.ADOPTED})) == ["Réunification familiale"]
    assert titles(client.get("/fr/resolutions/", {"topic": topic.pk})) == ["Réunification familiale"]
    assert len(titles(client.get("/fr/resolutions/", {"group": group.pk}))) == 2


def test_the_english_listing_filters_by_the_english_topic_and_group(client, adopted, topic, group, english):
    response = client.get(
        "/en/resolutions/",
        {"topic": topic.get_translation(english).pk, "group": group.get_translation(english).pk, "year": 2026},
    )
    assert titles(response) == ["Family reunification"]


def test_a_filter_the_form_refuses_is_a_400_with_its_reason(client, adopted):
    response = client.get("/fr/resolutions/", {"year": "deux-mille", "outcome": "defeated"})
    assert response.status_code == 400
    assert "form-errors" in response.text


def test_each_resolution_is_citable_by_its_number_in_each_language(client, adopted, english):
    draft = adopted[0]
    response = client.get("/fr/resolutions/2026-01/")
    assert response.status_code == 302 and response["Location"] == draft.url
    response = client.get("/en/resolutions/2026-01/")
    assert response.status_code == 302 and response["Location"] == draft.get_translation(english).url
    assert client.get("/fr/resolutions/2026-09/").status_code == 404


def test_side_by_side_pairs_each_clause_with_its_translation(client, adopted):
    response = client.get(adopted[0].url + "fr-en/")
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(french.value, english.value) for french, english in rows] == [
        ("Les délais dépassent deux ans ;", "Delays exceed two years;"),
        ("Que la coalition demande des délais de six mois.", "That the coalition call for six-month delays."),
    ]


def test_the_listing_is_cached_for_anonymous_visitors(client, adopted, settings):
    settings.PAGE_CACHE_ENABLED = True
    assert client.get("/fr/resolutions/")["X-Page-Cache"] == "miss"
    assert client.get("/fr/resolutions/")["X-Page-Cache"] == "hit"
