"""The demo's resolutions: a dozen across the three groups and several years, in both languages."""

import pytest

from wagtail.models import Locale

from resolutions.choices import Outcome, Stage
from resolutions.models import Amendment, ResolutionPage
from resolutions.visibility import PUBLIC_OUTCOMES


def test_a_dozen_resolutions_in_both_languages_some_adopted_with_follow_up(demo_content, client):
    french = ResolutionPage.objects.filter(locale__language_code="fr").select_related("record")
    assert french.count() == 12
    assert len({page.drafting_groups.first().group_id for page in french}) == 3
    adopted = [page for page in french if page.record.outcome in PUBLIC_OUTCOMES]
    assert len({page.record.year for page in adopted}) >= 3
    assert sorted(page.record.number for page in adopted if page.record.year == 2022) == [
        "2022-01",
        "2022-02",
        "2022-03",
    ]
    assert any(page.follow_up for page in adopted)
    for page in french:
        english = page.get_translation(Locale.objects.get(language_code="en"))
        assert english.live and english.title != page.title
    in_comment = [page for page in french if page.record.stage == Stage.COMMENT]
    assert len(in_comment) == 1
    assert Amendment.objects.filter(record=in_comment[0].record, status=Amendment.Status.PENDING).count() == 2
    listing = client.get("/en/resolutions/")
    assert listing.status_code == 200
    assert len(listing.context["resolutions"]) == len(adopted)
    assert client.get(in_comment[0].url).status_code == 302
    defeated = next(page for page in french if page.record.outcome == Outcome.DEFEATED)
    assert client.get(defeated.url).status_code == 302


@pytest.mark.django_db
def test_loading_the_demo_again_changes_nothing(demo_content):
    from io import StringIO

    from django.core.management import call_command

    from resolutions.models import Resolution

    numbers = sorted(Resolution.objects.exclude(number=None).values_list("number", flat=True))
    call_command("load_demo_content", stdout=StringIO())
    assert sorted(Resolution.objects.exclude(number=None).values_list("number", flat=True)) == numbers
    assert ResolutionPage.objects.count() == 24
