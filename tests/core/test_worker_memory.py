"""A worker leaves out the libraries it does not need for what it serves (its memory is measured by `make bench`)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys
from config.wsgi import application
from django.core.management import call_command
from django.urls import get_resolver
call_command("check", verbosity=0)  # every app, its hooks and checks
get_resolver().url_patterns  # every view the URLconf imports
loaded = {name.split(".")[0] for name, module in sys.modules.items() if module is not None}
print(json.dumps(sorted(loaded & {"pillow_heif", "icalendar"})))
"""


@pytest.mark.subprocess
def test_a_worker_starts_without_the_heif_plugin_or_the_calendar_library():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-c", PROBE], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
