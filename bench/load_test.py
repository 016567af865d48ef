"""Bounded load test: gunicorn on this machine, anonymous reading in both languages and members at work.

    .venv/bin/python bench/load_test.py --seconds 60 --workers 8 --members 6

Starts gunicorn on 127.0.0.1 (a free port) with the current settings (set DATABASE_URL to a
PostgreSQL database holding the demo content: ``manage.py migrate && manage.py
load_demo_content``), and for at most ``--seconds`` and ``--max-requests`` drives:

- anonymous GETs (every sitemap page in both languages, search, health, robots) from
  ``--workers`` threads;
- ``--members`` simulated members, one thread each: they sign in through allauth's form
  (CSRF token from the form), then join and leave open working groups (sometimes with a
  double click: two identical POSTs at once), download members-only resources, open their
  dashboard, and sign out at the end.

The members are dedicated accounts (``load-member-N@loadtest.invalid``, approved, verified,
a fresh random password each run), created or reset by this script in the same database
before the run; their group memberships start empty. At the end it compares the database
with what it did and exits non-zero on any difference:

- per member and group: an active membership exactly when joins minus leaves is 1, at most
  one row per member and group (no duplicates), nothing in a group it never joined;
- per resource: the download count and the monthly count rose by exactly the number of
  downloads that succeeded (200 with the file);

and also on any 5xx, any connection error, or any member request answered with something
else than expected (e.g. a 403 or a 429). Traffic goes to 127.0.0.1 only.
"""

import argparse
import os
import random
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PATHS = ["/fr/", "/en/", "/fr/search/?q=groupe", "/en/search/?q=group", "/sitemap.xml", "/health/", "/robots.txt"]
MEMBER_EMAIL = "load-member-{}@loadtest.invalid"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


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


# --- the database side: set up the members before, compare after (Django in this process) ---


def setup_django():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
    import django

    django.setup()


def prepare(member_count):
    """Dedicated approved members with a fresh password and no memberships; what they can reach."""
    from allauth.account.models import EmailAddress

    from django.db import connections
    from django.db.models import Sum

    from wagtail.models import Locale

    from members.access import sync_members_group
    from members.models import GroupMembership, GroupSettings, MemberOrganisation, MemberProfile, User
    from resources.models import Resource, ResourceDownloadMonth
    from workinggroups.models import WorkingGroupPage

    organisation, _ = MemberOrganisation.objects.get_or_create(
        name="Load test organisation", defaults={"province": "QC", "status": MemberOrganisation.Status.ACTIVE}
    )
    if organisation.status != MemberOrganisation.Status.ACTIVE:
        organisation.status = MemberOrganisation.Status.ACTIVE
        organisation.save()
    members = []
    for number in range(member_count):
        email = MEMBER_EMAIL.format(number)
        user = User.objects.filter(email=email).first() or User.objects.create_user(email=email)
        password = secrets.token_urlsafe(16)
        user.set_password(password)
        user.first_name, user.last_name = "Load", f"Member {number}"
        user.preferred_language = "fr" if number % 2 == 0 else "en"
        user.is_active = True
        user.save()
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        MemberProfile.objects.update_or_create(
            user=user, defaults={"organisation": organisation, "status": MemberProfile.Status.APPROVED}
        )
        sync_members_group(user)
        GroupMembership.objects.filter(user=user).delete()
        members.append({"id": user.pk, "email": email, "password": password, "language": user.preferred_language})

    default = Locale.get_default()
    on_request = set(
        GroupSettings.objects.filter(join_policy=GroupSettings.JoinPolicy.ON_REQUEST).values_list("group_id", flat=True)
    )
    groups = {}  # default-locale page id → ids of the group's page in every language
    for page in WorkingGroupPage.objects.live().filter(locale=default).exclude(pk__in=on_request):
        groups[page.pk] = list(
            WorkingGroupPage.objects.live().filter(translation_key=page.translation_key).values_list("pk", flat=True)
        )
    resources = {
        resource.pk: {"url": resource.get_download_url(), "count": resource.download_count}
        for resource in Resource.objects.live()
        .filter(audience=Resource.Audience.MEMBERS, document__isnull=False)
        .select_related("locale")
    }
    monthly = dict(
        ResourceDownloadMonth.objects.filter(resource_id__in=resources)
        .values("resource_id")
        .annotate(total=Sum("count"))
        .values_list("resource_id", "total")
    )
    for resource_id, resource in resources.items():
        resource["monthly"] = monthly.get(resource_id, 0)
    connections.close_all()
    return members, groups, resources


