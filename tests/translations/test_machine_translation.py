"""Machine translation: DeepL when configured, otherwise a development translator that says so."""

import ast
import os
import subprocess
import sys

import pytest

from django.conf import settings

from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

from translations.machine_translation import DevelopmentTranslator


def test_development_translator_marks_its_output():
    translator = DevelopmentTranslator({})
    french, english = Locale(language_code="fr"), Locale(language_code="en")
    strings = [StringValue("Groupes de travail"), StringValue("Les <b>membres</b> se réunissent.")]
    result = translator.translate(french, english, strings)
    assert result[strings[0]].data == "[EN] Groupes de travail"
    assert result[strings[1]].data == "[EN] Les <b>membres</b> se réunissent."
    assert translator.can_translate(french, english)
    assert not translator.can_translate(french, Locale(language_code="fr-CA"))


def test_development_translator_is_the_default_without_a_deepl_key():
    assert not settings.DEEPL_API_KEY
    assert isinstance(get_machine_translator(), DevelopmentTranslator)


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
