"""Regenerate the README's pictures of the site: `make screenshots`.

Loads the demo content into a temporary SQLite database, serves it with `runserver`, and saves
the home page, a working-group page, one of its projects and the resource library, on a
desktop (1280 px wide) and a phone (360 px), in French and English, into docs/screenshots/.
Each picture is one screen high and stored as a 256-colour PNG, so that all of them stay well
under 1 MB together.

Needs Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) and compiled catalogues. Not a test.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "screenshots"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True},
}
GROUP_INDEX = {"fr": "groupes-de-travail", "en": "working-groups"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"runserver stopped (exit code {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310  # nosec B310 - our own local server
                return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"{url} did not answer within {seconds} s")


def optimise(path):
    """256 colours are plenty for flat page colours and text; the file shrinks about threefold."""
    image = Image.open(path).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)


def shoot(base_url):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        try:
            for language in ("fr", "en"):
                for device, options in DEVICES.items():
                    context = browser.new_context(**options, device_scale_factor=1, locale=f"{language}-CA")
                    page = context.new_page()
                    page.goto(f"{base_url}/{language}/{GROUP_INDEX[language]}/")
                    group = page.locator("main h3[id^='group-'] a").first.get_attribute("href")
                    page.goto(base_url + group)
                    project = page.locator("section[aria-labelledby='projects-title'] h3 a").first.get_attribute("href")
                    pages = (
                        ("home", f"/{language}/"),
                        ("working-group", group),
                        ("project", project),
                        ("library", f"/{language}/resources/"),
                    )
                    for name, path in pages:
                        page.goto(base_url + path, wait_until="networkidle")
                        target = OUTPUT / f"{name}-{language}-{device}.png"
                        page.screenshot(path=str(target))
                        optimise(target)
                        saved.append(target)
                    context.close()
        finally:
            browser.close()
    return saved


def main():
    if not CHROMIUM.exists():
        sys.exit(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (or set CHROMIUM_PATH)")
    with tempfile.TemporaryDirectory(prefix="coalition-screenshots-") as folder:
        env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "OPENSEARCH_URL", "DEBUG"}}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.dev",
            DATABASE_URL=f"sqlite:///{folder}/db.sqlite3",
            MEDIA_ROOT=f"{folder}/media",
            ADMIN_MFA_REQUIRED="false",
        )
        manage = [sys.executable, str(ROOT / "manage.py")]
        # Our own manage.py with fixed arguments (S603 is about untrusted input).
        subprocess.run([*manage, "migrate", "--no-input", "--verbosity", "0"], env=env, check=True, cwd=ROOT)  # noqa: S603
        subprocess.run([*manage, "load_demo_content"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)  # noqa: S603
        port = free_port()
        server = subprocess.Popen(  # noqa: S603
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base_url = f"http://127.0.0.1:{port}"
            wait_until_up(f"{base_url}/health/", server)
            saved = shoot(base_url)
        finally:
            server.terminate()
            server.wait(timeout=10)
    total = sum(path.stat().st_size for path in saved)
    for path in saved:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    print(f"{len(saved)} pictures, {total // 1024} KB in all")


if __name__ == "__main__":
    main()
