"""Header, footer and language links, computed once per request in a few queries."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Locale, Page, Site

from home.models import SiteFooter

register = template.Library()


def _localized_home(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return site.root_page.localized


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    home = _localized_home(request)
    items = []
    if home is not None:
        items = list(
            home.get_children()
            .live()
            .public()
            .in_menu()
            .filter(alias_of__isnull=True)
            .defer_streamfields()
            .only("id", "title", "url_path", "path", "depth", "locale_id")
        )
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    entries = []
    for item in items:
        if current_path == item.path:
            state = "page"
        elif current_path.startswith(item.path):
            state = "true"
        else:
            state = ""
        entries.append({"title": item.title, "url": item.get_url(request), "current": state})
    return {"entries": entries}


@register.simple_tag(takes_context=True)
def site_footer(context):
    return SiteFooter.for_active_language()


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    home = _localized_home(context.get("request"))
    return home.url if home else "/"


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: where the switcher goes, and whether it is a translation.

    For a page, the link goes to its live translation; when there is none, to the
    nearest ancestor that has one, and ``is_fallback`` says so. Outside pages
    (accounts, search...), Django's URL translation keeps the same view.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    # Each language is named in itself: a French reader looks for « Français ».
    names = {code: get_language_info(code)["name_local"] for code, _ in settings.LANGUAGES}
    links = []
    if isinstance(page, Page) and page.pk:
        ancestors = list(page.get_ancestors(inclusive=True).filter(depth__gt=1).only("translation_key", "depth"))
        depth_of_key = {ancestor.translation_key: ancestor.depth for ancestor in ancestors}
        # A synchronised alias shows the source language's text: it is not a translation.
        candidates = (
            Page.objects.live()
            .public()
            .filter(translation_key__in=depth_of_key, alias_of__isnull=True)
            .select_related("locale")
            .only("id", "url_path", "translation_key", "locale__language_code", "depth", "path")
        )
        best = {}
        for candidate in candidates:
            code = candidate.locale.language_code
            depth = depth_of_key[candidate.translation_key]
            if code not in best or depth > best[code][0]:
                best[code] = (depth, candidate)
        for code, _ in settings.LANGUAGES:
            found = best.get(code)
            url = found[1].get_url(request) if found else None
            links.append(
                {
                    "code": code,
                    "name": names[code],
                    "url": url,
                    "is_current": code == current,
                    "is_fallback": bool(found) and found[0] != page.depth,
                }
            )
        return links
    # A view whose objects have their own address per language (a resource's slug is translated)
    # gives ``language_alternates``: {code: (url, is_fallback)}. Otherwise Django's URL translation
    # keeps the same view and arguments.
    alternates = context.get("language_alternates") or {}
    path = request.get_full_path() if request else "/"
    for code, _ in settings.LANGUAGES:
        url, is_fallback = alternates.get(code, (translate_url(path, code), False))
        links.append(
            {
                "code": code,
                "name": names[code],
                "url": url,
                "is_current": code == current,
                "is_fallback": is_fallback,
            }
        )
    return links


@register.simple_tag
def active_locale():
    return Locale.get_active()
