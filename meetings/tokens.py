"""The signed link in registration emails that cancels a registration without signing in."""

from django.core import signing

from .models import Registration

CANCEL_SALT = "meetings.registration.cancel"


def cancel_token(registration):
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def registration_from_token(token):
    """The registration a cancel link names, or None when the link was altered."""
    try:
        pk = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return Registration.objects.select_related("user").filter(pk=pk).first()
