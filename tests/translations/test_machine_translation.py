"""Machine translation: DeepL when configured; without it, none, and the translation editor says so."""

import ast
import os
import subprocess
import sys

import pytest

from django.conf import settings
from django.urls import reverse

from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.operations import translate_object
from wagtail_localize.strings import StringValue

from .fake_translator import MarkingTranslator

NOT_CONFIGURED = {
    "en": "Machine translation is not configured on this site",
    "fr": "La traduction automatique n’est pas configurée sur ce site",
}


def test_the_test_translator_marks_its_output():
    translator = MarkingTranslator({})
    french, english = Locale(language_code="fr"), Locale(language_code="en")
    strings = [StringValue("Groupes de travail"), StringValue("Les <b>membres</b> se réunissent.")]
    result = translator.translate(french, english, strings)
    assert result[strings[0]].data == "[EN] Groupes de travail"
    assert result[strings[1]].data == "[EN] Les <b>membres</b> se réunissent."
    assert translator.can_translate(french, english)
    assert not translator.can_translate(french, Locale(language_code="fr-CA"))


@pytest.mark.subprocess
def test_no_machine_translator_without_a_deepl_key():
    # The settings as the product ships them, not the tests' fixture.
    assert not settings.DEEPL_API_KEY
    assert _settings_with({"DEEPL_API_KEY": ""}) is None


def set_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def _english_translation_of(page):
    english = Locale.objects.get(language_code="en")
    translate_object(page, [english])
    return page.get_translation(english)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_editor_says_machine_translation_is_not_configured(
    admin_client, admin_user, french_page, settings, language
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    set_admin_language(admin_user, language)
    english_page = _english_translation_of(french_page)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk]))
    assert response.status_code == 200
    assert "js-translation-editor" in response.text
    assert NOT_CONFIGURED[language] in response.text
    assert '"machineTranslator": null' in response.text.replace("&quot;", '"')


def test_the_editor_offers_the_configured_translator_without_the_notice(admin_client, admin_user, french_page):
    set_admin_language(admin_user, "en")
    english_page = _english_translation_of(french_page)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk]))
    assert response.status_code == 200
    assert "Marking translator (tests only)" in response.text
    assert NOT_CONFIGURED["en"] not in response.text


def test_the_notice_is_only_for_translations(admin_client, admin_user, french_page, settings):
    set_admin_language(admin_user, "en")
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[french_page.pk]))
    assert response.status_code == 200
    assert NOT_CONFIGURED["en"] not in response.text


def _settings_with(env):
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(repr(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR))"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env}
    output = subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True, cwd=settings.BASE_DIR
    )
    return ast.literal_eval(output.stdout.strip().splitlines()[-1])


@pytest.mark.subprocess
def test_deepl_with_its_glossary_when_configured():
    config = _settings_with({"DEEPL_API_KEY": "secret:fx", "DEEPL_GLOSSARY_ID": "glossary-123"})
    assert config["CLASS"] == "wagtail_localize.machine_translators.deepl.DeepLTranslator"
    assert config["OPTIONS"]["AUTH_KEY"] == "secret:fx"

    from wagtail_localize.machine_translators.deepl import DeepLTranslator

    parameters = DeepLTranslator(config["OPTIONS"]).get_parameters(
        Locale(language_code="fr"), Locale(language_code="en"), [StringValue("Bonjour")]
    )
    assert parameters["glossary_id"] == "glossary-123"
    assert (parameters["source_lang"], parameters["target_lang"]) == ("FR", "EN")
