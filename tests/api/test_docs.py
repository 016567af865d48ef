"""The API's documentation page (Swagger UI) works under the site's Content-Security-Policy:
everything it loads is served by the site itself (no CDN), and no inline script runs."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.test import Client

pytestmark = pytest.mark.django_db


def docs_assets(html):
    """Every address the page loads (scripts, stylesheets, icons), and its inline scripts."""
    soup = BeautifulSoup(html, "html.parser")
    loaded = [tag["src"] for tag in soup.find_all("script", src=True)]
    loaded += [tag["href"] for tag in soup.find_all("link", href=True)]
    inline = [tag for tag in soup.find_all("script", src=False) if tag.get("type") != "application/json"]
    return loaded, inline


def test_the_docs_page_loads_only_the_site_s_own_files(client, site_tree):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    loaded, inline = docs_assets(response.content.decode())
    assert inline == []  # the settings are JSON data, read by a script file
    scripts = [url for url in loaded if url.endswith(".js")]
    assert len(scripts) >= 2 and any(url.endswith(".css") for url in loaded)
    for url in loaded:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, url  # same origin
        assert url.startswith(static("")), url


def test_the_docs_page_s_files_are_served(site_tree, settings):
    """collectstatic gathers them (finders) and whitenoise serves them; a new client loads the
    middleware with whitenoise reading the finders, as `runserver` and collectstatic would."""
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    client = Client()
    loaded, _inline = docs_assets(client.get("/api/v3/docs/").content.decode())
    for url in loaded:
        assert finders.find(url.removeprefix(static(""))), url
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert len(body) > 0, url
