"""What the API accepts in a query string, checked before Wagtail's views run.

Wagtail's listings silently ignore a filter on a field that does not exist (its field
filter skips unknown names), django-ninja ignores any parameter an operation does not declare
(our resources listing), and Wagtail's listings pass any integer to the database, where one past 64 bits
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
from wagtail.contrib.redirects.api.v3.router import BASE_REDIRECT_READ_FIELDS
from wagtail.contrib.redirects.models import Redirect
from wagtail.coreutils import resolve_model_string
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

# The largest value a database integer (PostgreSQL's bigint, SQLite's INTEGER) holds.
LARGEST_INTEGER = 2**63 - 1
_INTEGER = re.compile(r"\s*[+-]?\d+\s*")
# Free text, where a long number is words to look for, not a number.
TEXT_PARAMETERS = {"search", "html_path", "object_str"}


def page_model(query):
    """The model Wagtail's page listing filters: the one ``type`` names, else ``Page``."""
    types = query.getlist("type")
    if len(types) == 1:
        try:
            return resolve_model_string(types[0])
        except (LookupError, ValueError):
            return None  # Wagtail answers the unknown type itself.
    return Page


def snippet_model(type_name):
    """The snippet model a snippet listing's ``{type}`` names, or None (Wagtail answers that itself)."""
    try:
        model = resolve_model_string(type_name)
    except (LookupError, ValueError):
        return None
    return model if model in get_snippet_models() else None


# Listings whose field filter reads any query parameter: (their path under the API, as a pattern
# and as the OpenAPI description writes it; the model; its base fields, as Wagtail's routers name them).
FIELD_FILTERED_LISTINGS = [
    (re.compile(r"pages/"), "pages/", lambda path, query: page_model(query), lambda model: BASE_PAGE_READ_FIELDS),
    (re.compile(r"documents/"), "documents/", lambda path, query: get_document_model(), lambda model: ["id", "title"]),
    (
        re.compile(r"images/"),
        "images/",
        lambda path, query: get_image_model(),
        lambda model: ["id", "title", "width", "height"],
    ),
    (re.compile(r"redirects/"), "redirects/", lambda path, query: Redirect, lambda model: BASE_REDIRECT_READ_FIELDS),
    (
        re.compile(r"snippets/(?P<type>[^/]+)/"),
        "snippets/{type}/",
        lambda path, query: snippet_model(path["type"]),
        lambda model: [model._meta.pk.name],
    ),
]


# Listings that read only the parameters they declare (ours): any other name would be ignored.
DECLARED_ONLY_LISTINGS = [(re.compile(r"resources/"), "resources/")]

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
    if not request.path_info.startswith(api_prefix):
        return []
    path = request.path_info.removeprefix(api_prefix)
    declared = next((described for pattern, described in DECLARED_ONLY_LISTINGS if pattern.fullmatch(path)), None)
    if declared is not None:
        return sorted(set(request.GET) - declared_parameters(api_prefix).get(api_prefix + declared, set()))
    found = next(
        ((listing, match) for listing in FIELD_FILTERED_LISTINGS if (match := listing[0].fullmatch(path))), None
    )
    if found is None:
        return []
    (_pattern, described_as, get_model, get_base_fields), match = found
    model = get_model(match, request.GET)
    if model is None:
        return []
    known = SERIALIZER_PARAMETERS | declared_parameters(api_prefix).get(api_prefix + described_as, set())
    known |= APIFieldValidator(
        model=model, fields=[], base_fields=get_base_fields(model), db_fields_only=True
    ).allowed_fields
    return sorted(set(request.GET) - known)


def query_problem(request, api_prefix):
    """A JSON 400 for a query string the API cannot answer, or None."""
    huge = sorted(
        {
            name
            for name, values in request.GET.lists()
            if name not in TEXT_PARAMETERS and any(too_large(value) for value in values)
        }
    )
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
