"""Registration emails, in the person's language, as ``members.emails`` writes every email of the site:
links from the public address, the HTML part from the one layout. A seat's emails carry the event's ``.ics``.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from home.models import SiteFooter
from members.emails import MAIL_ERRORS, absolute_url, with_html_part

from . import ical
from .tokens import cancel_token

logger = logging.getLogger(__name__)

#: The emails that give the person a seat, and so the event for their calendar.
WITH_CALENDAR = {"registered", "moved_up", "reminder"}


def event_in_language(event, language):
    """The event's page in ``language`` when it is translated and live, else the event itself."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == event.locale_id:
        return event
    translated = event.get_translation_or_none(locale)
    return translated.specific if translated is not None and translated.live else event


def send_registration_email(registration, template_name):
    """Render ``meetings/emails/<template_name>_subject.txt`` and ``_message.txt`` for the registered person."""
    user = registration.user
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        event = event_in_language(registration.event.specific, language)
        context = {
            "user": user,
            "registration": registration,
            "event": event,
            "site_name": SiteFooter.coalition_name(),
            "event_url": absolute_url(event.get_url()) if event.get_url() else "",
            "cancel_url": absolute_url(reverse("meetings:cancel_link", args=[cancel_token(registration)])),
            "dashboard_url": absolute_url(reverse("members:dashboard")),
        }
        subject = render_to_string(f"meetings/emails/{template_name}_subject.txt", context)
        body = render_to_string(f"meetings/emails/{template_name}_message.txt", context)
        message = EmailMultiAlternatives(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [user.email])
        with_html_part(message)
        if template_name in WITH_CALENDAR:
            message.attach(f"{event.slug}.ics", ical.calendar_bytes(event.title, [event]), "text/calendar")
    try:
        message.send()
    except MAIL_ERRORS:
        logger.warning("Email %s to %s could not be sent", template_name, user.email, exc_info=True)
        return False
    return True
