"""In-process measurements: SQL queries and median render time of each target, uncached.

Run by bench/run.py in a subprocess (DJANGO_SETTINGS_MODULE=bench.settings); prints JSON.
"""

import json
import statistics
import sys
import time

import django


def main(repeats):
    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.targets import bench_member, discover

    settings.PAGE_CACHE_ENABLED = False
    results = {}
    anonymous = Client()
    member = Client()
    member.force_login(bench_member())
    for label, path, signed_in in discover():
        client = member if signed_in else anonymous
        response = client.get(path)  # warm up: imports, template loading
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        # Counted now: the captured list is read from the connection's log, which the next request clears.
        query_count = len(queries)
        timings = []
        for _ in range(repeats):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        results[label] = {
            "path": path,
            "signed_in": signed_in,
            "status": response.status_code,
            "queries": query_count,
            "median_ms": round(statistics.median(timings), 1),
        }
    return results


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)))
