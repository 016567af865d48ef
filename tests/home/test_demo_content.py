"""load_demo_content is idempotent and translates through wagtail-localize."""

from io import StringIO

import pytest

from django.apps import apps
from django.core.management import CommandError, call_command


def snapshot():
    """Every row of every model, as a comparable structure."""
    state = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        state[model._meta.label] = list(model.objects.order_by("pk").values())
    return state


def test_running_twice_changes_nothing(demo_content):
    first = snapshot()
    call_command("load_demo_content", stdout=StringIO())
    second = snapshot()
    changed = [label for label in first if first[label] != second[label]]
    assert changed == []
    assert first["home.HomePage"], "the demo content created no home page"


def test_english_pages_are_translations_of_french_sources(demo_content):
    from wagtail.models import Page
    from wagtail_localize.models import Translation

    english_pages = Page.objects.filter(locale__language_code="en", depth__gt=1)
    assert english_pages.exists()
    for page in english_pages:
        assert Translation.objects.filter(source__object_id=page.translation_key, target_locale=page.locale).exists(), (
            f"{page} was not made through wagtail-localize"
        )


def test_demo_accounts_are_refused_under_production_like_settings(db, settings):
    settings.DEMO_ACCOUNTS_ALLOWED = False
    with pytest.raises(CommandError, match="development only"):
        call_command("load_demo_content", stdout=StringIO())


def test_content_alone_loads_under_production_like_settings(db, settings):
    from home.models import HomePage

    settings.DEMO_ACCOUNTS_ALLOWED = False
    call_command("load_demo_content", "--no-accounts", stdout=StringIO())
    assert HomePage.objects.count() == 2
