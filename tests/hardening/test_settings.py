"""Production settings: secret key, cookies, HTTPS; private content without shared passwords;
dependency floors at or above their latest security releases."""

import json
import os
import secrets
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.version import Version

from django.urls import reverse

from wagtail.models import Collection

BASE_DIR = Path(__file__).resolve().parents[2]
LONG_KEY = "k9S2vQx7Lm4Rt8Wz1Yb6Nc3Hd5Jf0Gp2Ks7Lq9Mv4Xw8Zr1Tb6Yn3Uc5Ie0Oa2Pd7Fh"
PRODUCTION_VALUES = [
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "X_FRAME_OPTIONS",
]


def run_production(code, secret_key=LONG_KEY, extra_env=None):
    env = {
        key: value
        for key, value in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE is set while the browser tests run, never in production.
        if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DEBUG", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "ALLOWED_HOSTS": "coalition.example.org",
            "SITE_URL": "https://coalition.example.org",
        }
    )
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    env.update(extra_env or {})
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def production_settings():
    code = (
        "import json\nfrom django.conf import settings\n"
        f"print(json.dumps({{name: getattr(settings, name) for name in {PRODUCTION_VALUES!r}}}))"
    )
    result = run_production(code)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.subprocess
def test_production_cookies_are_secure_httponly_and_samesite(production_settings):
    values = production_settings
    for cookie in ("SESSION", "CSRF", "LANGUAGE"):
        assert values[f"{cookie}_COOKIE_SECURE"] is True, cookie
        assert values[f"{cookie}_COOKIE_HTTPONLY"] is True, cookie
        assert values[f"{cookie}_COOKIE_SAMESITE"] in ("Lax", "Strict"), cookie


@pytest.mark.subprocess
def test_production_forces_https(production_settings):
    assert production_settings["DEBUG"] is False
    assert production_settings["SECURE_SSL_REDIRECT"] is True
    assert production_settings["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production_settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production_settings["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert production_settings["X_FRAME_OPTIONS"] == "DENY"


WEAK_SECRET_KEYS = {
    "missing": None,
    "empty": "",
    "development default": "django-insecure-development-key-never-in-production",
    "short": "short-key",
    "not random": "a" * 64,
}

# One interpreter for every case: each imports the production settings afresh with its own value of
# one environment variable (None: unset), and answers the error, or the setting asked for ("started").
IMPORT_PRODUCTION_UNDER_EACH_VALUE = """
import importlib, json, os, sys
variable, cases, reported = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
results = {}
for case, value in cases.items():
    for name in [name for name in sys.modules if name.startswith("config.settings")]:
        del sys.modules[name]
    os.environ.pop(variable, None)
    if value is not None:
        os.environ[variable] = value
    try:
        settings = importlib.import_module("config.settings.production")
    except Exception as error:
        results[case] = f"{type(error).__name__}: {error}"
    else:
        results[case] = getattr(settings, reported) if reported else "started"
print(json.dumps(results))
"""


def import_production_under_each_value(variable, cases, environment, reported=""):
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}}
    env.update({"ALLOWED_HOSTS": "coalition.example.org", **environment})
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", IMPORT_PRODUCTION_UNDER_EACH_VALUE, variable, json.dumps(cases), reported],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def production_under_each_key():
    cases = {**WEAK_SECRET_KEYS, "long and random": secrets.token_urlsafe(64)}
    return import_production_under_each_value("SECRET_KEY", cases, {"SITE_URL": "https://coalition.example.org"})


@pytest.mark.subprocess
@pytest.mark.parametrize("case", WEAK_SECRET_KEYS)
def test_production_refuses_a_weak_or_missing_secret_key(production_under_each_key, case):
    outcome = production_under_each_key[case]
    assert outcome.startswith("ImproperlyConfigured: ")
    assert "SECRET_KEY" in outcome


@pytest.mark.subprocess
def test_production_starts_with_a_long_random_secret_key(production_under_each_key):
    assert production_under_each_key["long and random"] == "started"


# The public address every email link is built from: production does not start without a usable one.
SITE_URLS = {
    "missing": ("", "SITE_URL is not set"),
    "not absolute": ("coalition.example.org", "absolute http(s) address"),
    "with a path": ("https://coalition.example.org/fr/", "without a path"),
    "usable": ("https://coalition.example.org", None),
}


