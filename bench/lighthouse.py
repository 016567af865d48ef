#!/usr/bin/env python
"""Lighthouse scores of the demo site, served the way production serves it.

Builds a demo database in a temporary folder, serves it with gunicorn under the production
settings (DEBUG off, whitenoise with compressed, hashed static files, the page cache on),
runs Lighthouse's mobile profile on the home page and a working-group page in French and in
English, and prints the four category scores (the median of ``--runs`` runs) as a markdown
table, with the audits that cost points below it.

Lighthouse is installed with npm into ``.lighthouse/`` (ignored by git), or read from the folder
``LIGHTHOUSE_DIR`` names, at the version pinned below; Chromium is Debian's (``CHROME_PATH``).
Run it with ``make lighthouse``; it is a script, not a test.
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
# 12.x is the last Lighthouse line that runs on Node.js 20 (13.x needs Node.js 22.19).
LIGHTHOUSE_VERSION = "12.8.2"
# Another folder holding node_modules/lighthouse (``npm install --prefix DIR lighthouse@VERSION``).
LIGHTHOUSE_DIR = Path(os.environ.get("LIGHTHOUSE_DIR") or ROOT / ".lighthouse")
CATEGORIES = [
    ("performance", "Performance"),
    ("accessibility", "Accessibility"),
    ("best-practices", "Best practices"),
    ("seo", "SEO"),
]
CHROME_FLAGS = "--headless=new --no-sandbox"


def ensure_lighthouse():
    """The Lighthouse command line at the pinned version, installed on first use."""
    cli = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
    installed = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    if not installed.exists() or json.loads(installed.read_text())["version"] != LIGHTHOUSE_VERSION:
        if not shutil.which("npm"):
            sys.exit("npm is needed to install Lighthouse (Node.js 18.16 or later).")
        LIGHTHOUSE_DIR.mkdir(exist_ok=True)
        manifest = {"private": True, "dependencies": {"lighthouse": LIGHTHOUSE_VERSION}}
        (LIGHTHOUSE_DIR / "package.json").write_text(json.dumps(manifest, indent=2) + "\n")
        print(f"Installing Lighthouse {LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR} ...", file=sys.stderr)
        npm_install = ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"]
        subprocess.run(npm_install, cwd=LIGHTHOUSE_DIR, check=True)
    return cli


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(workdir):
    env = {key: value for key, value in os.environ.items() if key not in ("DJANGO_SETTINGS_MODULE", "DEBUG")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="http://127.0.0.1",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        # Plain HTTP on the loopback: no redirect to HTTPS (which would be right in production).
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        PYTHONPATH=str(ROOT),
    )
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def build_site(env):
    manage(env, "compile_catalogues")
    manage(env, "migrate", "--no-input")
    manage(env, "load_demo_content", "--no-accounts")
    manage(env, "collectstatic", "--no-input")


def group_urls(env):
    """The first working group's page in French and its English translation."""
    code = (
        "import django, json; django.setup()\n"
        "from wagtail.models import Locale\n"
        "from workinggroups.models import WorkingGroupPage\n"
        "page = WorkingGroupPage.objects.live().filter(locale__language_code='fr').order_by('path').first()\n"
        "english = page.get_translation_or_none(Locale.objects.get(language_code='en'))\n"
        "print(json.dumps([page.url, english.url if english and english.live else None]))\n"
    )
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


