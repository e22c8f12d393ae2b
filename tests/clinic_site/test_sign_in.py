"""Signing in to the admin: lockout after repeated failures, two-step sign-in, who sees what."""

import os
import subprocess
import sys
import time

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.test import RequestFactory
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic_site.signin import client_address
from tests.factories import make_guide

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"
TWO_STEP_URL = "/admin/two-step-sign-in/"
LOCKED = "Sign-in is paused"


def sign_in(client, username, password, code="", address="192.0.2.10"):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "code": code, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def current_code(device, seconds_ahead=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + seconds_ahead
    return f"{totp.token():0{device.digits}d}"


def wait_out_the_pause(device):
    """What a second's wait does after a wrong code (django-otp's throttle), without waiting."""
    device.refresh_from_db()
    device.throttle_reset()


@pytest.fixture
def two_step_for_superusers(settings):
    settings.CLINIC_REQUIRE_2FA = "superusers"


@pytest.fixture
def no_two_step_required(settings):
    settings.CLINIC_REQUIRE_2FA = "none"


# --- Lockout -----------------------------------------------------------------------------


def test_fifty_wrong_passwords_lock_the_account_and_then_refuse_the_right_one(client, demo):
    answers = [
        sign_in(client, "practitioner", f"guess-{n}", address=f"203.0.113.{n}").status_code
        for n in range(50)
    ]
    limit = django_settings.AXES_FAILURE_LIMIT
    assert answers[: limit - 1] == [200] * (limit - 1)  # the form again, "wrong password"
    assert answers[limit:] == [429] * (50 - limit)

    response = sign_in(client, "practitioner", "practitioner-demo", address="198.51.100.1")

    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "ask the clinic's administrator to unlock it" in response.content.decode()
    assert client.get("/admin/").status_code == 302  # not signed in


def test_fifty_wrong_passwords_from_one_address_lock_that_address(client, demo):
    for n in range(50):
        sign_in(client, f"someone-{n}", "guess", address="203.0.113.7")

    from_there = sign_in(client, "practitioner", "practitioner-demo", address="203.0.113.7")
    from_elsewhere = sign_in(client, "practitioner", "practitioner-demo", address="198.51.100.2")

    assert from_there.status_code == 429
    assert LOCKED in from_there.content.decode()
    assert from_elsewhere.status_code == 302


def test_a_few_wrong_passwords_do_not_lock_anyone(client, demo):
    for n in range(3):
        sign_in(client, "practitioner", f"typo-{n}")
    assert sign_in(client, "practitioner", "practitioner-demo").status_code == 302


def test_a_superuser_unlocks_a_locked_account_in_the_admin(client, demo, no_two_step_required):
    for n in range(50):
        sign_in(client, "practitioner", f"guess-{n}", address="203.0.113.9")
    assert sign_in(client, "practitioner", "practitioner-demo").status_code == 429

    assert sign_in(client, "admin", "admin-demo", address="198.51.100.3").status_code == 302
    listing = client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "practitioner" in listing.content.decode()
    attempts = AccessAttempt.objects.filter(username="practitioner")
    client.post(
        "/admin/axes/accessattempt/",
        {
            "action": "delete_selected",
            "_selected_action": [str(pk) for pk in attempts.values_list("pk", flat=True)],
            "post": "yes",
        },
    )
    client.post("/admin/logout/")

    assert not AccessAttempt.objects.filter(username="practitioner").exists()
    assert sign_in(client, "practitioner", "practitioner-demo").status_code == 302


@pytest.mark.parametrize("username", ["practitioner", "receptionist"])
def test_staff_who_are_not_superusers_cannot_see_lockouts_or_devices(client, demo, username):
    assert sign_in(client, username, f"{username}-demo").status_code == 302
    for url in [
        "/admin/axes/accessattempt/",
        "/admin/axes/accesslog/",
        "/admin/otp_totp/totpdevice/",
        "/admin/otp_static/staticdevice/",
    ]:
        assert client.get(url).status_code == 403, url
    assert "Access attempts" not in client.get("/admin/").content.decode()


def test_the_address_is_taken_from_the_trusted_proxy_not_from_the_client(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.50"
    )
    settings.CLINIC_TRUSTED_PROXY_COUNT = 0
    assert client_address(request) == "10.0.0.2"
    settings.CLINIC_TRUSTED_PROXY_COUNT = 1
    assert client_address(request) == "203.0.113.50"  # the forged first entry is ignored


# --- Two-step sign-in --------------------------------------------------------------------


@pytest.mark.parametrize("username", ["practitioner", "receptionist", "admin"])
def test_demo_logins_work_without_a_second_step(client, demo, no_two_step_required, username):
    assert sign_in(client, username, f"{username}-demo").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_embedded_set_up_requires_no_second_step_and_production_superusers(tmp_path):
    def required_with(**env):
        environment = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("CLINIC_", "DJANGO_", "DATABASE_"))
        }
        environment |= {
            "CLINIC_VAR_DIR": str(tmp_path),
            "CLINIC_ENV_FILE": str(tmp_path / "no.env"),
            "DJANGO_SETTINGS_MODULE": "clinic_site.settings",
            **env,
        }
        return subprocess.run(
            [
                sys.executable,
                "-c",
                "from django.conf import settings; print(settings.CLINIC_REQUIRE_2FA)",
            ],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    production = {
        "CLINIC_PRODUCTION": "true",
        "DJANGO_SECRET_KEY": "sample-" * 10,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'sample.sqlite3'}",
    }
    assert required_with() == "none"
    assert required_with(**production) == "superusers"
    assert required_with(**production, CLINIC_REQUIRE_2FA="staff") == "staff"


