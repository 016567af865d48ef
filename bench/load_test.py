"""Bounded load test: gunicorn on this machine, mixed anonymous reading in both languages.

    .venv/bin/python bench/load_test.py --seconds 60 --workers 8

Starts gunicorn on 127.0.0.1 (a free port) with the current settings (set DATABASE_URL to a
PostgreSQL database holding the demo content: ``manage.py migrate && manage.py
load_demo_content``), drives GET traffic for at most ``--seconds`` and ``--max-requests``,
stops gunicorn, prints a summary and exits non-zero on any 5xx or connection error.
Traffic goes to 127.0.0.1 only.

After integration (issue 10, "Load"): add members signing in, joining and leaving groups
and downloading resources, and compare the database's counts with what this script did.
"""

import argparse
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PATHS = ["/fr/", "/en/", "/fr/search/?q=groupe", "/en/search/?q=group", "/sitemap.xml", "/health/", "/robots.txt"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def discover_paths(base):
    """Every page listed in the sitemap, so both languages' real pages are read."""
    try:
        xml = urllib.request.urlopen(f"{base}/sitemap.xml", timeout=10).read().decode()  # noqa: S310 (loopback)
    except OSError:
        return []
    return [loc.split("</loc>")[0].split("127.0.0.1")[1].split("/", 1)[1] for loc in xml.split("<loc>")[1:]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=8, help="concurrent client threads")
    parser.add_argument("--gunicorn-workers", type=int, default=2)
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen(  # noqa: S603 (our own interpreter)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.gunicorn_workers),
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"{base}/health/", timeout=2)  # noqa: S310 (loopback)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.5)
        paths = PATHS + ["/" + path for path in discover_paths(base)]
        statuses, errors, lock = Counter(), Counter(), threading.Lock()
        deadline = time.monotonic() + args.seconds
        budget = iter(range(args.max_requests))

        def client():
            rng = random.Random()  # noqa: S311 (traffic mix, not security)
            while time.monotonic() < deadline:
                with lock:
                    if next(budget, None) is None:
                        return
                path = rng.choice(paths)
                try:
                    status = urllib.request.urlopen(base + path, timeout=30).status  # noqa: S310 (loopback)
                except urllib.error.HTTPError as error:
                    status = error.code
                except OSError as error:
                    with lock:
                        errors[type(error).__name__] += 1
                    continue
                with lock:
                    statuses[status] += 1

        threads = [threading.Thread(target=client) for _ in range(args.workers)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    total = sum(statuses.values())
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    print(f"{total} requests in {elapsed:.1f}s ({total / elapsed:.0f}/s) over {len(paths)} paths")
    print("statuses:", dict(sorted(statuses.items())), "connection errors:", dict(errors))
    if server_errors or errors or not total:
        print(f"FAILED: {server_errors} responses 5xx, {sum(errors.values())} connection errors")
        return 1
    print("OK: no 5xx, no connection error")
    return 0


if __name__ == "__main__":
    sys.exit(main())
