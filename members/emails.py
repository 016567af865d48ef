"""Emails to people, each written in the recipient's preferred language, with a text and an HTML part.

Every link in them is built by ``core.public_address`` from the site's public address.
A mail server that is down or refuses us never undoes what the email reports: the
failure is logged and the caller is told (``send_to_user`` returns False).
"""

import logging
import smtplib

from allauth.core import context as allauth_context

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.public_address import public_base_url, public_url
from home.models import SiteFooter

logger = logging.getLogger(__name__)

# What sending raises when the mail server is down, refuses us or times out
# (ConnectionRefusedError and socket timeouts are OSErrors).
MAIL_ERRORS = (smtplib.SMTPException, OSError)


def absolute_url(path):
    # allauth's middleware keeps the current request: its address when SITE_URL is not set (development).
    return public_url(path, allauth_context.request)


def with_html_part(message):
    """Give ``message`` an HTML part written from its text one (links made clickable), unless it has one.

    One layout for every email the site sends, its own and allauth's; rendered in the active language.
    """
    if not any(alternative[1] == "text/html" for alternative in message.alternatives):
        context = {
            "subject": message.subject,
            "body": message.body.strip(),
            "site_name": SiteFooter.coalition_name(),
            "site_url": public_base_url(allauth_context.request) + "/",
        }
        message.attach_alternative(render_to_string("emails/message.html", context), "text/html")
    return message


def send_to_user(user, template_name, context=None):
    """Render ``members/emails/<template_name>_subject.txt`` and ``_message.txt`` in the user's language."""
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "user": user,
            "site_name": SiteFooter.coalition_name(),
            "dashboard_url": absolute_url(reverse("members:dashboard")),
            **(context or {}),
        }
        subject = render_to_string(f"members/emails/{template_name}_subject.txt", context)
        body = render_to_string(f"members/emails/{template_name}_message.txt", context)
        message = with_html_part(
            EmailMultiAlternatives(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [user.email])
        )
    try:
        message.send()
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
