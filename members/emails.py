"""Emails to people, each written in the recipient's preferred language.

A mail server that is down or refuses us never undoes what the email reports: the
failure is logged and the caller is told (``send_to_user`` returns False).
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)

# What sending raises when the mail server is down, refuses us or times out
# (ConnectionRefusedError and socket timeouts are OSErrors).
MAIL_ERRORS = (smtplib.SMTPException, OSError)


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_to_user(user, template_name, context=None):
    """Render ``members/emails/<template_name>_subject.txt`` and ``_message.txt`` in the user's language."""
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"user": user, "dashboard_url": absolute_url(reverse("members:dashboard")), **(context or {})}
        subject = render_to_string(f"members/emails/{template_name}_subject.txt", context)
        body = render_to_string(f"members/emails/{template_name}_message.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except MAIL_ERRORS:
        logger.warning("Email %s to %s could not be sent", template_name, user.email, exc_info=True)
        return False
    return True


def members_staff():
    """Active people who manage member organisations (superusers included)."""
    user_model = get_user_model()
    codename = "change_memberorganisation"
    return (
        user_model.objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True) | Q(user_permissions__codename=codename) | Q(groups__permissions__codename=codename)
        )
        .distinct()
    )
