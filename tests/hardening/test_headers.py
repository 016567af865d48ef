"""Every response carries the security headers; the admin gets its own, scoped allowances."""

import re

import pytest

from wagtail.models import Page


def directives(header):
    policy = {}
    for part in header.split(";"):
        name, *values = part.strip().split()
        policy[name] = values
    return policy


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(email="editor@example.org", password="pw-editor-123")


@pytest.mark.parametrize("path", ["/fr/", "/en/", "/fr/cette-page-nexiste-pas/", "/health/", "/robots.txt"])
def test_public_responses_carry_a_strict_policy(client, site_tree, path):
    response = client.get(path)
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def public_paths(client):
    """Every page of the sitemap (both languages), plus search and the account pages."""
    sitemap = client.get("/sitemap.xml").content.decode()
    pages = re.findall(r"<loc>http://testserver(/[^<]*)</loc>", sitemap)
    assert pages
    return pages + ["/fr/search/?q=groupe", "/en/search/?q=group", "/fr/accounts/login/", "/en/accounts/signup/"]


def test_public_pages_have_no_inline_script(client, demo_content):
    """Nothing the public site renders needs 'unsafe-inline': scripts come by src or carry the nonce,
    and no element has an on…= handler. Grows with the site: it reads the sitemap."""
    for path in public_paths(client):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or "nonce=" in tag, f"inline script without nonce on {path}: {tag}"
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.I), f"inline event handler on {path}"
        assert "javascript:" not in html, path


def test_a_nonce_used_by_a_template_is_in_the_policy(rf, db):
    """An inline script that must exist carries the request's nonce, and the header allows it."""
    from django.http import HttpResponse
    from django.template import engines

    from core.middleware import ContentSecurityPolicyMiddleware

    template = engines["django"].from_string('<script nonce="{{ CSP_NONCE }}">1</script>')

    def view(request):
        return HttpResponse(template.render({"CSP_NONCE": request.csp_nonce}, request))

    request = rf.get("/fr/")
    middleware = ContentSecurityPolicyMiddleware(view)
    response = middleware(request)
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in directives(response["Content-Security-Policy"])["script-src"]


def test_admin_gets_its_allowances_and_same_origin_framing(client, editor, site_tree):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert "blob:" in policy["img-src"] and "data:" in policy["img-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_allowances_do_not_leak_to_lookalike_paths(client, site_tree):
    response = client.get("/fr/admin/")
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in policy["script-src"]
    assert response["X-Frame-Options"] == "DENY"


def test_page_preview_can_be_framed_by_the_admin(client, editor, site_tree):
    client.force_login(editor)
    home = Page.objects.get(pk=site_tree["fr"].pk)
    response = client.get(f"/admin/pages/{home.pk}/edit/preview/", {"mode": ""})
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


def test_admin_does_not_call_gravatar(client, editor, site_tree):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "gravatar.com" not in html
