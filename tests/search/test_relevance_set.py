"""The relevance set (relevance_queries.csv) against the demo content: the targets of docs/search.md.

Runs on the database the suite runs on: SQLite by default, PostgreSQL with DATABASE_URL.
"""

import pytest

from .relevance import TARGETS, load_queries, misses, run, summary, table


@pytest.mark.django_db
def test_the_relevance_set_meets_the_targets(client, demo_content):
    queries = load_queries()
    assert len(queries) >= 60
    assert {query.language for query in queries} == {"fr", "en"}
    outcomes = run(client, queries)
    score = summary(outcomes)
    report = table(outcomes) + "\n" + "\n".join(misses(outcomes))
    assert score["hit@3"] >= TARGETS["hit@3"], report
    assert score["hit@1"] >= TARGETS["hit@1"], report
    assert score["zero"] < TARGETS["zero"], report
