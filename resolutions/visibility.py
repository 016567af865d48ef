"""Whether a resolution is public: the one rule, and the view restriction that enforces it.

A resolution is public once adopted (as drafted or as amended). Until then each of its pages
carries a view restriction to approved members (``members.privacy``'s meaning of « private »),
so that no URL, API answer, sitemap or listing shows it to anyone else; the search index only
ever holds public resolutions (``ResolutionPage.get_indexed_objects``), so even a member's
search never lists a draft.
"""

from django.db.models import Q

from wagtail.models import BaseViewRestriction, PageViewRestriction
from wagtail.search import index

from members.access import members_group

from .choices import Outcome

PUBLIC_OUTCOMES = (Outcome.ADOPTED, Outcome.ADOPTED_AS_AMENDED)


def is_public(record):
    return record.outcome in PUBLIC_OUTCOMES


def public_pages_q():
    """A Q over ResolutionPage: the pages of public resolutions."""
    return Q(record__outcome__in=PUBLIC_OUTCOMES)


def enforce(page):
    """Put ``page``'s view restriction (and search index entry) in line with its resolution."""
    restrictions = PageViewRestriction.objects.filter(page=page)
    if is_public(page.record):
        restrictions.delete()
        if page.live:
            index.insert_or_update_object(page)
        return
    index.remove_object(page)
    if restrictions.exists():
        return
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=BaseViewRestriction.GROUPS)
    restriction.groups.add(members_group())


def enforce_record(record):
    """``enforce`` on every language's page of ``record``."""
    for page in record.pages.select_related("record"):
        enforce(page)
