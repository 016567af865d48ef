"""Interface-string catalogues are not stale: their msgids are what makemessages extracts today.

makemessages runs on a temporary copy of the project, so the working tree is never
touched; it needs GNU gettext's xgettext, and the test is skipped (saying so) without it.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from django.conf import settings

from home.management.commands.compile_catalogues import catalogue_paths

IGNORED = shutil.ignore_patterns(
    ".venv", "staticfiles", "media", "node_modules", ".git", "__pycache__", "*.sqlite3*", "*.mo", ".pytest_cache"
)


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    if shutil.which("xgettext") is None:
        pytest.skip("GNU gettext (xgettext) is not installed: cannot re-extract the interface strings")
    base = Path(settings.BASE_DIR)
    copy = tmp_path_factory.mktemp("project") / "project"
    shutil.copytree(base, copy, ignore=IGNORED, symlinks=True)
    subprocess.run(  # noqa: S603 (our own interpreter and manage.py, fixed arguments)
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "fr",
            "--no-obsolete",
            "--no-location",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test", "HOME": str(copy)},
    )
    return base, copy


def msgids(path):
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete}


# makemessages extracts the django domain; the JavaScript catalogue (djangojs.po) has a test of its own
# (tests/translations/test_editor_strings.py).
FRENCH = [path for path in catalogue_paths() if path.parts[-3] == "fr" and path.name == "django.po"]


@pytest.mark.subprocess
@pytest.mark.parametrize("path", FRENCH, ids=lambda path: "/".join(path.parts[-5:]))
def test_french_catalogue_matches_the_sources(fresh_catalogues, path):
    base, copy = fresh_catalogues
    regenerated = copy / path.relative_to(base)
    current, fresh = msgids(path), msgids(regenerated)
    assert not fresh - current, f"strings in the code but missing from {path.relative_to(base)}: run makemessages"
    assert not current - fresh, f"strings in {path.relative_to(base)} no longer in the code: run makemessages"
