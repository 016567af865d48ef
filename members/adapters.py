import logging
import time
from types import SimpleNamespace
from urllib.parse import quote, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.core import context, ratelimit

from django.conf import settings
from django.contrib import messages
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.public_address import public_base_url, public_url
from core.redirects import is_local_path
from home.models import SiteFooter

from .emails import MAIL_ERRORS, with_html_part
from .models import User

logger = logging.getLogger(__name__)

# Set when a verification email could not be sent; the "check your inbox" page says what to do instead.
EMAIL_NOT_SENT_SESSION_KEY = "members_verification_email_not_sent"

# When the person signed in (members.signals): a password just typed is not asked again at once.
SIGNED_IN_AT_SESSION_KEY = "members_signed_in_at"

# Links allauth builds from the request's host for these emails (no adapter hook): by URL name.
ALLAUTH_EMAIL_LINKS = {
    "account/email/account_already_exists": {
        "signup_url": "account_signup",
        "password_reset_url": "account_reset_password",
    },
    "account/email/unknown_account": {"signup_url": "account_signup"},
}


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
                super().send_mail(template_prefix, email, {**context, **self._public_context(template_prefix)})
        except MAIL_ERRORS:
            # The account, address or reset request is already saved: say so, don't fail the request.
            logger.warning("Email %s to %s could not be sent", template_prefix, email, exc_info=True)
            self._email_not_sent(email)

    def _public_context(self, template_prefix):
        """The coalition's name and public address, where allauth would put the request's host."""
        request = context.request
        site_name = SiteFooter.coalition_name()
        links = {
            key: public_url(reverse(url_name), request)
            for key, url_name in ALLAUTH_EMAIL_LINKS.get(template_prefix, {}).items()
        }
        return {
            "current_site": SimpleNamespace(name=site_name, domain=urlsplit(public_base_url(request)).netloc),
            "site_name": site_name,
            "site_url": public_base_url(request) + "/",
            **links,
        }

    def render_mail(self, template_prefix, email, context, headers=None):
        return with_html_part(super().render_mail(template_prefix, email, context, headers=headers))

    def get_email_confirmation_url(self, request, emailconfirmation):
        return public_url(reverse("account_confirm_email", args=[emailconfirmation.key]), request)

    def get_reset_password_from_key_url(self, key):
        # allauth's own URL pattern takes the key as "<uidb36>-<key>".
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return public_url(path.replace("UID-KEY", quote(key)), context.request)

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

    def is_reauthentication_required(self, *, app, **kwargs):
        """Sensitive actions ask for the password again, except within ACCOUNT_REAUTHENTICATION_TIMEOUT
        of signing in (allauth counts only an explicit re-authentication): setting up a second factor
        right after the first sign-in does not ask for the password just typed."""
        request = context.request
        signed_in_at = request.session.get(SIGNED_IN_AT_SESSION_KEY) if request is not None else None
        if signed_in_at and time.time() - signed_in_at < settings.ACCOUNT_REAUTHENTICATION_TIMEOUT:
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def is_safe_url(self, url):
        # A path on this host only: ALLOWED_HOSTS may list other names served by the same app.
        return is_local_path(context.request, url)
