"""What the API accepts in a query string, checked before Wagtail's views run.

Wagtail's listings silently ignore a filter on a field that does not exist (its field
filter skips unknown names), and pass any integer to the database, where one past 64 bits
fails the query. ``query_problem`` refuses both with a JSON 400 that names the parameters.
The names a listing accepts come from the API's own OpenAPI description (its declared
query parameters) and from the model's filterable ``api_fields``, as Wagtail reads them.
"""

import re
from functools import cache

from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
from wagtail.api.v3.urls import api
from wagtail.api.validators import APIFieldValidator
from wagtail.coreutils import resolve_model_string
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

# The largest value a database integer (PostgreSQL's bigint, SQLite's INTEGER) holds.
LARGEST_INTEGER = 2**63 - 1
_INTEGER = re.compile(r"\s*[+-]?\d+\s*")


def page_model(query):
    """The model Wagtail's page listing filters: the one ``type`` names, else ``Page``."""
    types = query.getlist("type")
    if len(types) == 1:
        try:
            return resolve_model_string(types[0])
        except (LookupError, ValueError):
            return None  # Wagtail answers the unknown type itself.
    return Page


# Listings whose field filter reads any query parameter: path under the API → (the model, its
# base fields, as Wagtail's routers name them).
FIELD_FILTERED_LISTINGS = {
    "pages/": (page_model, BASE_PAGE_READ_FIELDS),
    "documents/": (lambda query: get_document_model(), ["id", "title"]),
    "images/": (lambda query: get_image_model(), ["id", "title", "width", "height"]),
}


# Read by Wagtail's serializers for every item of a listing, though listings do not declare it.
SERIALIZER_PARAMETERS = {"rich_text_format"}


@cache
def declared_parameters(api_prefix):
    """The query parameter names of each GET operation, by path, from the API's OpenAPI description."""
    schema = api.get_openapi_schema(path_prefix=api_prefix)
    return {
        path: {param["name"] for param in operations["get"].get("parameters", []) if param["in"] == "query"}
        for path, operations in schema["paths"].items()
        if "get" in operations
    }


def too_large(value):
    if not _INTEGER.fullmatch(value):
        return False
    digits = value.strip().lstrip("+-").lstrip("0") or "0"
    return len(digits) > 19 or int(digits) > LARGEST_INTEGER


def unknown_filters(request, api_prefix):
    """Query parameter names the listing at ``request.path_info`` would ignore, or ``[]``."""
    listing = FIELD_FILTERED_LISTINGS.get(request.path_info.removeprefix(api_prefix))
    if listing is None or not request.path_info.startswith(api_prefix):
        return []
    get_model, base_fields = listing
    model = get_model(request.GET)
    if model is None:
        return []
    known = SERIALIZER_PARAMETERS | declared_parameters(api_prefix).get(request.path_info, set())
    known |= APIFieldValidator(model=model, fields=[], base_fields=base_fields, db_fields_only=True).allowed_fields
    return sorted(set(request.GET) - known)


def query_problem(request, api_prefix):
    """A JSON 400 for a query string the API cannot answer, or None."""
    huge = sorted({name for name, values in request.GET.lists() if any(too_large(value) for value in values)})
    if huge:
        return problem_response(
            status=400,
            detail=f"Numbers above {LARGEST_INTEGER} are not accepted: {', '.join(huge)}.",
            errors=[{"loc": ["query", name], "msg": "number too large"} for name in huge],
        )
    unknown = unknown_filters(request, api_prefix)
    if unknown:
        return problem_response(
            status=400,
            detail=f"Unknown query parameters (not a filter of this listing): {', '.join(unknown)}.",
            errors=[{"loc": ["query", name], "msg": "unknown parameter"} for name in unknown],
        )
    return None