def compare(members, groups, resources, expected_groups, downloads, joins_leaves):
    """Differences between the database and what the members did (an empty list when none)."""
    from django.db import connections
    from django.db.models import Count, Sum

    from members.models import GroupMembership
    from resources.models import Resource, ResourceDownloadMonth

    problems = []
    member_ids = [member["id"] for member in members]
    rows = GroupMembership.objects.filter(user_id__in=member_ids)
    for duplicate in rows.values("user_id", "group_id").annotate(n=Count("id")).filter(n__gt=1):
        problems.append(f"duplicate membership rows: {duplicate}")
    active = set(rows.filter(status=GroupMembership.Status.ACTIVE).values_list("user_id", "group_id"))
    for member in members:
        for group_id in groups:
            key = (member["id"], group_id)
            joins, leaves = joins_leaves[key]
            if joins - leaves not in (0, 1):
                problems.append(f"member {member['email']} group {group_id}: {joins} joins, {leaves} leaves")
            if (key in active) != (key in expected_groups):
                problems.append(
                    f"member {member['email']} group {group_id}: database says "
                    f"{'active' if key in active else 'not active'}, {joins} joins and {leaves} leaves say otherwise"
                )
    strangers = rows.exclude(group_id__in=list(groups)).count()
    if strangers:
        problems.append(f"{strangers} memberships in groups the members never joined")
    counts = dict(Resource.objects.filter(pk__in=resources).values_list("pk", "download_count"))
    monthly = dict(
        ResourceDownloadMonth.objects.filter(resource_id__in=resources)
        .values("resource_id")
        .annotate(total=Sum("count"))
        .values_list("resource_id", "total")
    )
    for resource_id, resource in resources.items():
        done = downloads[resource_id]
        if counts[resource_id] - resource["count"] != done:
            problems.append(
                f"resource {resource_id}: download count rose by {counts[resource_id] - resource['count']}, "
                f"{done} downloads succeeded"
            )
        if monthly.get(resource_id, 0) - resource["monthly"] != done:
            problems.append(f"resource {resource_id}: monthly count does not match {done} downloads")
    connections.close_all()
    return problems


