"""Property-based run of the anonymous API against its own OpenAPI document.

schemathesis reads /api/v3/openapi.json through the WSGI application (no server), generates
requests for every anonymous read operation (15 derandomised examples each: well under a minute)
and checks that none answers 5xx and that every documented response matches its schema.

schemathesis' pytest loader (``from_fixture``/``parametrize``) reads a node attribute pytest 9
removed, so the operations are driven here with Hypothesis directly, inside one test that has
the database and the page tree.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from tests.factories.searchapi import build_search_tree

ANONYMOUS_READS = r"^(pages_list|pages_find|pages_detail|documents_list|documents_detail|images_list|images_detail)$"
# Status codes other than 200 (400, 404, 422) are not in the document Wagtail generates; they
# are fine as long as they are not server errors, so status-code conformance is not checked.
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture
def keep_test_connection():
    """Requests through the raw WSGI app would close the test's connection (it is inside the test's
    transaction); Django's own test client disconnects the same handlers for the same reason."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_anonymous_api_conforms_to_its_schema(site_tree, keep_test_connection):
    build_search_tree(site_tree)
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", get_wsgi_application())
    operations = [
        result.ok() for result in schema.include(method="GET", operation_id_regex=ANONYMOUS_READS).get_all_operations()
    ]
    assert len(operations) == 7

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def check(case):
            # The WSGI test client does not decompress: ask for plain bodies (GZipMiddleware is on).
            case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})

        check()
