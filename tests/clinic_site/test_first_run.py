"""`manage.py first_run` on a new server: superuser, staff groups, the clinic's details."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError

from clinic_site.models import ClinicProfile

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-42"
FLAGS = [
    "--username=owner",
    "--email=owner@sunrise.example",
    "--clinic-name=Sunrise Family Clinic",
    "--phone=+1 505 555 0100",
    "--clinic-email=front@sunrise.example",
    "--street-address=12 Main St",
    "--city=Las Cruces",
    "--state=NM",
    "--postal-code=88001",
]


def first_run(*arguments, answers=None):
    stdout, stderr = StringIO(), StringIO()
    options = {"stdout": stdout, "stderr": stderr}
    if answers is not None:
        options["stdin"] = StringIO("".join(f"{answer}\n" for answer in answers))
    call_command("first_run", *arguments, **options)
    return stdout.getvalue(), stderr.getvalue()


def test_flags_and_password_variable_create_superuser_and_clinic_details(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)

    output, _ = first_run("--no-input", *FLAGS)

    owner = User.objects.get(username="owner")
    assert owner.is_superuser and owner.is_staff and owner.check_password(PASSWORD)
    assert owner.email == "owner@sunrise.example"
    profile = ClinicProfile.objects.get()
    assert (profile.name, profile.phone, profile.email) == (
        "Sunrise Family Clinic",
        "+1 505 555 0100",
        "front@sunrise.example",
    )
    assert profile.address_lines == ["12 Main St", "Las Cruces NM 88001"]
    assert "Superuser created: owner." in output


def test_questions_are_asked_again_until_each_answer_is_valid():
    answers = [
        "owner",
        "not-an-email",
        "owner@sunrise.example",
        "short",
        "short",
        PASSWORD,
        "a different one",
        PASSWORD,
        PASSWORD,
        "Sunrise Family Clinic",
        "call us",
        "+1 505 555 0100",
        "front@sunrise.example",
        "",
        "",
        "",
        "",
        "javascript:alert(1)",
        "",
    ]

    _, errors = first_run(answers=answers)

    assert "Enter a valid email address." in errors
    assert "This password is too short." in errors
    assert "The two passwords differ." in errors
    assert "Enter a phone number" in errors
    assert "Enter a web address starting with https://" in errors
    assert User.objects.get(username="owner").check_password(PASSWORD)
    profile = ClinicProfile.objects.get()
    assert (profile.phone, profile.map_url) == ("+1 505 555 0100", "")


def test_bad_flags_are_all_reported_in_one_line_and_nothing_is_saved(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "password")

    with pytest.raises(CommandError) as refusal:
        first_run("--no-input", *FLAGS, "--phone=call us", "--clinic-email=front@")

    message = str(refusal.value)
    assert "\n" not in message
    assert message.startswith("Nothing was saved.")
    for problem in ("--phone: Enter a phone number", "--clinic-email: Enter a valid email"):
        assert problem in message
    assert "DJANGO_SUPERUSER_PASSWORD: This password is too common." in message
    assert not User.objects.exists()
    assert not ClinicProfile.objects.exists()


def test_missing_required_values_name_their_flags(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)

    with pytest.raises(CommandError) as refusal:
        first_run("--no-input")

    message = str(refusal.value)
    for flag in ("--username", "DJANGO_SUPERUSER_PASSWORD", "--clinic-name", "--phone"):
        assert f"{flag}:" in message
    assert not User.objects.exists()


def test_an_existing_username_is_refused_and_the_clinic_details_are_kept(monkeypatch, demo):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    phone_before = ClinicProfile.objects.get().phone

    with pytest.raises(CommandError, match="A user named 'admin' already exists"):
        first_run("--no-input", "--username=admin", "--phone=+1 505 555 0199")

    assert ClinicProfile.objects.get().phone == phone_before


def test_no_superuser_corrects_the_details_and_keeps_the_rest(demo):
    before = ClinicProfile.objects.get()

    first_run("--no-input", "--no-superuser", "--phone=+1 505 555 0199")

    after = ClinicProfile.objects.get()
    assert after.phone == "+1 505 555 0199"
    assert (after.name, after.email, after.disclaimer) == (
        before.name,
        before.email,
        before.disclaimer,
    )


def test_deleted_staff_groups_are_made_again_with_their_permissions(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    permissions_before = set(
        Group.objects.get(name="Receptionists").permissions.values_list("codename", flat=True)
    )
    Group.objects.filter(name__in=["Practitioners", "Receptionists"]).delete()

    output, _ = first_run("--no-input", *FLAGS)

    assert "made again: Practitioners, Receptionists" in output
    receptionists = Group.objects.get(name="Receptionists")
    assert set(receptionists.permissions.values_list("codename", flat=True)) == permissions_before
    assert Group.objects.get(name="Practitioners").permissions.count() > 0
