"""`make run` loads the demo into a new database only, so a second run keeps every edit."""

import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from clinic_site.models import ClinicProfile

CHECKOUT = Path(__file__).resolve().parents[2]


def load_demo_if_new():
    output = StringIO()
    call_command("load_demo", "--with-demo-logins", "--if-new", stdout=output)
    return output.getvalue()


@pytest.mark.django_db
def test_demo_loads_into_a_new_database_and_never_reverts_an_edit():
    load_demo_if_new()
    profile = ClinicProfile.objects.get()
    profile.phone = "+1 505 555 0111"  # the receptionist's change
    profile.save()

    output = load_demo_if_new()

    assert ClinicProfile.objects.get().phone == "+1 505 555 0111"
    assert "the demo is not reloaded" in output


def test_make_run_asks_for_the_demo_only_into_a_new_database():
    commands = subprocess.run(
        ["make", "--dry-run", "demo"], cwd=CHECKOUT, capture_output=True, text=True, check=True
    ).stdout

    assert "manage.py load_demo --with-demo-logins --if-new" in commands
