import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.core import context, ratelimit
from allauth.core.exceptions import ImmediateHttpResponse

from django.conf import settings
from django.contrib import messages
from django.utils import translation
from django.utils.translation import gettext

from core.redirects import is_local_path

from .emails import MAIL_ERRORS
from .models import User

logger = logging.getLogger(__name__)

# Set when a verification email could not be sent; the "check your inbox" page says what to do instead.
EMAIL_NOT_SENT_SESSION_KEY = "members_verification_email_not_sent"


class AccountAdapter(DefaultAccountAdapter):
    """allauth, fitted to the coalition: emails in the person's language, redirects on this site only,
    and a mail server that is down loses no account (the email can be asked for again)."""

    def _recipient_language(self, email):
        address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
        user = address.user if address else User.objects.filter(email__iexact=email).first()
        if user is not None and user.preferred_language:
            return user.preferred_language
        # Someone we don't know (enumeration-safe "no account" emails): the language they browse in.
        return translation.get_language() or settings.LANGUAGE_CODE

    def send_mail(self, template_prefix, email, context):
        try:
            with translation.override(self._recipient_language(email)):
                super().send_mail(template_prefix, email, context)
        except MAIL_ERRORS:
            # The account, address or reset request is already saved: say so, don't fail the request.
            logger.warning("Email %s to %s could not be sent", template_prefix, email, exc_info=True)
            self._email_not_sent(email)

    def _email_not_sent(self, email):
        request = context.request
        if request is None:
            return
        request.members_emails_not_sent = [*getattr(request, "members_emails_not_sent", []), email]
        # A verification email that never left does not count against asking for it again.
        ratelimit.clear(request, action="confirm_email", key=email.lower())
        messages.warning(
            request,
            gettext(
                "We could not send the email to %(email)s: our mail service is not answering. "
                "Nothing you entered has been lost. Please try again in a few minutes."
            )
            % {"email": email},
        )

    def add_message(self, request, level, message_template=None, message_context=None, extra_tags="", message=None):
        # No "confirmation email sent to …" when it was not.
        if message_template == "account/messages/email_confirmation_sent.txt" and (
            (message_context or {}).get("email") in getattr(request, "members_emails_not_sent", [])
        ):
            return
        super().add_message(request, level, message_template, message_context, extra_tags, message)

    def respond_email_verification_sent(self, request, user):
        if getattr(request, "members_emails_not_sent", None):
            request.session[EMAIL_NOT_SENT_SESSION_KEY] = True
        return super().respond_email_verification_sent(request, user)

    def should_send_confirmation_mail(self, request, email_address, signup):
        """Signing in again with an unverified address sends the link again; too soon answers 429.

        allauth would skip the email silently (the link already sent stays valid); the 429
        page tells the person so instead of a "we have sent you an email" that is not true.
        """
        if not signup and not ratelimit.consume(
            request, action="confirm_email", key=email_address.email.lower(), dry_run=True
        ):
            raise ImmediateHttpResponse(ratelimit.respond_429(request))
        return super().should_send_confirmation_mail(request, email_address, signup)

    def is_safe_url(self, url):
        # A path on this host only: ALLOWED_HOSTS may list other names served by the same app.
        return is_local_path(context.request, url)
