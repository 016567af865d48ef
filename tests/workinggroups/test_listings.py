"""Listings read only what their cards show, and leave nothing for the cyclic garbage
collector: a worker's memory stays flat however long the lists it serves."""

import datetime
import gc
import weakref

import pytest

from tests.factories.workinggroups import (
    ProjectPageFactory,
    TopicFactory,
    WorkingGroupPageFactory,
    add_topics,
)
from workinggroups.choices import ProjectStatus
from workinggroups.models import WorkingGroupPage, WorkingGroupTopic, attach_topic_links

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(wg_index):
    first = WorkingGroupPageFactory(parent=wg_index, slug="premier")
    second = WorkingGroupPageFactory(parent=wg_index, slug="second")
    WorkingGroupPageFactory(parent=wg_index, slug="sans-sujet")
    housing, health, work = (TopicFactory(name=name) for name in ("Logement", "Santé", "Travail"))
    add_topics(first, [health, housing])
    add_topics(second, [work])
    return wg_index


def listed(index):
    return list(WorkingGroupPage.objects.child_of(index).order_by("path"))


def test_each_page_gets_its_own_topics_in_the_editors_order_in_one_query(groups, django_assert_num_queries):
    pages = listed(groups)
    with django_assert_num_queries(1):
        attach_topic_links(pages, WorkingGroupTopic)
        names = {page.slug: [link.topic.name for link in page.topic_link_list] for page in pages}
    assert names == {"premier": ["Santé", "Logement"], "second": ["Travail"], "sans-sujet": []}


def test_a_listing_is_freed_as_soon_as_it_is_dropped(groups):
    pages = attach_topic_links(listed(groups), WorkingGroupTopic)
    alive = [weakref.ref(page) for page in pages] + [weakref.ref(pages[0].topic_link_list[0])]
    gc.disable()  # only reference counting: what a cycle would keep, stays
    try:
        del pages
        assert [ref() for ref in alive] == [None] * len(alive)
    finally:
        gc.enable()


def test_the_index_and_the_home_page_list_each_groups_topics(client, groups, site_tree):
    groups.save_revision().publish()
    for page in WorkingGroupPage.objects.child_of(groups):
        page.save_revision().publish()
    for url in (groups.url, "/fr/"):
        html = client.get(url).content.decode()
        assert html.index("Santé") < html.index("Logement"), url
        assert "Travail" in html, url


def other_groups_nav(client, url):
    html = client.get(url).content.decode()
    start = html.find('<nav class="wg-related"')
    return html[start : html.index("</nav>", start)] if start >= 0 else ""


@pytest.mark.parametrize("page_cache_enabled", [False, True], ids=["page-cache-off", "page-cache-on"])
def test_a_group_page_links_the_other_groups_and_follows_publishing(client, settings, site_tree, page_cache_enabled):
    from wagtail.models import Locale, PageViewRestriction

    from tests.factories.resources import make_working_group

    settings.PAGE_CACHE_ENABLED = page_cache_enabled
    first = make_working_group(site_tree["fr"], "Premier groupe", "First group")
    second = make_working_group(site_tree["fr"], "Deuxième groupe", "Second group")
    english_first = first.get_translation(Locale.objects.get(language_code="en"))
    nav = other_groups_nav(client, first.url)
    assert f'href="{second.url}"' in nav and "Premier groupe" not in nav
    assert 'href="/en/working-groups/second-group/"' in other_groups_nav(client, english_first.url)

    third = make_working_group(site_tree["fr"], "Troisième groupe", "Third group")
    nav = other_groups_nav(client, first.url)
    assert nav.index("Deuxième groupe") < nav.index("Troisième groupe")
    assert "Third group" in other_groups_nav(client, english_first.url)

    second.unpublish()
    PageViewRestriction.objects.create(page=third, restriction_type=PageViewRestriction.LOGIN)
    assert other_groups_nav(client, first.url) == ""


def test_a_projects_related_projects_follow_the_group_pages_order(groups):
    """Ongoing before completed, the most recent start first, undated last, five at most:
    the same order as the group page's list, without the project itself."""
    group = WorkingGroupPage.objects.child_of(groups).get(slug="premier")
    made = {
        slug: ProjectPageFactory(parent=group, slug=slug, status=status, start_date=start)
        for slug, status, start in [
            ("termine-recent", ProjectStatus.COMPLETED, datetime.date(2025, 6, 1)),
            ("en-cours-ancien", ProjectStatus.ONGOING, datetime.date(2020, 1, 1)),
            ("en-cours-sans-date", ProjectStatus.ONGOING, None),
            ("en-cours-recent", ProjectStatus.ONGOING, datetime.date(2024, 3, 1)),
            ("termine-ancien", ProjectStatus.COMPLETED, datetime.date(2019, 1, 1)),
            ("ce-projet", ProjectStatus.ONGOING, datetime.date(2022, 1, 1)),
            ("termine-sans-date", ProjectStatus.COMPLETED, None),
        ]
    }
    related = [page.slug for page in made["ce-projet"].related_pages()]
    assert related == ["en-cours-recent", "en-cours-ancien", "en-cours-sans-date", "termine-recent", "termine-ancien"]
    assert [page.slug for page in group.projects() if page.slug != "ce-projet"][:5] == related
