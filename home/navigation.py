"""The site's own addresses that a menu may link to by name (views, not pages), and what each
becomes for the person reading the page."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Route:
    label: str  # the default label, when staff leave the item's label empty
    url_name: str
    visitor_label: str = ""  # for a visitor who is not signed in, with ``visitor_url_name``
    visitor_url_name: str = ""
    for_visitors_only: bool = False  # hidden from signed-in people (they have an account)


ROUTES = {
    "resources": Route(_("Resource library"), "resources:index"),
    "members": Route(
        _("Members area"), "members:dashboard", visitor_label=_("Sign in"), visitor_url_name="account_login"
    ),
    "signup": Route(_("Become a member"), "account_signup", for_visitors_only=True),
    "search": Route(_("Search"), "search"),
}

ROUTE_CHOICES = [
    ("resources", _("Resource library")),
    ("members", _("Members area (sign-in for visitors)")),
    ("signup", _("Become a member (sign-up, for visitors)")),
    ("search", _("Search")),
]


def route_link(name, label, user):
    """``(label, url)`` of the route ``name`` for ``user``, or ``None`` when it is not shown to them.

    Staff's label names the route for signed-in people; a visitor reads the route's own
    visitor label (the members area is "Sign in" to them).
    """
    route = ROUTES.get(name)
    if route is None:
        return None
    signed_in = bool(user and user.is_authenticated)
    if route.for_visitors_only and signed_in:
        return None
    if route.visitor_url_name and not signed_in:
        return str(route.visitor_label), reverse(route.visitor_url_name)
    return label or str(route.label), reverse(route.url_name)
