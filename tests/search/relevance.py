"""The relevance set: realistic queries and the page a person expects, scored through the search page.

Each row of ``relevance_queries.csv`` is a language, a class of query (exact names, singulars of
plural titles, words typed without accents, typos, everyday words for the coalition's terms), the
query, and the path of the page expected (several, separated by ``|``, when any will do). A query
is asked as a visitor would (``/fr/search/?q=…``, anonymous), the results' links read in order.

``python -m tests.search.relevance`` prints the table of docs/search.md for the database that
DATABASE_URL names (the demo content must be loaded: ``manage.py load_demo_content``).
"""

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

QUERIES = Path(__file__).with_name("relevance_queries.csv")
CLASSES = {
    "exact": "exact names",
    "singular": "singular of a plural title",
    "accents": "without accents",
    "typo": "one- or two-letter typos",
    "everyday": "everyday words",
}
TARGETS = {"hit@3": 0.90, "hit@1": 0.75, "zero": 0.05}
_RESULT_LINK = re.compile(r'<li class="search-result">\s*<h2><a href="([^"]*)"')


@dataclass(frozen=True)
class Query:
    language: str
    kind: str
    text: str
    expected: tuple


def load_queries(path=QUERIES):
    with path.open(encoding="utf-8") as rows:
        return [
            Query(row["language"], row["class"], row["query"], tuple(row["expected"].split("|")))
            for row in csv.DictReader(rows)
        ]


def result_paths(client, language, text):
    response = client.get(f"/{language}/search/", {"q": text})
    return _RESULT_LINK.findall(response.content.decode())


def run(client, queries):
    """``[(query, rank or None, number of results shown)]``: the rank of the first expected page, from 1."""
    outcomes = []
    for query in queries:
        paths = result_paths(client, query.language, query.text)
        rank = next((index for index, path in enumerate(paths, 1) if path in query.expected), None)
        outcomes.append((query, rank, len(paths)))
    return outcomes


def summary(outcomes):
    count = len(outcomes) or 1
    return {
        "queries": len(outcomes),
        "hit@1": sum(rank == 1 for _q, rank, _n in outcomes) / count,
        "hit@3": sum(rank is not None and rank <= 3 for _q, rank, _n in outcomes) / count,
        "mrr": sum(1 / rank for _q, rank, _n in outcomes if rank) / count,
        "zero": sum(shown == 0 for _q, _rank, shown in outcomes) / count,
    }


def table(outcomes):
    """The markdown table: every query, then per language, then per class."""
    groups = {"all": outcomes}
    by_language, by_class = defaultdict(list), defaultdict(list)
    for outcome in outcomes:
        by_language[outcome[0].language].append(outcome)
        by_class[outcome[0].kind].append(outcome)
    groups.update({f"language: {code}": items for code, items in sorted(by_language.items())})
    groups.update({f"class: {CLASSES.get(kind, kind)}": items for kind, items in sorted(by_class.items())})
    lines = ["| queries | n | hit@1 | hit@3 | MRR | no result |", "| --- | --- | --- | --- | --- | --- |"]
    for label, items in groups.items():
        score = summary(items)
        lines.append(
            f"| {label} | {score['queries']} | {score['hit@1']:.0%} | {score['hit@3']:.0%} "
            f"| {score['mrr']:.2f} | {score['zero']:.0%} |"
        )
    return "\n".join(lines)


def misses(outcomes):
    return [
        f"{query.language} {query.kind} {query.text!r}: rank {rank}, {shown} shown"
        for query, rank, shown in outcomes
        if rank != 1
    ]


def main():
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    outcomes = run(Client(), load_queries())
    print(f"Database: {connection.vendor}\n")
    print(table(outcomes))
    for line in misses(outcomes):
        print("  miss:", line)


if __name__ == "__main__":
    main()
