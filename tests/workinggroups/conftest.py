import pytest

from tests.factories.workinggroups import WorkingGroupIndexPageFactory


@pytest.fixture
def wg_index(site_tree):
    """A published working groups index under the French home page."""
    index = WorkingGroupIndexPageFactory(parent=site_tree["fr"])
    index.save_revision().publish()
    return index


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page
