from allauth.account.adapter import DefaultAccountAdapter

from django.conf import settings
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme


class AccountAdapter(DefaultAccountAdapter):
    """allauth, fitted to the coalition: emails in the person's language, redirects on this site only."""

    def _recipient_language(self, email):
        from allauth.account.models import EmailAddress

        from .models import User

        address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
        user = address.user if address else User.objects.filter(email__iexact=email).first()
        if user is not None and user.preferred_language:
            return user.preferred_language
        # Someone we don't know (enumeration-safe "no account" emails): the language they browse in.
        return translation.get_language() or settings.LANGUAGE_CODE

    def send_mail(self, template_prefix, email, context):
        with translation.override(self._recipient_language(email)):
            super().send_mail(template_prefix, email, context)

    def is_safe_url(self, url):
        # Only this host: ALLOWED_HOSTS may list other names served by the same app.
        from allauth.core import context

        request = context.request
        return url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
