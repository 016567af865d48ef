"""Interface strings exist in French: no empty or fuzzy entry in a French catalogue."""

import polib
import pytest

from home.management.commands.compile_catalogues import catalogue_paths

FRENCH_CATALOGUES = [path for path in catalogue_paths() if path.parts[-3] == "fr"]


def test_every_app_has_a_french_catalogue():
    apps_with_catalogues = {path.parts[-5] for path in FRENCH_CATALOGUES}
    assert {"home", "workinggroups", "members", "search"} <= apps_with_catalogues


@pytest.mark.parametrize("path", FRENCH_CATALOGUES, ids=lambda path: "/".join(path.parts[-5:]))
def test_french_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"untranslated in {path}"
    assert fuzzy == [], f"fuzzy (unchecked) in {path}"
