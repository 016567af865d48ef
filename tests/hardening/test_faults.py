"""Real faults, not simulated ones: our own Redis stopped or frozen, PostgreSQL behind our own
proxy made to refuse or to hang. The machine's own Redis and PostgreSQL are never touched.

What a visitor or member relies on: signing in works whatever Redis does, and the limits come
back by themselves with it; with the database hung every request is answered within seconds
(the 503 page, the cached page, ``/health/``); when the fault ends the same process serves again.
The app runs in-process (Django's test client), its database connection pointed at the proxy.
"""

import json
import os
import select
import shutil
import signal
import socket
import subprocess
import threading
import time

import pytest
import redis

from django.core import mail
from django.db import OperationalError, close_old_connections, connection
from django.test import Client

from config.settings import base
from tests.factories.members import PASSWORD, UserFactory
from tests.hardening.test_settings import run_production

REDIS_SERVER = shutil.which("redis-server")
# Every request must be answered within this many seconds while the fault lasts.
ANSWER_BOUND = 5

pytestmark = pytest.mark.subprocess


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A throw-away redis-server on a free port, with no persistence."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - a fixed command, our own port
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        probe = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while True:
            try:
                probe.ping()
                return
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def freeze(self):
        """Still accepts connections (the kernel does), never answers: a frozen server."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self):
        os.kill(self.process.pid, signal.SIGCONT)

    def cleanup(self):
        if self.process and self.process.poll() is None:
            self.thaw()
            self.stop()


class DatabaseProxy:
    """A TCP proxy in front of PostgreSQL that can refuse connections, or hang: accept them
    and stop forwarding (existing connections freeze too), as a hung server does."""

    def __init__(self, upstream):
        self.upstream = upstream
        self.port = free_port()
        self.forwarding = threading.Event()
        self.forwarding.set()
        self.stopped = False
        self.sockets = set()
        self.lock = threading.Lock()
        self.listener = None
        self.release = None
        self.listen()

    def listen(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self.accept, args=(self.listener,), daemon=True).start()

    def accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                return  # the listener is closed: refusing
            with self.lock:
                self.sockets |= {client, server}
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self.pump, args=(source, target), daemon=True).start()

    def pump(self, source, target):
        try:
            while not self.stopped:
                if not self.forwarding.wait(0.05):
                    continue
                if not select.select([source], [], [], 0.05)[0]:
                    continue
                data = source.recv(65536)
                if not data:
                    break
                target.sendall(data)
        except (OSError, ValueError):
            pass
        finally:
            self.drop(source, target)

    def drop(self, *sockets):
        for sock in sockets:
            with self.lock:
                self.sockets.discard(sock)
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def refuse(self):
        """Connection refused, and every open connection cut: a stopped server."""
        self.drop(self.listener)  # shut down first: that wakes the thread blocked in accept()
        with self.lock:
            open_sockets = list(self.sockets)
        self.drop(*open_sockets)

    def hang(self, release_after=15):
        """Forwarding stops; it comes back after ``release_after`` seconds in any case, so a
        regression makes a test fail slowly (over its bound) instead of hanging the suite."""
        self.forwarding.clear()
        self.release = threading.Timer(release_after, self.forwarding.set)
        self.release.daemon = True
        self.release.start()

    def resume(self):
        if self.release:
            self.release.cancel()
        if self.listener.fileno() == -1:
            self.listen()
        self.forwarding.set()

    def stop(self):
        if self.release:
            self.release.cancel()
        self.stopped = True
        self.forwarding.set()
        self.refuse()


# ---------------------------------------------------------------------------------------------
# Redis down or frozen


@pytest.fixture
def own_redis(settings):
    if not REDIS_SERVER:
        pytest.skip("redis-server is not installed")
    server = RedisServer()
    server.start()
    settings.REDIS_URL = f"redis://127.0.0.1:{server.port}/0"
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    settings.CACHES = {
        "default": {
            "BACKEND": "core.caching.backends.TolerantRedisCache",
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": "faults",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            # Redis is tried again on every call: the limits are back as soon as it is.
            "OUTAGE_RETRY_SECONDS": 0,
        }
    }
    yield server
    server.cleanup()


def sign_in(client, email):
    response = client.post("/fr/accounts/login/", {"login": email, "password": PASSWORD})
    return response.status_code == 302 and "_auth_user_id" in client.session


def ask_reset(email):
    return Client().post("/en/accounts/password/reset/", {"email": email}).status_code


@pytest.mark.django_db
def test_with_redis_stopped_members_sign_in_and_the_limits_return_with_it(own_redis, site_tree):
    UserFactory(email="membre@example.org")
    own_redis.stop()
    assert sign_in(Client(), "membre@example.org")
    # Over the limit (3 a quarter of an hour per address), and every email is sent.
    assert [ask_reset("membre@example.org") for _ in range(4)] == [302] * 4
    assert len(mail.outbox) == 4

    own_redis.start()  # same port, empty: the limit counts from zero, without a restart
    assert [ask_reset("membre@example.org") for _ in range(4)] == [302, 302, 302, 429]
    assert len(mail.outbox) == 7
    assert Client().get("/health/").status_code == 200


@pytest.mark.django_db
def test_with_redis_frozen_members_sign_in_within_the_bound(own_redis, site_tree, settings):
    # The production value: one wait for the socket's time-out, then Redis is skipped for 5 s.
    settings.CACHES = {"default": {**settings.CACHES["default"], "OUTAGE_RETRY_SECONDS": 5}}
    UserFactory(email="membre@example.org")
    own_redis.freeze()
    started = time.monotonic()
    assert sign_in(Client(), "membre@example.org")
    assert time.monotonic() - started < ANSWER_BOUND
    started = time.monotonic()
    response = Client().get("/health/")
    assert time.monotonic() - started < ANSWER_BOUND
    assert response.status_code == 503
    assert response.json()["cache"] == "down"


# ---------------------------------------------------------------------------------------------
# PostgreSQL refusing or hung


@pytest.fixture
def database_proxy():
    """The app's database connection goes through our proxy for the test, then back."""
    real = {key: connection.settings_dict[key] for key in ("HOST", "PORT")}
    proxy = DatabaseProxy((real["HOST"] or "127.0.0.1", int(real["PORT"] or 5432)))
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(proxy.port))
    try:
        yield proxy
    finally:
        proxy.stop()
        connection.close()
        connection.settings_dict.update(real)


