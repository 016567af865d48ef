"""Which pages a public listing shows: one rule for menus, listings and language links."""

from django.db.models import Q

from wagtail.models import Page


def unlisted_pages_q():
    """The pages a public listing leaves out, as a Q to exclude: those under a view
    restriction (Wagtail's own rule, ``PageQuerySet.private_q``: one query), and
    synchronised aliases (wagtail-localize's placeholders, which carry the source
    language's text until someone translates them)."""
    return Page.objects.all().private_q() | Q(alias_of__isnull=False)


def publicly_listed(pages):
    """``pages`` (a page queryset) narrowed to the live pages a public listing may show."""
    return pages.live().exclude(unlisted_pages_q())
