"""Two app servers and two task workers on one machine, sharing one PostgreSQL, one Redis and one bucket.

Shows that the app servers are stateless and the workers share their queue, as in production
(docs/deployment.md): a page published and a document uploaded through the first server are read
through the second; a member signed in on one stays signed in on the other; failed sign-ins count
across both (rate limits in Redis) and a page cached by one is served from the cache by the
other; N background tasks each run exactly once across the two workers, even when the worker
running one of them is killed half-way (a restarted worker takes it back).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coalition REDIS_URL=redis://127.0.0.1:6379/6 \\
        python bench/two_servers.py

The database must be migrated. Without ``AWS_STORAGE_BUCKET_NAME`` the script starts moto's S3
server and a bucket of its own. It creates its own accounts and pages (names with a random
suffix) and leaves them. ``tests/deployment/test_two_servers.py`` runs the same checks.
"""

import json
import mimetypes
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.cookies import SimpleCookie
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load_test import CSRF_FIELD, OPENER, free_port
from bench.load_test import Browser as LoadTestBrowser

BASE_DIR = Path(__file__).resolve().parent.parent
PASSWORD = "two-servers-Pa55word"  # noqa: S105 (accounts made for this run)
WRONG_PASSWORD = "not-the-password"  # noqa: S105
TASKS = 12
TASKS_RUNNING_TIMEOUT = 2


# Every request carries the site's one host name, as behind a load balancer: allauth's failed
# sign-in counter and the page cache are keyed by it (each server has its own port here).
HOST = "127.0.0.1"


