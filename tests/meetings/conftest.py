import pytest

from home.translation import translate_instance
from tests.factories.meetings import MeetingPageFactory
from tests.factories.workinggroups import WorkingGroupPageFactory
from tests.workinggroups.conftest import publish, wg_index  # noqa: F401 (a fixture)

GROUP_ENGLISH = {
    "Les groupes de travail": "Working groups",
    "groupes-de-travail": "working-groups",
    "Protection au Canada": "Inland Protection",
    "pac": "inland-protection",
    "Un groupe de travail.": "A working group.",
    "Trois fois par année.": "Three times a year.",
}


@pytest.fixture
def group(wg_index):  # noqa: F811
    return publish(WorkingGroupPageFactory(parent=wg_index, title="Protection au Canada", slug="pac"))


@pytest.fixture
def english_group(group, locales):
    _, english = locales
    translate_instance(group.get_parent().specific, english, GROUP_ENGLISH)
    return translate_instance(group, english, GROUP_ENGLISH)


def meeting(parent, **fields):
    return publish(MeetingPageFactory(parent=parent, **fields))
