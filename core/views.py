"""Error views: the 503 page that must work while the database is down, and the 429 page."""

import sys

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error

from .middleware import database_unavailable_response, is_database_outage


def server_error(request, template_name="500.html"):
    """``handler500``: the 503 page when the error is the database being away, else the 500 page.

    Reached for errors raised outside a view (in a middleware, for example), which
    ``DatabaseUnavailableMiddleware.process_exception`` does not see.
    """
    _type, error, _traceback = sys.exc_info()
    if is_database_outage(error):
        return database_unavailable_response(request)
    return django_server_error(request, template_name=template_name)


@never_cache
def too_many_requests(request):
    """``handler429``: allauth answers with it when a rate limit (ACCOUNT_RATE_LIMITS) is reached."""
    return render(request, "429.html", status=429)