class Browser(LoadTestBrowser):
    """The load test's browser (cookies kept by hand), sending the site's host name to any server."""

    def request(self, path, data=None, referer=None):
        request = urllib.request.Request(  # noqa: S310 (loopback)
            self.base + path,
            data=urllib.parse.urlencode(data).encode() if data is not None else None,
            headers=self.headers(referer),
        )
        return self.send(request)

    def headers(self, referer=None):
        headers = {"Accept-Language": "fr", "Host": HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if referer:
            headers["Referer"] = f"http://{HOST}{referer}"
        return headers

    def send(self, request):
        try:
            response = OPENER.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, response.headers.get("Location", ""), content


class Cluster:
    """gunicorn twice and ``manage.py db_worker`` twice, one environment, production settings
    (``bench.cluster_settings``: the same, with static files found without collectstatic)."""

    def __init__(self, environment):
        self.environment = {
            **{key: value for key, value in os.environ.items() if key not in {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}},
            "DJANGO_SETTINGS_MODULE": "bench.cluster_settings",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": "http://127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "TASKS_RUNNING_TIMEOUT": str(TASKS_RUNNING_TIMEOUT),
            # Staff sign in with a password only here: the second factor is not what is shown.
            "ADMIN_MFA_REQUIRED": "false",
            "CACHE_KEY_PREFIX": f"two-servers-{uuid.uuid4().hex[:8]}",
            **environment,
        }
        self.servers = []
        self.workers = {}

    def start(self):
        for _ in range(2):
            port = free_port()
            process = subprocess.Popen(  # noqa: S603 (our own interpreter)
                [
                    *(sys.executable, "-m", "gunicorn", "config.wsgi:application"),
                    *("--bind", f"127.0.0.1:{port}", "--workers", "1", "--log-level", "warning"),
                ],
                cwd=BASE_DIR,
                env=self.environment,
            )
            self.servers.append((f"http://127.0.0.1:{port}", process))
        self.start_worker("worker-a")
        self.start_worker("worker-b")
        deadline = time.monotonic() + 90
        for base, process in self.servers:
            while True:
                assert process.poll() is None, f"the server at {base} stopped"
                try:
                    health = urllib.request.Request(f"{base}/health/", headers={"Host": HOST})  # noqa: S310
                    with OPENER.open(health, timeout=10) as response:
                        if response.status == 200:
                            break
                except OSError:  # refused, or no answer yet while the worker imports the app
                    pass
                assert time.monotonic() < deadline, f"the server at {base} did not answer"
                time.sleep(0.2)
        return self

    def start_worker(self, worker_id):
        self.workers[worker_id] = subprocess.Popen(  # noqa: S603 (our own interpreter)
            [
                *(sys.executable, "manage.py", "db_worker", "--worker-id", worker_id),
                *("--no-startup-delay", "--no-reload", "--interval", "0.1"),
            ],
            cwd=BASE_DIR,
            env=self.environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def kill_worker(self, worker_id):
        process = self.workers.pop(worker_id)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self):
        processes = [process for _base, process in self.servers] + list(self.workers.values())
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    @property
    def first(self):
        return self.servers[0][0]

    @property
    def second(self):
        return self.servers[1][0]


def prepare(run):
    """Accounts, a draft page and the task markers' folder, in the database the servers use."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    from wagtail.models import Collection, Locale

    from home.models import HomePage, StandardPage
    from resources.collections import members_group

    User = get_user_model()
    # Hashed with production's hasher: the test process that prepares may use a faster one.
    hasher = PBKDF2PasswordHasher()
    password = hasher.encode(PASSWORD, hasher.salt())
    staff = User.objects.create_superuser(email=f"staff-{run}@example.org", password=None)
    member = User.objects.create_user(email=f"member-{run}@example.org", password=None)
    User.objects.filter(pk__in=[staff.pk, member.pk]).update(password=password)
    member.groups.add(members_group())
    from allauth.account.models import EmailAddress

    for user in (staff, member):
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    home = HomePage.objects.get(locale=Locale.objects.get(language_code="fr"))
    page = home.add_child(instance=StandardPage(title=f"Annonce {run}", slug=f"annonce-{run}", live=False))
    page.save_revision()
    return {
        "staff": staff.email,
        "member": member.email,
        "page_id": page.pk,
        "page_url": f"/fr/annonce-{run}/",
        "collection": str(Collection.get_first_root_node().pk),
    }


def sign_in(browser, email, password=PASSWORD):
    status, token = browser.form_token("/fr/accounts/login/")
    assert status == 200 and token, f"no sign-in form ({status})"
    data = {"csrfmiddlewaretoken": token, "login": email, "password": password}
    return browser.request("/fr/accounts/login/", data, "/fr/accounts/login/")


def upload(browser, path, fields, file_field, filename, content):
    """A multipart POST, as a browser sends a form with a file."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    headers = {**browser.headers(path), "Content-Type": f"multipart/form-data; boundary={boundary}"}
    request = urllib.request.Request(browser.base + path, data=b"".join(parts), headers=headers)  # noqa: S310
    return browser.send(request)


def check_publish_and_upload(cluster, facts):
    """Publish a page and upload a document through the first server; read both through the second."""
    staff = Browser(cluster.first)
    status, location, _ = sign_in(staff, facts["staff"])
    assert status == 302, f"staff sign-in on the first server: {status}"

    reader = Browser(cluster.second)
    assert reader.request(facts["page_url"])[0] == 404, "the draft is already public"

    bulk = f"/admin/bulk/wagtailcore/page/publish/?id={facts['page_id']}"
    _status, _location, content = staff.request(bulk)
    token = CSRF_FIELD.search(content.decode()).group(1)
    status, _location, _ = staff.request(bulk, {"csrfmiddlewaretoken": token}, bulk)
    assert status == 302, f"publishing through the first server: {status}"
    status, _location, content = reader.request(facts["page_url"])
    assert status == 200 and f"Annonce {facts['run']}".encode() in content, f"the page on the second server: {status}"

    _status, _location, content = staff.request("/admin/documents/add/")
    token = CSRF_FIELD.search(content.decode()).group(1)
    pdf = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n%" + facts["run"].encode() + b"\n"
    )
    status, _location, content = upload(
        staff,
        "/admin/documents/add/",
        {"csrfmiddlewaretoken": token, "title": f"Compte rendu {facts['run']}", "collection": facts["collection"]},
        "file",
        f"compte-rendu-{facts['run']}.pdf",
        pdf,
    )
    assert status == 302, f"upload through the first server: {status} {content[:300]!r}"

    from wagtail.documents import get_document_model

    document = get_document_model().objects.get(title=f"Compte rendu {facts['run']}")
    # Staff read it through the second server (their session too comes from the first).
    staff_on_second = Browser(cluster.second)
    staff_on_second.cookies = dict(staff.cookies)
    status, location, _ = staff_on_second.request(document.url)
    assert status == 302 and location.startswith("http"), f"the document on the second server: {status} {location}"
    with urllib.request.urlopen(location, timeout=10) as response:  # noqa: S310 (the bucket's signed address)
        assert response.read() == pdf, "the second server handed out another file"
    return document


def check_session(cluster, facts):
    member = Browser(cluster.first)
    status, _location, _ = sign_in(member, facts["member"])
    assert status == 302, f"member sign-in on the first server: {status}"
    on_second = Browser(cluster.second)
    on_second.cookies = dict(member.cookies)
    status, location, _ = on_second.request("/fr/members/")
    assert status == 200, f"the member's dashboard on the second server: {status} {location}"


