#!/usr/bin/env python
"""Benchmark: builds a demo database at 1× and 10×, serves it with gunicorn (2 sync
workers) on 127.0.0.1, drives a bounded load (wrk when installed, a Python load
generator otherwise) and prints one markdown table.

Every figure that depends on the machine is shown beside the trivial Django view and
a static file measured in the same run: absolute numbers swing on shared machines,
ratios much less. Run it with ``make bench``; it is a script, not a test.
"""

import argparse
import gzip
import http.client
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def django_env(workdir, cached, database_url=None):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        MEDIA_ROOT=str(workdir / "media"),
        PAGE_CACHE_ENABLED="true" if cached else "false",
        PYTHONPATH=str(ROOT),
        DATABASE_URL=database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
        # With REDIS_URL, each scale's keys apart from the other's and from any site's.
        CACHE_KEY_PREFIX=f"bench:{workdir.name}",
    )
    return env


class ScratchDatabase:
    """Where a scale's demo database lives: a SQLite file in the work folder, or, when
    DATABASE_URL points at PostgreSQL, a new database on that server (created, then
    dropped), so that each scale starts empty and the database it names is left alone."""

    def __init__(self, scale):
        configured = urllib.parse.urlsplit(os.environ.get("DATABASE_URL", ""))
        self.server = configured if configured.scheme in ("postgres", "postgresql", "pgsql") else None
        self.name = f"{self.server.path.lstrip('/') or 'coalition'}_bench_{scale}x" if self.server else None

    def _run(self, statement):
        import psycopg

        server = self.server
        with psycopg.connect(
            host=server.hostname,
            port=server.port or 5432,
            user=urllib.parse.unquote(server.username or ""),
            password=urllib.parse.unquote(server.password or ""),
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute(statement)

    def __enter__(self):
        if self.server is None:
            return None
        self._run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self._run(f'CREATE DATABASE "{self.name}"')
        return self.server._replace(path=f"/{self.name}").geturl()

    def __exit__(self, *exc):
        if self.server is not None:
            self._run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def build_database(scale, workdir, database_url=None):
    env = django_env(workdir, cached=False, database_url=database_url)
    manage(env, "migrate", "--no-input")
    manage(env, "load_demo_content")
    # The pages link to hashed static files: the manifest must exist even when run outside make.
    manage(env, "collectstatic", "--no-input")
    subprocess.run([PYTHON, "-m", "bench.populate", str(scale)], cwd=ROOT, env=env, check=True)
    return env


def measure_in_process(env, repeats):
    output = subprocess.run(
        # stderr is not captured: a failing page shows its traceback.
        [PYTHON, "-m", "bench.measure", str(repeats)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def member_cookie(env):
    code = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "from bench.targets import bench_member\n"
        "client = Client(); client.force_login(bench_member())\n"
        "from django.conf import settings\n"
        "print(client.cookies[settings.SESSION_COOKIE_NAME].value)\n"
    )
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    return f"sessionid={out.strip().splitlines()[-1]}"


class Server:
    """gunicorn with 2 sync workers on a free loopback port."""

    def __init__(self, env):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                PYTHON, "-m", "gunicorn", "config.wsgi:application",
                "--workers", "2", "--worker-class", "sync",
                "--bind", f"127.0.0.1:{self.port}", "--log-level", "error",
            ],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"{self.base}/bench/trivial/", timeout=2)  # noqa: S310 - loopback
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def worker_pids(self):
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids

    def peak_worker_rss_mb(self):
        peaks = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks.append(int(match.group(1)) / 1024)
        return round(max(peaks), 1) if peaks else None

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def load_with_wrk(url, duration, connections, cookie):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def percentile(label):
        match = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", output)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rps, "p50": percentile(50), "p99": percentile(99), "errors": int(errors.group(1)) if errors else 0}


def load_with_python(url, duration, connections, cookie):
    """Keep-alive clients in threads, for machines without wrk."""
    parsed = urllib.request.urlparse(url)
    path = parsed.path + (f"?{parsed.query}" if parsed.query else "")
    latencies, errors = [], [0]
    lock = threading.Lock()
    stop_at = time.time() + duration
    headers = {"Cookie": cookie} if cookie else {}

    def client():
        connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        while time.time() < stop_at:
            start = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                if response.status >= 400:
                    errors[0] += 1
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(connections)]
    started = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "rps": len(latencies) / (time.time() - started),
        "p50": statistics.median(latencies),
        "p99": latencies[int(len(latencies) * 0.99) - 1],
        "errors": errors[0],
    }


def drive(url, duration, connections, cookie=None):
    if shutil.which("wrk"):
        return load_with_wrk(url, duration, connections, cookie)
    return load_with_python(url, duration, connections, cookie)


def static_css_url(base):
    html = urllib.request.urlopen(f"{base}/fr/", timeout=10).read().decode()  # noqa: S310 - loopback
    return re.search(r'href="(/static/[^"]+\.css)"', html).group(1)


