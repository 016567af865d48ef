import datetime

import pytest

from django.utils import timezone

from home.translation import translate_instance
from members.models import GroupMembership
from resolutions.choices import Stage
from resolutions.models import ResolutionGroup, ResolutionIndexPage, ResolutionPage, ResolutionTopic
from tests.factories.members import add_membership, make_groups, make_person
from workinggroups.models import Topic

ENGLISH = {
    "Résolutions": "Resolutions",
    "resolutions": "resolutions",
    "Réunification familiale": "Family reunification",
    "reunification-familiale": "family-reunification",
    "Les délais dépassent deux ans ;": "Delays exceed two years;",
    "Que la coalition demande des délais de six mois.": "That the coalition call for six-month delays.",
    "Réunification": "Reunification",
}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def english(locales):
    return locales[1]


@pytest.fixture
def group(site_tree):
    return make_groups(site_tree, ("protection", "Protection au Canada", "open"))[0]


@pytest.fixture
def topic(locales, english):
    french_topic = Topic.objects.create(name="Réunification", locale=locales[0])
    translate_instance(french_topic, english, ENGLISH)
    return french_topic


@pytest.fixture
def index(site_tree, english):
    page = site_tree["fr"].add_child(instance=ResolutionIndexPage(title="Résolutions", slug="resolutions"))
    publish(page)
    translate_instance(page, english, ENGLISH)
    return page


def new_resolution(index, group, topic=None, **fields):
    fields = {
        "title": "Réunification familiale",
        "slug": "reunification-familiale",
        "clauses": [
            ("whereas", "Les délais dépassent deux ans ;"),
            ("resolved", "Que la coalition demande des délais de six mois."),
        ],
        **fields,
    }
    page = ResolutionPage(**fields)
    page.drafting_groups = [ResolutionGroup(group=group)]
    if topic is not None:
        page.topic_links = [ResolutionTopic(topic=topic)]
    index.add_child(instance=page)
    return publish(page)


@pytest.fixture
def draft(index, group, topic, english):
    page = new_resolution(index, group, topic)
    translate_instance(page, english, ENGLISH)
    return page


@pytest.fixture
def in_comment(draft):
    record = draft.record
    record.stage = Stage.COMMENT
    record.comment_deadline = timezone.now() + datetime.timedelta(days=7)
    record.save()
    return draft


@pytest.fixture
def member(db):
    return make_person(email="membre@example.org")


@pytest.fixture
def co_chair(group):
    person = make_person(email="coprez@example.org")
    add_membership(person, group, role=GroupMembership.Role.CO_CHAIR)
    return person
