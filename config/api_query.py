"""What the API accepts in a query string, checked before Wagtail's views run.

Wagtail's listings silently ignore a filter on a field that does not exist (its field
filter skips unknown names), django-ninja ignores any parameter an operation does not declare
(our resources listing), and Wagtail's listings pass any integer to the database, where one past 64 bits
fails the query. ``query_problem`` refuses both with a JSON 400 that names the parameters.
The names a listing accepts are the query parameters its operation declares (read from that
operation alone, as the OpenAPI description lists them: building the whole description costs a
worker over a megabyte for these few names) and the model's filterable ``api_fields``, as
Wagtail reads them.
"""

import re
from functools import cache

from ninja.openapi.schema import REF_TEMPLATE, flatten_properties
from ninja.schema import NinjaGenerateJsonSchema

from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.routers.pages import router as pages_router
from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
from wagtail.api.validators import APIFieldValidator
from wagtail.contrib.redirects.api.v3.router import BASE_REDIRECT_READ_FIELDS
from wagtail.contrib.redirects.api.v3.router import router as redirects_router
from wagtail.contrib.redirects.models import Redirect
from wagtail.coreutils import resolve_model_string
from wagtail.documents import get_document_model
from wagtail.documents.api.v3.router import router as documents_router
from wagtail.images import get_image_model
from wagtail.images.api.v3.router import router as images_router
from wagtail.models import Page
from wagtail.snippets.api.v3.router import router as snippets_router
from wagtail.snippets.models import get_snippet_models

from resources.api import router as resources_router

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


# Listings whose field filter reads any query parameter: (their path under the API, as a pattern;
# Wagtail's router and the listing's path in it; the model; its base fields, as the routers name them).
FIELD_FILTERED_LISTINGS = [
    (
        re.compile(r"pages/"),
        (pages_router, "/"),
        lambda path, query: page_model(query),
        lambda model: BASE_PAGE_READ_FIELDS,
    ),
    (
        re.compile(r"documents/"),
        (documents_router, "/"),
        lambda path, query: get_document_model(),
        lambda model: ["id", "title"],
    ),
    (
        re.compile(r"images/"),
        (images_router, "/"),
        lambda path, query: get_image_model(),
        lambda model: ["id", "title", "width", "height"],
    ),
    (
        re.compile(r"redirects/"),
        (redirects_router, "/"),
        lambda path, query: Redirect,
        lambda model: BASE_REDIRECT_READ_FIELDS,
    ),
    (
        re.compile(r"snippets/(?P<type>[^/]+)/"),
        (snippets_router, "/{type}/"),
        lambda path, query: snippet_model(path["type"]),
        lambda model: [model._meta.pk.name],
    ),
]


# Listings that read only the parameters they declare (ours): any other name would be ignored.
DECLARED_ONLY_LISTINGS = [(re.compile(r"resources/"), (resources_router, "/"))]

# Read by Wagtail's serializers for every item of a listing, though listings do not declare it.
SERIALIZER_PARAMETERS = {"rich_text_format"}


@cache
def declared_parameters(router, path):
    """The query parameter names of the router's GET operation at ``path``, as its OpenAPI description names
    them (nested filter schemas flattened by django-ninja), from that operation's own parameter models."""
    names = set()
    for operation in router.path_operations[path].operations:
        if "GET" not in operation.methods:
            continue
        for model in operation.models:
            if model.__ninja_param_source__ != "query":
                continue
            schema = model.model_json_schema(ref_template=REF_TEMPLATE, schema_generator=NinjaGenerateJsonSchema)
            required = set(schema.get("required", []))
            for name, details in schema["properties"].items():
                flattened = flatten_properties(name, details, name in required, schema.get("$defs", {}))
                names |= {param for param, about, _required in flattened if about.get("include_in_schema", True)}
    return frozenset(names)


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
    declared = next((operation for pattern, operation in DECLARED_ONLY_LISTINGS if pattern.fullmatch(path)), None)
    if declared is not None:
        return sorted(set(request.GET) - declared_parameters(*declared))
    found = next(
        ((listing, match) for listing in FIELD_FILTERED_LISTINGS if (match := listing[0].fullmatch(path))), None
    )
    if found is None:
        return []
    (_pattern, operation, get_model, get_base_fields), match = found
    model = get_model(match, request.GET)
    if model is None:
        return []
    known = SERIALIZER_PARAMETERS | declared_parameters(*operation)
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