def transfer_size(base, path):
    """Bytes on the wire for the page's HTML, CSS and JavaScript, gzip-compressed."""
    total = 0

    def fetch(url):
        request = urllib.request.Request(f"{base}{url}", headers={"Accept-Encoding": "gzip"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            body = response.read()
            return body, response.headers.get("Content-Encoding")

    body, encoding = fetch(path)
    total += len(body)
    html = gzip.decompress(body).decode() if encoding == "gzip" else body.decode()
    for asset in re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        asset_body, _ = fetch(asset)
        total += len(asset_body)
    return total


class ObjectStorage:
    """moto's S3 server (a real S3 endpoint) with a bucket holding the scale's media folder."""

    def __init__(self, media):
        sys.path.insert(0, str(ROOT))
        from tests.s3 import S3Server

        self.server = S3Server().start()
        self.bucket = self.server.new_bucket()
        client = self.server.client()
        for path in Path(media).rglob("*"):
            if path.is_file():
                client.upload_file(str(path), self.bucket, path.relative_to(media).as_posix())

    def env(self, env):
        return {**env, **self.server.environment(self.bucket)}

    def stop(self):
        self.server.stop()


def run_scale(scale, args):
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{scale}x-"))
    try:
        with ScratchDatabase(scale) as database_url:
            return measure_scale(scale, args, workdir, database_url)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def measure_scale(scale, args, workdir, database_url):
    env = build_database(scale, workdir, database_url)
    in_process = measure_in_process(env, args.repeats)
    rows = {}
    server_figures = {}
    for cached in (False, True):
        server = Server(django_env(workdir, cached, database_url))
        try:
            cookie = member_cookie(env)
            if not cached:
                rows["trivial view"] = drive(f"{server.base}/bench/trivial/", args.duration, args.connections)
                rows["static file"] = drive(
                    f"{server.base}{static_css_url(server.base)}", args.duration, args.connections
                )
            for label, data in in_process.items():
                key = (label, "cached" if cached else "uncached")
                rows[key] = drive(
                    f"{server.base}{data['path']}",
                    args.duration,
                    args.connections,
                    cookie if data["signed_in"] else None,
                )
            group = next((d["path"] for label, d in in_process.items() if label == "group page"), "/fr/")
            server_figures["transfer" if cached else "transfer_uncached"] = transfer_size(server.base, group)
            server_figures["rss_cached" if cached else "rss_uncached"] = server.peak_worker_rss_mb()
        finally:
            server.stop()
    # The same downloads with the files in object storage: the app checks access, counts, and
    # redirects to a signed address (the bytes come from the bucket, not from Python).
    downloads = {label: data for label, data in in_process.items() if label.startswith("document download")}
    if downloads:
        storage = ObjectStorage(workdir / "media")
        try:
            server = Server(storage.env(django_env(workdir, False, database_url)))
            try:
                cookie = member_cookie(env)
                for label, data in downloads.items():
                    url = f"{server.base}{data['path']}"
                    member = cookie if data["signed_in"] else None
                    rows[(label, "object storage")] = drive(url, args.duration, args.connections, member)
            finally:
                server.stop()
        finally:
            storage.stop()
    return in_process, rows, server_figures


def table(scale, in_process, rows, figures):
    trivial = rows["trivial view"]["rps"]
    lines = [
        f"### {scale}× data",
        "",
        "| page | SQL queries | render ms (median) | req/s uncached | p50 / p99 ms | ratio to trivial | "
        "req/s cached | p50 / p99 ms | ratio to trivial |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, data in in_process.items():
        uncached, cached = rows[(label, "uncached")], rows[(label, "cached")]
        status = "" if data["status"] == 200 else f" (HTTP {data['status']})"
        lines.append(
            f"| {label}{status} | {data['queries']} | {data['median_ms']} | {uncached['rps']:.0f} | "
            f"{uncached['p50']:.1f} / {uncached['p99']:.1f} | {uncached['rps'] / trivial:.1%} | "
            f"{cached['rps']:.0f} | {cached['p50']:.1f} / {cached['p99']:.1f} | {cached['rps'] / trivial:.1%} |"
        )
    for label in in_process:
        if (label, "object storage") in rows:
            row = rows[(label, "object storage")]
            lines.append(
                f"| {label}, object storage (redirect to a signed address) | | | {row['rps']:.0f} | "
                f"{row['p50']:.1f} / {row['p99']:.1f} | {row['rps'] / trivial:.1%} | | | |"
            )
    for label in ("trivial view", "static file"):
        row = rows[label]
        lines.append(
            f"| *{label}* | | | {row['rps']:.0f} | {row['p50']:.1f} / {row['p99']:.1f} | "
            f"{row['rps'] / trivial:.0%} | | | |"
        )
    rss = max(value for key, value in figures.items() if key.startswith("rss") and value)
    lines += [
        "",
        f"Peak resident memory of a gunicorn worker: {rss} MB. "
        f"Group page transfer (HTML + CSS + JS, gzip): {figures['transfer'] / 1024:.1f} KB.",
        "",
    ]
    errors = sum(row.get("errors", 0) for row in rows.values())
    if errors:
        lines.append(f"**{errors} responses were errors (4xx/5xx) during the load.**\n")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page and mode")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=20, help="in-process renders per page")
    args = parser.parse_args()
    if shutil.which("wrk"):
        tool = f"wrk -t2 -c{args.connections}"
    else:
        tool = f"Python load generator, {args.connections} connections"
    database = "PostgreSQL (a new database for each scale)" if ScratchDatabase(1).server else "SQLite"
    cache = "Redis" if os.environ.get("REDIS_URL") else "local-memory cache"
    print(
        f"## Benchmark, {date.today().isoformat()}\n\n"
        f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, {database}, {cache}; "
        f"gunicorn, 2 sync workers, DEBUG off; {tool}, {args.duration} s a run.\n"
    )
    for scale in args.scales:
        print(table(scale, *run_scale(scale, args)), flush=True)


if __name__ == "__main__":
    main()
