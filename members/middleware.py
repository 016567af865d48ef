from allauth.mfa.models import Authenticator

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.middleware import is_admin_path


def needs_admin_mfa(user):
    """Anyone who can use the Wagtail (or Django) admin must have a second factor."""
    if not user.is_authenticated:
        return False
    if not (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")):
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class AdminMFARequiredMiddleware:
    """Sends admin users without an authenticator app to set one up before the admin opens.

    Only admin paths are guarded: the MFA set-up pages themselves live under /<lang>/accounts/.
    ``ADMIN_MFA_REQUIRED`` (on by default) switches it off for tests of other areas.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "ADMIN_MFA_REQUIRED", True) and is_admin_path(request.path_info):
            if needs_admin_mfa(request.user):
                messages.warning(
                    request,
                    _("Set up two-factor authentication to use the administration: it is required for staff."),
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)