@pytest.mark.subprocess
def test_production_refuses_to_start_without_a_public_address():
    outcomes = import_production_under_each_value(
        "SITE_URL",
        {case: value for case, (value, _) in SITE_URLS.items()},
        {"SECRET_KEY": LONG_KEY},
        reported="WAGTAILADMIN_BASE_URL",
    )
    for case, (value, message) in SITE_URLS.items():
        if message is None:
            # Wagtail's own emails follow the same address.
            assert outcomes[case] == value, case
        else:
            assert outcomes[case].startswith("ImproperlyConfigured: "), case
            assert message in outcomes[case], case


CHECK_DEPLOY = (
    "import sys\nfrom django.core.management import execute_from_command_line\n"
    "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
)


@pytest.mark.subprocess
def test_production_passes_check_deploy():
    result = run_production(CHECK_DEPLOY, extra_env={"REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.subprocess
def test_production_without_a_shared_cache_fails_check_deploy():
    result = run_production(CHECK_DEPLOY, extra_env={"REDIS_URL": ""})
    assert result.returncode != 0
    assert "core.W001" in result.stdout + result.stderr


def test_session_cookie_is_httponly_and_samesite(client, django_user_model, site_tree):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(email="cookie@example.org", password="pw-cookie-123")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    # Every sign-in goes through allauth's form.
    response = client.post("/en/accounts/login/", {"login": "cookie@example.org", "password": "pw-cookie-123"})
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


@pytest.fixture
def editor_client(client, django_user_model, site_tree):
    user = django_user_model.objects.create_superuser(email="privacy@example.org", password="pw-privacy-123")
    client.force_login(user)
    return client


def test_page_privacy_offers_no_shared_password(editor_client, site_tree):
    url = reverse("wagtailadmin_pages:set_privacy", args=(site_tree["fr"].pk,))
    response = editor_client.get(url)
    assert response.status_code == 200
    html = response.json()["html"]
    assert 'value="groups"' in html
    assert 'value="password"' not in html and 'value="login"' not in html  # private means members or groups
    refused = editor_client.post(url, {"restriction_type": "password", "password": "partagé"})
    assert "PageViewRestriction" not in refused.content.decode()
    from wagtail.models import PageViewRestriction

    assert not PageViewRestriction.objects.exists()


def test_collection_privacy_offers_no_shared_password(editor_client):
    collection = Collection.get_first_root_node().add_child(name="Membres")
    url = reverse("wagtailadmin_collections:set_privacy", args=(collection.pk,))
    html = editor_client.get(url).json()["html"]
    assert 'value="login"' in html
    assert 'value="password"' not in html
    editor_client.post(url, {"restriction_type": "password", "password": "partagé"})
    from wagtail.models import CollectionViewRestriction

    assert not CollectionViewRestriction.objects.filter(restriction_type=CollectionViewRestriction.PASSWORD).exists()


# Each floor is the latest release of its line that fixed a published vulnerability (or the
# first release of the line that already contains every earlier fix). Raise them when a new
# security release comes out; see docs/hardening.md for the sources.
SECURITY_FLOORS = {
    # 5.2.15 and 5.2.16 (2026-07) fixed eight "low" security issues; 5.2.17 (08-04), 5.2.18
    # (10-06) and 5.2.19 (11-03) came out on Django's first-Tuesday security-release days.
    "django": "5.2.19",
    # CVE-2026-44197 and GHSA permission fixes: 7.0.7 / 7.3.2 / 7.4; 8.0.1 is the line's current patch.
    "wagtail": "8.0.1",
    # 65.22.0 (2026-11-11): MFA recovery codes no longer cacheable, reauthentication no longer
    # skipped without a method; 65.22.1 (11-13): strict parsing of providers' email-verified claims.
    "django-allauth": "65.22.1",
    # No published advisory; the floor is the current patch release of the supported line.
    "wagtail-localize": "1.14.5",
}


@pytest.mark.parametrize(("package", "floor"), SECURITY_FLOORS.items())
def test_dependencies_are_at_or_above_their_security_floor(package, floor):
    assert Version(version(package)) >= Version(floor)


@pytest.mark.parametrize(("package", "floor"), SECURITY_FLOORS.items())
def test_pinned_requirements_are_at_or_above_their_security_floor(package, floor):
    pins = {}
    for line in (BASE_DIR / "requirements.txt").read_text().splitlines():
        if "==" in line and not line.lstrip().startswith("#"):
            name, pinned = line.split("#")[0].strip().split("==")
            pins[name.split("[")[0].lower()] = pinned
    assert Version(pins[package]) >= Version(floor)
