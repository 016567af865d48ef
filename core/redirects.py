"""Where a ``next`` parameter may send someone: one rule for every view that reads one."""

from django.utils.http import url_has_allowed_host_and_scheme


def is_local_path(request, url):
    """True for a path on this site (``/fr/...``): not another host, not a scheme, not a bare word.

    A bare word ("abc") passes Django's host check but is neither a path nor safe to hand
    to ``redirect()``, which would look it up as a URL name.
    """
    if not isinstance(url, str) or not url.startswith("/") or url.startswith(("//", "/\\")):
        return False
    return url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure())


def local_next_url(request, default):
    """The request's ``next`` (form, then query string) when it is a local path, else ``default``."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    return candidate if is_local_path(request, candidate) else default