def timed_get(path):
    """One request as a worker serves it: Django's WSGI handler checks the kept connection before
    and after each request (``close_old_connections``); the test client leaves that out."""
    started = time.monotonic()
    close_old_connections()
    response = Client().get(path)
    close_old_connections()
    return response, time.monotonic() - started


def status(path):
    return timed_get(path)[0].status_code


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_hung_database_gets_answers_within_seconds_and_the_site_recovers(site_tree, database_proxy):
    cached, _elapsed = timed_get("/fr/")  # an anonymous visitor's page, now in the page cache
    assert cached.status_code == 200
    # A new connection for each request (CONN_MAX_AGE=0): none is left to freeze with the database.
    assert connection.connection is None

    # Without a connect timeout what follows would wait forever: fail at once instead.
    assert connection.settings_dict["OPTIONS"].get("connect_timeout")
    database_proxy.hang()

    response, elapsed = timed_get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "down"
    assert elapsed < ANSWER_BOUND

    response, elapsed = timed_get("/fr/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert elapsed < ANSWER_BOUND

    response, elapsed = timed_get("/en/")
    assert response.status_code == 503
    assert "The site is briefly unavailable" in response.content.decode()
    assert response["Retry-After"]
    assert elapsed < ANSWER_BOUND

    database_proxy.resume()
    assert status("/en/") == 200
    assert status("/health/") == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_refusing_connections_gets_the_outage_page_and_the_site_recovers(site_tree, database_proxy):
    assert status("/fr/") == 200
    database_proxy.refuse()  # cuts open connections, and refuses new ones

    for path, title in (("/en/", "The site is briefly unavailable"), ("/fr/?page=2", "momentanément indisponible")):
        response, elapsed = timed_get(path)
        assert response.status_code == 503
        assert title in response.content.decode()
        assert elapsed < ANSWER_BOUND
    assert status("/fr/") == 200  # still in the page cache
    assert status("/health/") == 503

    database_proxy.resume()
    assert status("/en/") == 200
    assert status("/health/") == 200


@pytest.mark.postgres
# Transactional: health's own bound is local to its transaction, which must not be the test's.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_waits_are_bounded_and_health_keeps_its_own_bound_local(client):
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == 3
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "5s"
    assert client.get("/health/").json()["database"] == "ok"
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "5s"


@pytest.mark.parametrize(
    ("environment", "connect_timeout", "statement_timeout"),
    [
        ({}, 3, "-c statement_timeout=5000"),
        ({"DATABASE_CONNECT_TIMEOUT": "7", "DATABASE_STATEMENT_TIMEOUT": "0"}, 7, "-c statement_timeout=0"),
    ],
)
def test_the_database_time_outs_are_set_by_the_environment(environment, connect_timeout, statement_timeout):
    code = "import json\nfrom django.conf import settings\nprint(json.dumps(settings.DATABASES['default']['OPTIONS']))"
    database = {"DATABASE_URL": "postgres://coalition@db.example.org:5432/coalition"}
    result = run_production(code, extra_env={**database, **environment})
    assert result.returncode == 0, result.stderr
    options = json.loads(result.stdout)
    assert options["connect_timeout"] == connect_timeout
    assert options["options"] == statement_timeout


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_statement_over_the_time_out_is_cancelled_as_an_outage():
    """What the outage page catches: the server cancels the statement, psycopg raises OperationalError."""
    with connection.cursor() as cursor, pytest.raises(OperationalError, match="statement timeout"):
        cursor.execute("SET LOCAL statement_timeout = 50")
        cursor.execute("SELECT pg_sleep(2)")
