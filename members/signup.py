"""allauth's sign-up form, saved in one transaction (``ACCOUNT_FORMS["signup"]``).

The extra fields and the profile come from ``members.forms.SignupForm``
(``ACCOUNT_SIGNUP_FORM_CLASS``), which allauth's form inherits; this module subclasses
allauth's form itself, so it lives apart from ``members.forms`` (which allauth imports
while it builds its own form).
"""

from allauth.account.forms import SignupForm

from django.db import IntegrityError, transaction


class AtomicSignupForm(SignupForm):
    """The user, their address and their profile are saved together or not at all.

    A double click, two tabs or two concurrent requests with one address: the email's
    unique key stops the second, which then gets allauth's answer for an address already
    registered (the "check your inbox" page, and an email to the owner), never a 500.
    """

    def try_save(self, request):
        try:
            with transaction.atomic():
                return super().try_save(request)
        except IntegrityError:
            self.account_already_exists = True
            return super().try_save(request)