def check_rate_limits(cluster, facts):
    """5 wrong passwords per address in 5 minutes (ACCOUNT_RATE_LIMITS), counted across both servers."""
    for attempt in range(5):
        browser = Browser(cluster.servers[attempt % 2][0])
        status, _location, _ = sign_in(browser, facts["member"], password=WRONG_PASSWORD)
        assert status in (200, 400), f"wrong password {attempt + 1}: {status}"
    status, _location, _ = sign_in(Browser(cluster.second), facts["member"], password=WRONG_PASSWORD)
    assert status == 429, f"the sixth wrong password (second server) was not limited: {status}"


def check_page_cache(cluster, facts):
    def fetch(base):
        request = urllib.request.Request(base + facts["page_url"], headers={"Host": HOST})  # noqa: S310 (loopback)
        with OPENER.open(request, timeout=10) as response:
            return response.headers.get("X-Page-Cache")

    first, second = fetch(cluster.first), fetch(cluster.second)
    assert second == "hit", f"the second server did not serve the first's cached page: {first}, {second}"


def enqueue_tasks(folder, count=TASKS):
    """``count`` tasks; the one at the middle hangs on its first attempt until its worker is killed."""
    from django_tasks_db.backend import DatabaseBackend

    from bench.two_servers_jobs import record_once

    backend = DatabaseBackend("default", {})
    return [backend.enqueue(record_once, [str(folder), n, n == count // 2], {}).id for n in range(count)]


def check_tasks(cluster, folder):
    """Each task runs to the end exactly once across the workers, though one worker is killed mid-task."""
    from django_tasks_db.models import DBTaskResult

    folder = Path(folder)
    ids = enqueue_tasks(folder)
    hanging = folder / "hanging"
    deadline = time.monotonic() + 30
    while not hanging.exists():
        assert time.monotonic() < deadline, "no worker started the hanging task"
        time.sleep(0.05)
    victim = hanging.read_text()
    cluster.kill_worker(victim)
    # The process manager starts it again (Restart=always); once the task has been running for longer
    # than TASKS_RUNNING_TIMEOUT, a worker starting up queues it again.
    time.sleep(TASKS_RUNNING_TIMEOUT + 0.5)
    cluster.start_worker(f"{victim}-restarted")
    deadline = time.monotonic() + 40
    while DBTaskResult.objects.filter(id__in=ids, status="SUCCESSFUL").count() < len(ids):
        failed = DBTaskResult.objects.filter(id__in=ids, status="FAILED").first()
        assert failed is None, f"task failed: {failed.exception_class_path if failed else ''}"
        assert time.monotonic() < deadline, "the tasks did not all finish"
        time.sleep(0.2)
    done = sorted(path.name for path in folder.glob("done-*"))
    assert done == sorted(f"done-{n}" for n in range(TASKS)), f"tasks finished: {done}"
    workers = {worker for result in DBTaskResult.objects.filter(id__in=ids) for worker in result.worker_ids}
    assert {"worker-a", "worker-b"} <= workers, f"both workers took tasks: {workers}"
    return victim


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(64))
    os.environ.setdefault("SITE_URL", "http://127.0.0.1")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not os.environ.get("REDIS_URL"):
        print("Set DATABASE_URL (PostgreSQL, migrated) and REDIS_URL: the servers share them.")
        return 2
    s3 = None
    if not os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        from tests.s3 import S3Server

        s3 = S3Server().start()
        os.environ.update(s3.environment(s3.new_bucket()))
    import django

    django.setup()
    run = uuid.uuid4().hex[:8]
    facts = {**prepare(run), "run": run}
    cluster = Cluster({})
    try:
        cluster.start()
        results = {}
        for name, check in (
            ("page and document", lambda: check_publish_and_upload(cluster, facts)),
            ("session", lambda: check_session(cluster, facts)),
            ("rate limits", lambda: check_rate_limits(cluster, facts)),
            ("page cache", lambda: check_page_cache(cluster, facts)),
            ("tasks", lambda: check_tasks(cluster, tempfile.mkdtemp(prefix="two-servers-"))),
        ):
            try:
                check()
                results[name] = "ok"
            except AssertionError as error:
                results[name] = f"FAILED: {error}"
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0 if all(value == "ok" for value in results.values()) else 1
    finally:
        cluster.stop()
        if s3:
            s3.stop()


if __name__ == "__main__":
    sys.exit(main())
