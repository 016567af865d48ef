"""Without a bucket, media stay in the local folder and boto3 is never loaded (a worker's memory)."""

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
from django.core.files.storage import default_storage
from django.core.management import call_command
call_command("check", verbosity=0)  # every app, its hooks and the URLconf
try:
    default_storage.exists("documents/probe.pdf")  # a bucket that does not answer: the import is what counts
except Exception:
    pass
from django.conf import settings
print(json.dumps({
    "storage": type(default_storage._wrapped).__name__,
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "loaded": sorted({name.split(".")[0] for name in sys.modules} & {"boto3", "botocore", "s3transfer"}),
}))
"""


def probe(**environment):
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.test", **environment)
    result = subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-c", PROBE], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.subprocess
def test_the_local_folder_is_the_default_and_boto3_stays_out():
    found = probe()
    assert found["storage"] == "FileSystemStorage"
    assert found["loaded"] == []


@pytest.mark.subprocess
def test_a_bucket_name_switches_to_object_storage():
    found = probe(AWS_STORAGE_BUCKET_NAME="coalition-media", AWS_S3_ENDPOINT_URL="http://127.0.0.1:9")
    assert found["storage"] == "MediaStorage"
    assert "boto3" in found["loaded"]
    # Pages may show renditions from the bucket: the Content-Security-Policy allows its origin.
    assert "http://127.0.0.1:9" in found["img_src"]
