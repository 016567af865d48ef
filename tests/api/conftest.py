import pytest

from tests.factories.searchapi import build_search_tree


@pytest.fixture
def search_tree(site_tree):
    return build_search_tree(site_tree)
