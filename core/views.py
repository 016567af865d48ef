"""Error views that must work while the database is down."""

import sys

from django.views.defaults import server_error as django_server_error

from .middleware import DATABASE_ERRORS, database_unavailable_response


def server_error(request, template_name="500.html"):
    """``handler500``: the 503 page when the error is the database being away, else the 500 page.

    Reached for errors raised outside a view (in a middleware, for example), which
    ``DatabaseUnavailableMiddleware.process_exception`` does not see.
    """
    _type, error, _traceback = sys.exc_info()
    if isinstance(error, DATABASE_ERRORS):
        return database_unavailable_response(request)
    return django_server_error(request, template_name=template_name)
