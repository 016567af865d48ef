"""What the members area and the account views share."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def error_response(request, status, message, *, title=None):
    """A page in the site's look that says what went wrong, with a 4xx status."""
    return TemplateResponse(
        request,
        "members/error.html",
        {"error_title": title or _("This action is not possible"), "error_message": message},
        status=status,
    )


class InvalidFormAnswers400Mixin:
    """A form sent back with errors answers 400, not 200: the request was refused."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response
