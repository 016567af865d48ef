import pytest

from tests.factories.resources import make_user


@pytest.fixture
def visitors(db):
    """The four kinds of visitor of the access matrix (``None`` is anonymous)."""
    return {
        "anonymous": None,
        "pending": make_user("pending@example.org"),
        "approved": make_user("member@example.org", member=True),
        "staff": make_user("staff@example.org", staff=True),
    }
