"""What public listings of pages share: orderings, the columns a card reads, what is left out."""

import datetime
from collections import defaultdict

from django.db.models import F
from django.utils.functional import cached_property

from home.visibility import unlisted_pages_q


def project_sort_key(project):
    """The order of a group's projects: ongoing first, then the most recent start, undated
    last; for a list read in the tree's order, which the editors' order breaks ties with."""
    return (not project.is_ongoing, project.start_date is None, -(project.start_date or datetime.date.min).toordinal())


def recent_first_ordering():
    """``project_sort_key`` in SQL for projects of one status: the most recent start first."""
    return [F("start_date").desc(nulls_last=True), "path"]


#: What a link to a page needs, and a listing's card (title, link, introduction): the rest
#: of a page's columns cost more to select than to read (Django builds the SQL of each),
#: and long listings hold them all in memory.
LINK_FIELDS = ("id", "title", "url_path", "path", "depth", "locale_id")
CARD_FIELDS = LINK_FIELDS + ("introduction",)
PROJECT_CARD_FIELDS = CARD_FIELDS + ("status", "start_date", "end_date")
ACHIEVEMENT_CARD_FIELDS = CARD_FIELDS + ("date", "kind")


def achievement_ordering():
    """Newest first; undated achievements after the dated ones, in the editors' order."""
    return [F("date").desc(nulls_last=True), "path"]


class PublicListingsMixin:
    """Share one read of the view restrictions (``home.visibility``) among a page's listings."""

    @cached_property
    def unlisted_q(self):
        return unlisted_pages_q()


def attach_topic_links(pages, link_model):
    """Give each page of a listing its topic links, with their topics, in one query, as
    ``topic_link_list``. Not ``prefetch_related``: it points every link back at its page,
    a reference cycle that only Python's cyclic garbage collector frees, late, so a
    worker's memory grew with each long listing it served."""
    links = defaultdict(list)
    if pages:
        listed = link_model.objects.filter(page__in=[page.pk for page in pages]).select_related("topic")
        # The editors' order; links made outside the editor have none: then the order they were made in.
        for link in listed.order_by("sort_order", "pk"):
            links[link.page_id].append(link)
    for page in pages:
        page.topic_link_list = links[page.pk]
    return pages