# --- the HTTP side ----------------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Browser:
    """One member's browser: cookies kept by hand (production cookies are Secure, and this is
    plain HTTP on loopback, so urllib's cookie jar would not send them back)."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}
        self.lock = threading.Lock()

    def request(self, path, data=None, referer=None):
        headers = {"Accept-Language": "fr"}
        with self.lock:
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if referer:
            headers["Referer"] = self.base + referer
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers)  # noqa: S310 (loopback)
        try:
            response = OPENER.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        content = response.read()
        with self.lock:
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
        return response.status, response.headers.get("Location", ""), content

    def form_token(self, path):
        status, _location, content = self.request(path)
        match = CSRF_FIELD.search(content.decode(errors="replace"))
        return status, match.group(1) if match else None


def double_click(browser, path, data, referer):
    """The same POST twice at once, as a double click sends it."""
    results = []

    def click():
        results.append(browser.request(path, data, referer))

    clicks = [threading.Thread(target=click) for _ in range(2)]
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=8, help="concurrent anonymous client threads")
    parser.add_argument("--members", type=int, default=6, help="simulated members, one thread each (0: none)")
    parser.add_argument("--gunicorn-workers", type=int, default=2)
    args = parser.parse_args()

    setup_django()
    members, groups, resources = prepare(args.members)
    if args.members and not (groups and resources):
        print(
            f"FAILED: the database needs open working groups ({len(groups)}) and members-only resources "
            f"({len(resources)}): run manage.py load_demo_content"
        )
        return 1

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
    lock = threading.Lock()
    statuses, errors, unexpected = Counter(), Counter(), Counter()
    actions = Counter()
    downloads = Counter()
    joins_leaves = {(member["id"], group_id): [0, 0] for member in members for group_id in groups}
    expected_groups = set()
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
        deadline = time.monotonic() + args.seconds
        budget = iter(range(args.max_requests))

        def take():
            with lock:
                return time.monotonic() < deadline and next(budget, None) is not None

        def note(status, what, expected):
            with lock:
                statuses[status] += 1
                if status not in expected:
                    unexpected[f"{what} → {status}"] += 1
            return status in expected

        def anonymous():
            rng = random.Random()  # noqa: S311 (traffic mix, not security)
            while take():
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

        def member_at_work(member):
            rng = random.Random()  # noqa: S311 (traffic mix, not security)
            browser = Browser(base)
            language = member["language"]
            login = f"/{language}/accounts/login/"
            dashboard = f"/{language}/members/"
            inside = set()  # canonical group ids this member is in, as far as it knows
            try:
                _status, token = browser.form_token(login)
                status, location, _ = browser.request(
                    login,
                    {"login": member["email"], "password": member["password"], "csrfmiddlewaretoken": token},
                    referer=login,
                )
                if not note(status, "sign in", {302}) or location != dashboard:
                    with lock:
                        unexpected[f"sign in → {location}"] += 1
                    return
                with lock:
                    actions["sign in"] += 1
                while take():
                    choice = rng.random()
                    if choice < 0.4:
                        group_id = rng.choice(list(groups))
                        page_id = rng.choice(groups[group_id])  # either language: one group
                        verb = "leave" if group_id in inside else "join"
                        status, token = browser.form_token(dashboard)
                        if not note(status, "dashboard", {200}) or token is None:
                            continue
                        url = f"/{language}/members/groups/{page_id}/{verb}/"
                        data = {"csrfmiddlewaretoken": token, "next": dashboard}
                        if verb == "join" and rng.random() < 0.3:
                            # A double click: the same join twice at once; one membership comes of it.
                            results = double_click(browser, url, data, dashboard)
                            oks = [note(result[0], "join (double click)", {302}) for result in results]
                            done = len(oks) == 2 and all(oks)
                            verb_done = "join (double click)"
                        else:
                            status, _location, _ = browser.request(url, data, dashboard)
                            done = note(status, verb, {302})
                            verb_done = verb
                        if done:
                            with lock:
                                actions[verb_done] += 1
                                joins_leaves[(member["id"], group_id)][0 if verb == "join" else 1] += 1
                            if verb == "join":
                                inside.add(group_id)
                            else:
                                inside.discard(group_id)
                    elif choice < 0.85:
                        resource_id = rng.choice(list(resources))
                        status, _location, content = browser.request(resources[resource_id]["url"])
                        if note(status, "download", {200}) and content:
                            with lock:
                                actions["download"] += 1
                                downloads[resource_id] += 1
                    else:
                        note(browser.request(dashboard)[0], "dashboard", {200})
                _status, token = browser.form_token(dashboard)
                status, _location, _ = browser.request(
                    f"/{language}/accounts/logout/", {"csrfmiddlewaretoken": token}, dashboard
                )
                if note(status, "sign out", {302}):
                    with lock:
                        actions["sign out"] += 1
            except OSError as error:
                with lock:
                    errors[type(error).__name__] += 1
            finally:
                with lock:
                    for group_id in inside:
                        expected_groups.add((member["id"], group_id))

        threads = [threading.Thread(target=anonymous) for _ in range(args.workers)]
        threads += [threading.Thread(target=member_at_work, args=(member,)) for member in members]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    problems = compare(members, groups, resources, expected_groups, downloads, joins_leaves) if members else []
    total = sum(statuses.values())
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    print(f"{total} requests in {elapsed:.1f}s ({total / elapsed:.0f}/s) over {len(paths)} anonymous paths")
    print("statuses:", dict(sorted(statuses.items())), "connection errors:", dict(errors))
    if members:
        print(
            f"{len(members)} members, {len(groups)} open groups, {len(resources)} members-only resources:",
            dict(sorted(actions.items())),
        )
        print(
            f"database: {len(expected_groups)} active memberships expected and found"
            if not problems
            else "database differs from what the members did:"
        )
    for problem in problems:
        print("  -", problem)
    if unexpected:
        print("unexpected answers to members:", dict(unexpected))
    if server_errors or errors or not total or problems or unexpected:
        print(
            f"FAILED: {server_errors} responses 5xx, {sum(errors.values())} connection errors, "
            f"{sum(unexpected.values())} unexpected answers, {len(problems)} database differences"
        )
        return 1
    print("OK: no 5xx, no connection error, the database holds exactly what the members did")
    return 0


if __name__ == "__main__":
    sys.exit(main())
