from django import template
from django.conf import settings
from django.urls import reverse

from members.access import can_manage_group, canonical_group, is_approved_member
from members.middleware import ADMIN_MFA_NEXT_SESSION_KEY, can_use_admin, needs_admin_mfa
from members.models import GroupMembership, GroupSettings

register = template.Library()


@register.inclusion_tag("members/includes/membership_panel.html", takes_context=True)
def group_membership_panel(context, page):
    """Join / leave / request button, or the visitor's status, for a working group page.

    Usage: ``{% load members_tags %}{% group_membership_panel page %}`` (in the group
    template's ``group_join`` block). Works on the page in either language.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    panel = {"request": request, "page": page, "user": user, "state": "anonymous"}
    if user is None or not user.is_authenticated:
        return panel
    if not is_approved_member(user):
        panel["state"] = "not_approved"
        return panel
    group = canonical_group(page)
    membership = GroupMembership.objects.filter(user=user, group=group).first()
    panel.update(
        {
            "group": group,
            "membership": membership,
            "on_request": GroupSettings.policy_of(group) == GroupSettings.JoinPolicy.ON_REQUEST,
            "manages": can_manage_group(user, group, membership),
        }
    )
    if membership and membership.is_active:
        panel["state"] = "member"
    elif membership and membership.is_pending:
        panel["state"] = "pending"
    else:
        panel["state"] = "can_join"
    return panel


@register.simple_tag(takes_context=True)
def admin_mfa_setup(context):
    """For the second-factor pages: whether the admin requires it of this person, and the admin
    page they were going to (``{% admin_mfa_setup as setup %}``: ``setup.required``, ``setup.next``)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not can_use_admin(user):
        return {"required": False, "next": None}
    next_url = request.session.get(ADMIN_MFA_NEXT_SESSION_KEY) or reverse("wagtailadmin_home")
    required = getattr(settings, "ADMIN_MFA_REQUIRED", True) and needs_admin_mfa(user)
    return {"required": required, "next": next_url}
