"""Resources in the headless API (``/api/v3/resources/``).

Only public resources are listed, whoever asks: the API is for other front ends
showing the coalition's public material, and a members-only file is never named
there. Each item carries its page and its download address.
"""

import datetime
from typing import Literal
from uuid import UUID

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from core.caching.locales import active_locale
from core.public_address import public_url

from .models import Resource
from .search import search_resources

router = Router(tags=["resources"])


class ResourceOut(Schema):
    id: int
    title: str
    slug: str
    description: str
    kind: str
    date: datetime.date | None = None
    locale: str = Field(..., description="Language of this version: fr or en.")
    translation_key: UUID = Field(..., description="Shared by a resource and its translations.")
    file_language: str = Field("", description="Language the file itself is written in.")
    html_url: str
    download_url: str


LanguageCode = Literal[tuple(code for code, _name in settings.LANGUAGES)]
KindValue = Literal[tuple(Resource.Kind.values)]


class ResourceFilters(Schema):
    locale: LanguageCode | None = Field(None, description="Only the versions in this language.")
    kind: KindValue | None = None
    search: str | None = Field(
        None,
        description=(
            "Words to find, most relevant first: the resources the library lists in the language of "
            "`locale` (French without it), searched as the site search does."
        ),
    )


def public_resources():
    return Resource.objects.downloadable_by(None).select_related("locale").order_by("-date", "title", "pk")


def serialise(request, resource):
    return {
        "id": resource.pk,
        "title": resource.title,
        "slug": resource.slug,
        "description": resource.description,
        "kind": resource.kind,
        "date": resource.date,
        "locale": resource.locale.language_code,
        "translation_key": resource.translation_key,
        "file_language": resource.file_language or "",
        "html_url": public_url(resource.get_url(), request),
        "download_url": public_url(resource.get_download_url(), request),
    }


@router.get(
    "/",
    response=list[ResourceOut],
    url_name="list_resources",
    summary="List public resources",
    operation_id="resources_list",
    auth=[AllowAnonymous()],
)
@paginate(WagtailLimitOffsetPagination)
def list_resources(request: HttpRequest, filters: ResourceFilters = Query(...)):  # noqa: B008 - ninja's idiom
    queryset = public_resources()
    if filters.locale:
        queryset = queryset.filter(locale__language_code=filters.locale)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.search is not None:
        # config.api has reduced the words and activated the language of ``locale``. No words
        # find nothing, as on the pages listing.
        words = filters.search.strip()
        matches, _count = (
            search_resources(queryset.for_locale(active_locale()), words, locale=active_locale()) if words else ([], 0)
        )
        queryset = [resource for resource, _score in matches]
    return [serialise(request, resource) for resource in queryset]


@router.get(
    "/{resource_id}/",
    response=ResourceOut,
    url_name="resource_detail",
    summary="One public resource",
    operation_id="resources_detail",
    auth=[AllowAnonymous()],
)
def resource_detail(request: HttpRequest, resource_id: int):
    return serialise(request, get_object_or_404(public_resources(), pk=resource_id))
