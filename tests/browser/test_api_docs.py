"""The API's documentation page renders Swagger UI, with its operations, under the site's
Content-Security-Policy: no violation reported, nothing loaded from another origin."""

from urllib.parse import urlsplit

import pytest

# Read-only: the demo content is loaded once for the session (`demo_site`).
pytestmark = pytest.mark.django_db


def test_swagger_ui_renders_the_operations_with_no_csp_violation(page, demo_site):
    messages, requests = [], []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("request", lambda request: requests.append(request.url))
    # Violations are also reported as DOM events: collect them from the first script on.
    page.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));"
    )
    response = page.goto(f"{demo_site}/api/v3/docs/")
    assert response.status == 200
    operations = page.locator(".opblock-summary-path")
    operations.first.wait_for()
    paths = operations.all_inner_texts()
    assert any(path.replace("\u200b", "").startswith("/api/v3/pages/") for path in paths), paths
    assert any(path.replace("\u200b", "").startswith("/api/v3/resources/") for path in paths), paths
    assert page.evaluate("window.cspViolations") == []
    assert [message for message in messages if "Content Security Policy" in message or "error" in message] == []
    origin = urlsplit(demo_site).netloc
    assert {urlsplit(url).netloc for url in requests if url.startswith("http")} == {origin}
