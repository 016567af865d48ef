"""What a page declares in its <head> for other programs: its addresses (canonical and
hreflang, one rule for base.html and the sitemap) and its social card (Open Graph, Twitter).

Addresses start from language links as ``home.templatetags.navigation_tags.language_links`` gives
them (``code``, ``url``, ``is_current``, ``is_fallback``) and turn relative addresses into
the public address (``core.public_address``).
"""

from dataclasses import dataclass

from django.conf import settings

from core.public_address import public_url


def hreflang_alternates(links, request=None):
    """``(hreflang, absolute URL)`` for each language that has this page itself (a fallback to
    an ancestor is not an alternate), then ``x-default``: the default language's version."""
    alternates = [
        (link["code"], public_url(link["url"], request)) for link in links if link["url"] and not link["is_fallback"]
    ]
    default = next((url for code, url in alternates if code == settings.LANGUAGE_CODE), None)
    if default:
        alternates.append(("x-default", default))
    return alternates


def canonical_url(links, request=None):
    """The absolute address of this page in the active language, or None when the language
    link points elsewhere (a fallback)."""
    current = next((link for link in links if link["is_current"]), None)
    if current is None or not current["url"] or current["is_fallback"]:
        return None
    return public_url(current["url"], request)


#: ``og:locale`` of each language (Open Graph wants language_TERRITORY).
OPEN_GRAPH_LOCALES = {"fr": "fr_CA", "en": "en_CA"}
#: The size social networks and chat apps show best (1.91:1).
SOCIAL_IMAGE_FILTER = "fill-1200x630"


@dataclass
class SocialCard:
    """What a link preview shows of something that is not a page (a resource, the library).
    Pages and resources answer the same: ``title``, ``meta_description``, ``social_image()``."""

    title: str
    meta_description: str = ""
    image: object = None

    def social_image(self):
        return self.image