def test_with_the_production_setting_a_superuser_must_set_up_a_second_step(
    client, demo, two_step_for_superusers
):
    response = sign_in(client, "admin", "admin-demo")
    assert response.status_code == 302
    assert response.url == "/admin/two-step-sign-in/"
    assert client.get("/admin/").status_code == 302  # nothing else until it is set up
    assert client.get("/admin/auth/user/").status_code == 302
    # Nor drafts, previews or draft downloads on the site: a password alone shows no more.
    draft = make_guide(published=False, title="Sample draft guide")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"{draft.get_absolute_url()}references.ris").status_code == 404
    assert client.get(f"/articles/preview/{draft.pk}/").status_code == 302

    page = client.get(TWO_STEP_URL)
    assert "<svg" in page.content.decode()  # the QR code, drawn here
    device = TOTPDevice.objects.get(user__username="admin", confirmed=False)
    wrong = client.post(TWO_STEP_URL, {"action": "confirm", "code": "000000"})
    assert "That code is not right" in wrong.content.decode()
    too_soon = client.post(TWO_STEP_URL, {"action": "confirm", "code": current_code(device)})
    assert "Too many wrong codes" in too_soon.content.decode()
    wait_out_the_pause(device)

    done = client.post(TWO_STEP_URL, {"action": "confirm", "code": current_code(device)})

    assert len(done.context["recovery_codes"]) == 10
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_with_the_production_setting_a_superuser_signs_in_with_a_real_code(
    client, demo, two_step_for_superusers
):
    admin = User.objects.get(username="admin")
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)

    without_code = sign_in(client, "admin", "admin-demo")
    assert without_code.status_code == 200
    assert "Enter the code from your authenticator app" in without_code.content.decode()
    wrong_code = sign_in(client, "admin", "admin-demo", code="123456")
    assert "That code is not right" in wrong_code.content.decode()
    assert client.get("/admin/").status_code == 302
    wait_out_the_pause(device)

    assert sign_in(client, "admin", "admin-demo", code=current_code(device)).status_code == 302
    assert client.get("/admin/auth/user/").status_code == 200


def test_a_recovery_code_signs_in_once(client, demo, two_step_for_superusers):
    admin = User.objects.get(username="admin")
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    sign_in(client, "admin", "admin-demo", code=current_code(device))
    codes = client.post(TWO_STEP_URL, {"action": "new_codes"}).context["recovery_codes"]
    client.post("/admin/logout/")

    assert sign_in(client, "admin", "admin-demo", code=codes[0].upper()).status_code == 302
    client.post("/admin/logout/")
    again = sign_in(client, "admin", "admin-demo", code=codes[0])
    assert again.status_code == 200
    assert "That code is not right" in again.content.decode()


def test_whoever_set_up_a_second_step_is_asked_for_it_even_when_none_is_required(
    client, demo, no_two_step_required
):
    practitioner = User.objects.get(username="practitioner")
    TOTPDevice.objects.create(user=practitioner, name="phone", confirmed=True)
    response = sign_in(client, "practitioner", "practitioner-demo")
    assert response.status_code == 200
    assert "Enter the code" in response.content.decode()


def test_requiring_it_of_all_staff_sends_a_practitioner_to_set_it_up(client, demo, settings):
    settings.CLINIC_REQUIRE_2FA = "staff"
    response = sign_in(client, "practitioner", "practitioner-demo")
    assert response.url == "/admin/two-step-sign-in/"
    assert client.get("/admin/articles/article/").status_code == 302


def test_superusers_only_leaves_practitioners_signing_in_with_a_password(
    client, demo, two_step_for_superusers
):
    assert sign_in(client, "practitioner", "practitioner-demo").status_code == 302
    assert client.get("/admin/articles/article/").status_code == 200


# --- Passwords -----------------------------------------------------------------------------


def test_a_superuser_cannot_give_an_account_a_common_password(client, demo, no_two_step_required):
    sign_in(client, "admin", "admin-demo")
    weak = {"usable_password": "true", "password1": "password123", "password2": "password123"}

    response = client.post("/admin/auth/user/add/", {"username": "new-practitioner", **weak})

    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()
    assert not User.objects.filter(username="new-practitioner").exists()
