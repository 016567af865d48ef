from allauth.mfa.models import Authenticator

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from core.middleware import is_admin_path

# Where an admin user was going when sent to set up a second factor: the set-up pages lead back there.
ADMIN_MFA_NEXT_SESSION_KEY = "members_admin_mfa_next"


def needs_admin_mfa(user):
    """Anyone who can use the Wagtail (or Django) admin must have a second factor."""
    if not user.is_authenticated:
        return False
    if not can_use_admin(user):
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def can_use_admin(user):
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


class AdminMFARequiredMiddleware:
    """Sends admin users without an authenticator app to set one up before the admin opens.

    Only admin paths are guarded: the MFA set-up pages themselves live under /<lang>/accounts/
    (in the person's language), say why they appear, and lead back to the admin page asked for.
    ``ADMIN_MFA_REQUIRED`` (on by default) switches it off for tests of other areas.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "ADMIN_MFA_REQUIRED", True) and is_admin_path(request.path_info):
            if needs_admin_mfa(request.user):
                request.session[ADMIN_MFA_NEXT_SESSION_KEY] = request.get_full_path()
                with translation.override(request.user.preferred_language or translation.get_language()):
                    return redirect(reverse("mfa_activate_totp"))
            request.session.pop(ADMIN_MFA_NEXT_SESSION_KEY, None)
        return self.get_response(request)
