"""allauth's account views, fitted to the site: the status codes say what happened."""

from allauth.account import views as allauth_views
from allauth.core import ratelimit

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.shortcuts import redirect
from django.utils.translation import gettext

from ..adapters import EMAIL_NOT_SENT_SESSION_KEY
from .common import InvalidFormAnswers400Mixin


class SignupView(InvalidFormAnswers400Mixin, allauth_views.SignupView):
    """allauth's sign-up; a form with errors (e.g. an organisation id not in the list) answers 400."""


class LoginView(allauth_views.LoginView):
    """allauth's sign-in; too many failed attempts answer 429 (the form and its message stay)."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "too_many_login_attempts"):
            response.status_code = 429
        return response


class EmailView(allauth_views.EmailView):
    """allauth's email page; asking again for a verification email too soon sends nothing more.

    allauth itself skips the email silently (the link already sent stays valid); the person
    is told so, on the same page, instead of wondering where the email went.
    """

    def post(self, request, *args, **kwargs):
        if "action_send" in request.POST and request.POST.get("email"):
            email = request.POST["email"].lower()
            if not ratelimit.consume(request, action="confirm_email", key=email, dry_run=True):
                messages.info(
                    request,
                    gettext(
                        "A verification link was sent to %(email)s a few minutes ago and is still valid: "
                        "check your inbox and your spam folder."
                    )
                    % {"email": email},
                )
                return redirect("account_email")
        return super().post(request, *args, **kwargs)


class EmailVerificationSentView(allauth_views.EmailVerificationSentView):
    """allauth's "check your inbox" page; when the mail server refused the email, what to do instead."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["email_not_sent"] = self.request.session.pop(EMAIL_NOT_SENT_SESSION_KEY, None)
        return context
