"""Beyond one box (README, "Scaling out"): two gunicorn app servers on different ports, each
with a folder of its own, share one PostgreSQL and one Redis. A phone number changed in the
admin through one shows on the other at its next request, and pages either one kept are
current on both.

Needs the database and cache a clinic group would share, so it runs when DATABASE_URL is
PostgreSQL and REDIS_URL is set (as `bash .ci/run` does), and is skipped otherwise.
"""

import http.cookiejar
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from clinic_site.demo.loader import load_demo
from conditions.models import Symptom
from tests.admin_forms import form_data_from_html

CHECKOUT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
GUIDE = "/conditions/leg-spasms-and-cramping/"
DEMO_PHONE = "+1-915-850-0900"
PROFILE = "/admin/clinic_site/clinicprofile/1/change/"
SITE_NAME = "clinic.example.org"

pytestmark = [
    pytest.mark.django_db(transaction=True),  # the servers must see the rows: commit them
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL")
        or not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="two app servers need a shared PostgreSQL and Redis (DATABASE_URL, REDIS_URL)",
    ),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    """The test database this process uses, as a URL for the servers."""
    db = connection.settings_dict
    credentials = urllib.parse.quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + urllib.parse.quote(db["PASSWORD"])
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{db['NAME']}"


class AppServer:
    """One gunicorn of the site, as a clinic group would run it on another machine: its
    own folder for var/ (no file cache, no media, nothing local is shared)."""

    def __init__(self, name, folder, environment):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"{name}.log"
        self.process = subprocess.Popen(
            [GUNICORN, "--config", "gunicorn.conf.py", "--access-logfile", "-"],
            cwd=CHECKOUT,
            env=environment | {"PORT": str(self.port), "CLINIC_VAR_DIR": str(folder)},
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def wait_until_up(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"{self.url} did not start:\n{self.log.read_text()}")

    def request(self, path, data=None):
        """A request as the load balancer passes it on: for the site's name, not the port."""
        return urllib.request.Request(self.url + path, data=data, headers={"Host": SITE_NAME})

    def get(self, path, opener=None):
        """(status, headers, text) of a GET, as a patient's browser (no cookie) asks."""
        opener = opener or urllib.request.build_opener()
        try:
            with opener.open(self.request(path), timeout=10) as answer:
                return answer.status, answer.headers, answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="module")
def app_servers(django_db_setup, tmp_path_factory):
    """Two servers for the whole module, on the test database; each test loads its rows."""
    folder = tmp_path_factory.mktemp("app-servers")
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "CLINIC_", "GUNICORN_", "EMAIL_"))
    } | {
        "CLINIC_ENV_FILE": str(folder / "no.env"),
        "DATABASE_URL": database_url(),
        "REDIS_URL": os.environ["REDIS_URL"],
        "CACHE_KEY_PREFIX": settings.CACHES["default"].get("KEY_PREFIX", ""),
        # Every app server of a site signs with the same key.
        "DJANGO_SECRET_KEY": "two-app-servers-test-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": f"{SITE_NAME},127.0.0.1",  # 127.0.0.1: the health check
        "CLINIC_PAGE_CACHE": "on",
        "WEB_CONCURRENCY": "1",
    }
    folders = [folder / "server-a", folder / "server-b"]
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=CHECKOUT,
        env=environment | {"CLINIC_VAR_DIR": str(folders[0])},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert collected.returncode == 0, collected.stderr
    shutil.copytree(folders[0] / "static", folders[1] / "static")
    servers = [
        AppServer(name, folder, environment) for name, folder in zip("ab", folders, strict=True)
    ]
    try:
        for server in servers:
            server.wait_until_up()
        yield servers
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def two_servers(app_servers):
    load_demo(with_logins=True)
    # The suite hashes passwords with MD5 for speed; the servers know only the real hashers.
    receptionist = get_user_model().objects.get(username="receptionist")
    hasher = PBKDF2PasswordHasher()
    receptionist.password = hasher.encode("receptionist-demo", hasher.salt())
    receptionist.save()
    return app_servers


def signed_in(server, username, password):
    """An opener holding an admin session on `server`."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    _status, _headers, form = server.get("/admin/login/", opener)
    data = form_data_from_html(form) | {"username": username, "password": password}
    body = urllib.parse.urlencode(data).encode()
    with opener.open(server.request("/admin/login/", body)) as page:
        assert page.url.endswith("/admin/"), page.read().decode()[:500]
    return opener


def save_in_admin(server, opener, path, **changes):
    _status, _headers, form = server.get(path, opener)
    data = form_data_from_html(form) | changes
    body = urllib.parse.urlencode(data, doseq=True).encode()
    with opener.open(server.request(path, body)) as answer:
        assert "/change/" not in answer.url or "was changed successfully" in answer.read().decode()


def test_a_phone_changed_through_one_server_shows_on_the_other_at_the_next_request(two_servers):
    server_a, server_b = two_servers
    for server in (server_a, server_b, server_a, server_b):
        status, headers, text = server.get(GUIDE)
        assert status == 200 and DEMO_PHONE in text
    # The page one server built is the one the other serves: the cache is shared.
    assert headers["X-Page-Cache"] == "hit"

    receptionist = signed_in(server_a, "receptionist", "receptionist-demo")
    save_in_admin(server_a, receptionist, PROFILE, phone="+1-915-555-0142")

    for server in (server_b, server_a):
        for path in (GUIDE, "/", "/contact/"):
            status, headers, text = server.get(path)
            assert status == 200
            assert "+1-915-555-0142" in text, (server.url, path)
            assert DEMO_PHONE not in text, (server.url, path)


def test_a_record_changed_anywhere_makes_both_servers_build_the_guide_again(two_servers):
    server_a, server_b = two_servers
    server_a.get(GUIDE)
    assert server_b.get(GUIDE)[1]["X-Page-Cache"] == "hit"
    symptom = Symptom.objects.filter(condition_links__condition__guide__slug=GUIDE.split("/")[2])
    symptom = symptom.first()

    symptom.name = "Sample renamed symptom"
    symptom.save()  # committed at once: this test's database is not in a transaction

    for server in (server_a, server_b):
        _status, headers, text = server.get(GUIDE)
        assert "Sample renamed symptom" in text, server.url
    assert headers["X-Page-Cache"] == "hit"  # b serves what a built after the change