class Server:
    """gunicorn with two workers, as in production, on a free port of the loopback."""

    def __init__(self, env):
        self.base = f"http://127.0.0.1:{free_port()}"
        self.process = subprocess.Popen(
            # The site and its images (bench/media_wsgi.py): production serves them from outside Django.
            [
                PYTHON,
                "-m",
                "gunicorn",
                "bench.media_wsgi",
                "--workers",
                "2",
                "--bind",
                self.base.removeprefix("http://"),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/health/", timeout=2):  # noqa: S310 - loopback
                    return
            except OSError:
                time.sleep(0.5)
        self.stop()
        sys.exit("gunicorn did not answer on /health/ within a minute.")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def run_lighthouse(cli, url, chrome_path, attempts=3):
    command = [
        "node",
        str(cli),
        url,
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=" + ",".join(key for key, _ in CATEGORIES),
        "--output=json",
    ]
    for attempt in range(1, attempts + 1):
        with tempfile.NamedTemporaryFile(suffix=".json") as report_file:
            done = subprocess.run(
                [*command, f"--output-path={report_file.name}"], env={**os.environ, "CHROME_PATH": chrome_path}
            )
            # Lighthouse sometimes loses the trace on a busy machine (NO_NAVSTART): it asks to run again.
            if done.returncode == 0:
                return json.loads(Path(report_file.name).read_text())
        print(f"Lighthouse failed on {url} (attempt {attempt} of {attempts}).", file=sys.stderr)
    sys.exit(f"Lighthouse failed {attempts} times on {url}.")


def shortfalls(report):
    """The audits that cost points, as 'category: audit title (value)'."""
    lines = []
    for key, label in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lines.append(f"{label}: {audit['title']}{value}")
    return lines


def machine():
    try:
        chromium = subprocess.run(
            [os.environ.get("CHROME_PATH", "/usr/bin/chromium"), "--version"], capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        chromium = "Chromium"
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{platform.node() or 'this machine'}, {os.cpu_count()} CPUs, {chromium}, Node.js {node}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is shown")
    parser.add_argument("--base-url", help="measure a site already running there instead of building one")
    parser.add_argument(
        "--group-path", action="append", help="group page paths (with --base-url); default: the demo's first group"
    )
    args = parser.parse_args()

    chrome_path = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not Path(chrome_path).exists():
        sys.exit(f"No Chromium at {chrome_path}: set CHROME_PATH.")
    cli = ensure_lighthouse()

    workdir = Path(tempfile.mkdtemp(prefix="coalition-lighthouse-"))
    server = None
    try:
        if args.base_url:
            base, groups = args.base_url.rstrip("/"), args.group_path or []
        else:
            env = production_env(workdir)
            print("Building the demo site ...", file=sys.stderr)
            build_site(env)
            groups = [path for path in group_urls(env) if path]
            server = Server(env)
            base = server.base
        pages = [("home page", "/fr/"), ("home page", "/en/")] + [("group page", path) for path in groups]

        rows, notes = [], []
        for label, path in pages:
            scores = {key: [] for key, _ in CATEGORIES}
            missed = set()
            for run in range(args.runs):
                print(f"Lighthouse {path} ({run + 1}/{args.runs}) ...", file=sys.stderr)
                report = run_lighthouse(cli, base + path, chrome_path)
                for key, _ in CATEGORIES:
                    scores[key].append(round(report["categories"][key]["score"] * 100))
                missed.update(shortfalls(report))
            medians = [statistics.median_low(scores[key]) for key, _ in CATEGORIES]
            for key, name in CATEGORIES:
                if min(scores[key]) < 100:
                    notes.append(f"- `{path}` {name} run by run: {', '.join(map(str, scores[key]))}")
            rows.append(f"| {label} | `{path}` | " + " | ".join(str(score) for score in medians) + " |")
            notes += [f"- `{path}` {line}" for line in sorted(missed)]
    finally:
        if server:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    today = datetime.now(UTC).date().isoformat()
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile profile, median of {args.runs} runs; {today}; {machine()}.\n")
    print("| page | path | " + " | ".join(label for _, label in CATEGORIES) + " |")
    print("| --- | --- | " + " | ".join("---:" for _ in CATEGORIES) + " |")
    print("\n".join(rows))
    if notes:
        print("\nBelow full marks in at least one run:\n")
        print("\n".join(notes))


if __name__ == "__main__":
    main()
