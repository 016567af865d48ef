"""wagtail-localize's translation editor in the admin's language: the strings its JavaScript bundle shows,
and a few of Wagtail's and wagtail-localize's own that their French catalogues leave in English or garble.

The bundle calls ``gettext`` from Django's JavaScript catalogue for most of its strings, and writes a few
without it. The translations app serves a catalogue of its own after wagtail-localize's (the entries that
one lacks or gets wrong) and a script that translates the strings written without gettext.
"""

import json
import re
from pathlib import Path

import polib
import pytest

from django.apps import apps
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from .test_editor_actions import open_editor
from .test_french_admin import set_admin_language

BUNDLE = Path(apps.get_app_config("wagtail_localize").path) / "static/wagtail_localize/js/wagtail-localize.js"
SCRIPT = Path(apps.get_app_config("translations").path) / "static/translations/js/translation-editor.js"
JS_CATALOGUE = Path(apps.get_app_config("translations").path) / "locale/fr/LC_MESSAGES/djangojs.po"
HEADING = "%(source)s to %(target)s translation"


@pytest.fixture
def english_page(french_page, superuser):
    english = Locale.objects.get(language_code="en")
    translate_object(french_page, [english], user=superuser)
    return french_page.get_translation(english)


def served_catalogue(client, user, language):
    set_admin_language(user, language)
    client.force_login(user)
    response = client.get(reverse("translations:javascript_catalog"))
    assert response.status_code == 200
    match = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.DOTALL)
    return json.loads(match.group(1)) if match else {}


def test_the_editor_loads_our_catalogue_and_script_after_wagtail_localizes(client, editor, english_page):
    text, _ = open_editor(client, editor, english_page)
    bundle = text.index("wagtail_localize/js/wagtail-localize.js")
    assert bundle < text.index(reverse("translations:javascript_catalog"))
    assert bundle < text.index("translations/js/translation-editor.js")


def test_the_catalogue_served_to_the_french_admin_translates_what_the_bundle_asks_for(client, editor):
    catalogue = served_catalogue(client, editor, "fr")
    bundle = BUNDLE.read_text()
    # The main button: gettext("Publish in ") + the language's name (wagtail-localize's French lacks the space).
    assert '("Publish in ")' in bundle
    assert catalogue["Publish in "] == "Publier en "
    # What our script asks for.
    assert catalogue[HEADING] == "Traduction %(source)s → %(target)s"
    assert catalogue["More actions"] == "Plus d'actions"


def test_the_english_admin_gets_no_french(client, editor):
    catalogue = served_catalogue(client, editor, "en")
    assert "Publier en " not in catalogue.values()


def test_the_script_translates_the_strings_the_bundle_writes_without_gettext():
    """Both strings are still literals in the bundle (a version that translates them makes the script useless:
    this fails, and the script and its entries can go), and the script looks for them exactly."""
    bundle, script = BUNDLE.read_text(), SCRIPT.read_text()
    assert re.search(r"`\$\{\w+\.sourceLocale\.displayName\} to \$\{\w+\.locale\.displayName\} translation`", bundle)
    assert "`${locales.source} to ${locales.target} translation`" in script
    assert f'gettext("{HEADING}")' in script
    assert '"w-sr-only"},"More actions")' in bundle
    assert '["More actions", gettext("More actions")]' in script
    # The comments' dates: wagtail-localize writes them with strftime's English month names ("1 December 2026").
    assert re.search(r'DATE_FORMAT = .*"%-d %B %Y"', (BUNDLE.parents[3] / "compat.py").read_text())


@pytest.mark.parametrize("entry", polib.pofile(str(JS_CATALOGUE)), ids=lambda entry: entry.msgid)
def test_every_entry_of_our_javascript_catalogue_is_asked_for(entry):
    """By the bundle (its exact msgid, in a gettext call) or by our script; and translated."""
    literal = json.dumps(entry.msgid)
    assert f"({literal})" in BUNDLE.read_text() or f"gettext({literal})" in SCRIPT.read_text()
    assert entry.msgstr and not entry.fuzzy


def upstream_french(app_label, msgid):
    catalogue = Path(apps.get_app_config(app_label).path) / "locale/fr/LC_MESSAGES/django.po"
    return polib.pofile(str(catalogue)).find(msgid).msgstr


def test_the_status_panel_says_status_in_french_to_screen_readers(client, editor, page_in_review):
    """Wagtail's own French has "Status :" (and its side panel prefixes the workflow's state with it)."""
    assert re.fullmatch(r"Status\s:", upstream_french("wagtailadmin", "Status: "))
    set_admin_language(editor, "fr")
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page_in_review.pk])).content.decode()
    assert "Statut : " in html
    assert not re.search(r"\bStatus\s:", html)


def test_a_snippets_translation_editor_names_what_is_edited_in_french(client, editor, site_tree):
    from home.models import SiteFooter

    assert upstream_french("wagtail_localize", "Editing %(object_type)s %(title)s").startswith("Modification de ")
    footer = SiteFooter.objects.get(locale__language_code="en")
    set_admin_language(editor, "fr")
    client.force_login(editor)
    response = client.get(reverse(f"wagtailsnippets_home_{SiteFooter._meta.model_name}:edit", args=[footer.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "js-translation-editor" in html
    assert f"Modification : {SiteFooter._meta.verbose_name} « {footer} »" in html
    assert "Modification de " not in html
