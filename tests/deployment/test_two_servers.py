"""Two app servers and two task workers sharing one PostgreSQL, one Redis and one bucket agree.

The checks are bench/two_servers.py's (run it by hand against any database); here the servers
and workers run with production settings against the test database, the suite's Redis and the
session's S3 server (tests/s3.py).
"""

import os
import uuid
from urllib.parse import quote

import pytest

from django.db import connection

from bench import two_servers

# serialized_rollback: the flush after it must give later tests the migrations' rows back (root page, locales).
pytestmark = [
    pytest.mark.subprocess,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url():
    database = {key: quote(str(value or ""), safe="") for key, value in connection.settings_dict.items()}
    return "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**database)


@pytest.fixture
def cluster(s3_server):
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs Redis (REDIS_URL): the servers share their cache there")
    cluster = two_servers.Cluster({"DATABASE_URL": database_url(), **s3_server.environment(s3_server.new_bucket())})
    try:
        yield cluster.start()
    finally:
        cluster.stop()


def test_two_servers_and_two_workers_agree(site_tree, cluster, tmp_path):
    run = uuid.uuid4().hex[:8]
    facts = {**two_servers.prepare(run), "run": run}

    # A page published and a document uploaded through the first server, read through the second.
    two_servers.check_publish_and_upload(cluster, facts)
    # A member signed in on the first server is signed in on the second.
    two_servers.check_session(cluster, facts)
    # Five wrong passwords spread over both servers: the sixth is refused (counts in Redis).
    two_servers.check_rate_limits(cluster, facts)
    # A page cached by the first server is served from the cache by the second.
    two_servers.check_page_cache(cluster, facts)
    # Tasks run once each across the workers, one of them killed mid-task.
    two_servers.check_tasks(cluster, tmp_path)
