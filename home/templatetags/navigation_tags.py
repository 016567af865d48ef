"""Header, footer and language links: computed in a few queries, then kept in the cache.

The main menu and the home link are kept per site and language, the language links
per page and language, under the cache version (``core/caching``): any publish,
unpublish, move or deletion, or a snippet change, refreshes them everywhere.
"""

from django import template
from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page, Site

from core.caching import fragments, locales, version
from core.public_address import public_url
from home.head import OPEN_GRAPH_LOCALES, SOCIAL_IMAGE_FILTER, canonical_url, hreflang_alternates
from home.models import SiteFooter
from home.visibility import publicly_listed

register = template.Library()


def _site(request):
    return Site.find_for_request(request) if request else None


def _menu(request, site):
    """The home page's URL and its menu children as (title, URL, tree path), for one site and language.

    Two queries (the view restrictions, then the pages): the home page's live translation
    in the active language (the site's own home page when there is none) and the live
    menu pages one level below either.
    """
    root = site.root_page
    locale = locales.active_locale()
    pages = list(
        publicly_listed(
            Page.objects.filter(
                Q(translation_key=root.translation_key, locale=locale, depth=root.depth)
                | Q(depth=root.depth + 1, show_in_menus=True)
            )
        )
        .defer_streamfields()
        .only("id", "title", "url_path", "path", "depth", "locale_id", "translation_key")
        .order_by("path")
    )
    home = next((page for page in pages if page.depth == root.depth), root)
    items = [page for page in pages if page.depth == home.depth + 1 and page.path.startswith(home.path)]
    return {
        "home_url": home.get_url(request),
        "items": [(item.title, item.get_url(request), item.path) for item in items],
    }


def _cached_menu(request):
    site = _site(request)
    if site is None:
        return {"home_url": "/", "items": []}
    return fragments.cached("menu", (site.pk, get_language()), lambda: _menu(request, site))


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) and current.path else ""
    entries = []
    for title, url, path in _cached_menu(request)["items"]:
        if current_path == path:
            state = "page"
        elif current_path.startswith(path):
            state = "true"
        else:
            state = ""
        entries.append({"title": title, "url": url, "current": state})
    return {"entries": entries}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer of the active language (its rendering is cached by the template: base.html)."""
    return SiteFooter.for_active_language()


@register.simple_tag
def fragment_version():
    """The cache version, for ``{% wagtailcache %}`` keys: fragments refresh on every bump."""
    return version.current()


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    return _cached_menu(context.get("request"))["home_url"] or "/"


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: where the switcher goes, and whether it is a translation.

    For a page, the link goes to its live translation; when there is none, to the
    nearest ancestor that has one, and ``is_fallback`` says so. Outside pages
    (accounts, search...), Django's URL translation keeps the same view.
    """
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, Page) and page.pk and not getattr(request, "is_preview", False):
        site = _site(request)
        return fragments.cached(
            "language-links",
            (page.pk, get_language(), site.pk if site else None),
            lambda: _language_links(request, page),
        )
    return _language_links(request, page, context.get("language_alternates"))


def _language_links(request, page, alternates=None):
    current = get_language()
    # Each language is named in itself: a French reader looks for « Français ».
    names = {code: str(get_language_info(code)["name_local"]) for code, _ in settings.LANGUAGES}
    links = []
    if isinstance(page, Page) and page.pk:
        # The page and its ancestors below the tree root, by path: no query to find them.
        steplen = Page.steplen
        ancestors = Page.objects.filter(
            path__in=[page.path[:end] for end in range(2 * steplen, len(page.path) + 1, steplen)]
        )
        # A synchronised alias shows the source language's text: it is not a translation.
        candidates = (
            publicly_listed(Page.objects.filter(translation_key__in=ancestors.values("translation_key")))
            .annotate(
                ancestor_depth=Subquery(
                    ancestors.filter(translation_key=OuterRef("translation_key")).values("depth")[:1]
                )
            )
            .select_related("locale")
            .only("id", "url_path", "translation_key", "locale__language_code", "depth", "path")
        )
        best = {}
        for candidate in candidates:
            code = candidate.locale.language_code
            depth = candidate.ancestor_depth
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
    alternates = alternates or {}
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


@register.simple_tag(takes_context=True)
def head_links(context, languages):
    """The page's canonical address and its hreflang alternates, absolute (see home.head)."""
    request = context.get("request")
    return {"canonical": canonical_url(languages, request), "alternates": hreflang_alternates(languages, request)}


def coalition_name():
    """The coalition's name in the active language (the footer's), kept like the footer."""
    return fragments.cached("coalition-name", (get_language(),), SiteFooter.coalition_name)


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(context, languages, canonical):
    """Open Graph and Twitter card tags for the page, or for ``social_subject`` (a resource,
    the library): anything with ``title``, ``meta_description`` and ``social_image()``.
    Nothing for views that have neither (accounts, search, the members dashboard, errors)."""
    subject = context.get("social_subject") or context.get("page")
    if subject is None or not getattr(subject, "title", ""):
        return {}
    request = context.get("request")
    current = get_language()
    image = subject.social_image() if hasattr(subject, "social_image") else None
    picture = None
    if image is not None:
        rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
        picture = {
            "url": public_url(rendition.url, request),
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text,
        }
    return {
        "title": getattr(subject, "seo_title", "") or subject.title,
        "description": getattr(subject, "meta_description", "") or getattr(subject, "search_description", ""),
        "url": canonical or public_url(request.path if request else "/", request),
        "site_name": coalition_name(),
        "locale": OPEN_GRAPH_LOCALES.get(current, current),
        "alternate_locales": [
            OPEN_GRAPH_LOCALES.get(link["code"], link["code"])
            for link in languages
            if link["code"] != current and link["url"] and not link["is_fallback"]
        ],
        "image": picture,
    }


@register.simple_tag
def active_locale():
    return locales.active_locale()
