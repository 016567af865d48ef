"""The index and a group page render in a fixed, small number of queries.

3 children against 30: the same count. The cache is cleared before each request, so
the budget holds with nothing cached at all (not even the locales or Wagtail's site
root paths): the coldest a page can be.

The shared layout (Wagtail's site lookup and routing, the view restrictions, locales,
menu, language links, footer, breadcrumbs) costs a fixed number of queries on its own,
fewer once its fragments are cached (core/caching): the budget is the page's own queries
on top of a plain content page at the same depth, so the working groups pages answer for
what they add. Absolute ceilings, warm and cold, are checked here too; every public page's budget
at 1× and 10× data is in tests/home/test_query_budgets.py.
"""

import datetime

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import StandardPage
from tests.factories.meetings import MeetingPageFactory
from tests.factories.workinggroups import (
    AchievementPageFactory,
    ProjectPageFactory,
    TopicFactory,
    WorkingGroupPageFactory,
    add_leader,
    add_topics,
)

pytestmark = pytest.mark.django_db

#: Queries a working groups page may add to the layout's.
OWN_BUDGET = 8
#: A group page also lists the group's newest resources (resources app: locales, the list,
#: its groups, topics and file languages), a fixed cost whatever the number of resources.
GROUP_PAGE_BUDGET = OWN_BUDGET + 4


#: A group page in at most 15 queries with its fragments cached; the index and a group page
#: in at most 28 with nothing cached at all (Wagtail routes and checks privacy itself:
#: docs/performance.md).
WARM_CEILING = 15
COLD_CEILING = 28


def count_queries(client, url, *, cold=True):
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def layout_queries(client, parent):
    """Queries of a plain content page at the depth of ``parent``'s children."""
    page = parent.add_child(instance=StandardPage(title="Témoin", slug="temoin"))
    count = count_queries(client, page.url)
    page.delete()
    return count


def add_groups(index, start, stop):
    for number in range(start, stop):
        group = WorkingGroupPageFactory(parent=index, slug=f"groupe-{number}")
        add_topics(group, [TopicFactory(), TopicFactory()])
        ProjectPageFactory(parent=group, slug=f"projet-{number}")
        AchievementPageFactory(parent=group, slug=f"realisation-{number}")
        MeetingPageFactory(parent=group, slug=f"rencontre-{number}")


def add_children(group, start, stop):
    now = timezone.now()
    for number in range(start, stop):
        ProjectPageFactory(parent=group, slug=f"projet-{number}")
        AchievementPageFactory(parent=group, slug=f"realisation-{number}")
        starts_at = now + datetime.timedelta(days=number + 1)
        MeetingPageFactory(
            parent=group,
            slug=f"rencontre-{number}",
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=2),
        )
        add_leader(group)
        add_topics(group, [TopicFactory()])


def test_index_page_query_count_does_not_grow_with_groups(client, wg_index):
    layout = layout_queries(client, wg_index.get_parent())
    add_groups(wg_index, 0, 3)
    with_three = count_queries(client, "/fr/groupes-de-travail/")
    add_groups(wg_index, 3, 30)
    with_thirty = count_queries(client, "/fr/groupes-de-travail/")
    assert with_three == with_thirty
    assert with_thirty - layout <= OWN_BUDGET
    assert with_thirty <= COLD_CEILING
    assert count_queries(client, "/fr/groupes-de-travail/", cold=False) <= WARM_CEILING


def test_group_page_query_count_does_not_grow_with_children(client, wg_index):
    group = WorkingGroupPageFactory(parent=wg_index, slug="groupe")
    WorkingGroupPageFactory(parent=wg_index, slug="autre-groupe")
    layout = layout_queries(client, wg_index)
    add_children(group, 0, 3)
    with_three = count_queries(client, "/fr/groupes-de-travail/groupe/")
    add_children(group, 3, 30)
    with_thirty = count_queries(client, "/fr/groupes-de-travail/groupe/")
    assert with_three == with_thirty
    assert with_thirty - layout <= GROUP_PAGE_BUDGET
    # Nothing cached: 26 here (26 right after a publish, when only the fragments are
    # recomputed: tests/home/test_query_budgets.py).
    assert with_thirty <= COLD_CEILING
    assert count_queries(client, "/fr/groupes-de-travail/groupe/", cold=False) <= WARM_CEILING


def test_home_page_query_count_does_not_grow_with_groups(client, wg_index):
    add_groups(wg_index, 0, 3)
    client.get("/fr/")  # the pictures' renditions are made once, on the first visit
    with_three = count_queries(client, "/fr/")
    add_groups(wg_index, 3, 30)
    assert count_queries(client, "/fr/") == with_three


def test_project_page_query_count_does_not_grow_with_siblings(client, wg_index):
    group = WorkingGroupPageFactory(parent=wg_index, slug="groupe")
    project = ProjectPageFactory(parent=group, slug="projet")
    add_topics(project, [TopicFactory(), TopicFactory(), TopicFactory()])
    add_children(group, 0, 3)
    with_three = count_queries(client, project.url)
    add_children(group, 3, 30)
    assert count_queries(client, project.url) == with_three
