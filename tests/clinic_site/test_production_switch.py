"""The production kit (README, "Production"): the .env file every run reads, the
CLINIC_PRODUCTION switch, `check --deploy` and the gunicorn settings.

These run manage.py and gunicorn as a clinic owner would, in subprocesses with an
environment of their own, so the settings module is read afresh each time.
"""

import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clinic_site.environment import parse_env_file

CHECKOUT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = CHECKOUT / ".env.example"
GUNICORN = Path(sys.executable).with_name("gunicorn")


def clean_environment(tmp_path, env_file=None, **variables):
    """The machine's environment without any clinic setting, plus `variables`."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "CLINIC_", "EMAIL_"))
        and name not in {"DATABASE_URL", "REDIS_URL", "PORT", "HOST", "WEB_CONCURRENCY"}
    }
    environment["CLINIC_VAR_DIR"] = str(tmp_path / "var")
    environment["CLINIC_ENV_FILE"] = str(env_file or tmp_path / "no.env")
    return environment | variables


def manage(environment, *arguments):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=CHECKOUT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def owners_env_file(tmp_path):
    """.env.example as the README tells the owner to fill it in: a new secret key."""
    text = ENV_EXAMPLE.read_text().replace(
        "DJANGO_SECRET_KEY=\n", f"DJANGO_SECRET_KEY={secrets.token_urlsafe(50)}\n"
    )
    path = tmp_path / ".env"
    path.write_text(text)
    return path


def test_check_deploy_finds_no_issue_with_the_readme_production_variables(tmp_path):
    environment = clean_environment(tmp_path, owners_env_file(tmp_path))

    result = manage(environment, "check", "--deploy", "--fail-level", "DEBUG")

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert re.fullmatch(r"System check identified no issues \(\d+ silenced\)\.\n", result.stdout)


def test_check_deploy_names_each_embedded_default_with_its_own_id(tmp_path):
    result = manage(clean_environment(tmp_path), "check", "--deploy")

    assert result.returncode == 1
    for check_id in ("clinic_site.W001", "clinic_site.E002", "clinic_site.E003", "mail.E001"):
        assert check_id in result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DATABASE_URL"])
def test_production_without_secret_or_database_stops_manage_py_with_one_line(tmp_path, missing):
    env_file = owners_env_file(tmp_path)
    env_file.write_text(re.sub(rf"(?m)^{missing}=.*$", "", env_file.read_text()))

    result = manage(clean_environment(tmp_path, env_file), "migrate")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"Clinic CMS cannot start: CLINIC_PRODUCTION is true but {missing} is not set; "
        f'add it to {env_file} (README, "Production").'
    ]
    assert not (tmp_path / "var" / "clinic.sqlite3").exists()


def test_production_without_secret_and_database_stops_gunicorn_before_any_worker(tmp_path):
    environment = clean_environment(tmp_path, CLINIC_PRODUCTION="true", PORT="8799")

    result = subprocess.run(
        [GUNICORN, "--config", "gunicorn.conf.py"],
        cwd=CHECKOUT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Clinic CMS cannot start: CLINIC_PRODUCTION is true but DJANGO_SECRET_KEY and "
        f'DATABASE_URL are not set; add them to {tmp_path / "no.env"} (README, "Production").'
    ]


def show_settings(environment, *names):
    code = "from django.conf import settings; " + "; ".join(
        f"print(settings.{name})" for name in names
    )
    result = manage(environment, "shell", "--no-imports", "-v", "0", "-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_without_the_switch_the_embedded_defaults_run_as_before(tmp_path):
    values = show_settings(
        clean_environment(tmp_path),
        "CLINIC_PRODUCTION",
        "SESSION_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "DATABASES['default']['ENGINE']",
    )
    assert values == ["False", "False", "False", "0", "django.db.backends.sqlite3"]


def test_the_switch_makes_https_only_the_default(tmp_path):
    environment = clean_environment(
        tmp_path,
        CLINIC_PRODUCTION="true",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL="postgres://clinic@127.0.0.1/clinic",
    )
    values = show_settings(
        environment, "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT"
    )
    assert values == ["True", "True", "True"]
    assert show_settings(environment, "SECURE_HSTS_SECONDS") == [str(365 * 24 * 3600)]


def test_env_file_is_read_and_the_environment_wins_over_it(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# the clinic's settings\n"
        "export DJANGO_TIME_ZONE='Europe/Madrid'\n"
        'DJANGO_DEFAULT_FROM_EMAIL="Clinic <front@clinic.example>"\n'
        "CLINIC_REVIEW_WARNING_DAYS=45\n"
    )
    environment = clean_environment(tmp_path, env_file, CLINIC_REVIEW_WARNING_DAYS="10")

    values = show_settings(
        environment, "TIME_ZONE", "DEFAULT_FROM_EMAIL", "CLINIC_REVIEW_WARNING_DAYS"
    )

    assert values == ["Europe/Madrid", "Clinic <front@clinic.example>", "10"]


def test_a_line_that_is_not_name_equals_value_stops_with_its_number(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("DJANGO_TIME_ZONE=UTC\nDJANGO SECRET KEY = abc\n")

    result = manage(clean_environment(tmp_path, env_file), "check")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"Clinic CMS cannot start: {env_file}, line 2: expected NAME=value, "
        "found 'DJANGO SECRET KEY = abc'."
    ]


def test_a_yes_no_setting_with_another_word_stops_with_one_line(tmp_path):
    result = manage(clean_environment(tmp_path, DJANGO_SECURE_COOKIES="maybe"), "check")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Clinic CMS cannot start: DJANGO_SECURE_COOKIES must be true or false, not 'maybe'."
    ]


def test_env_file_parsing_keeps_values_literally():
    text = "A=1\n\n# comment\nexport B = two words \nC='#not a comment'\nD=\"x=y\"\nE=\n"
    assert parse_env_file(text, ".env") == {
        "A": "1",
        "B": "two words",
        "C": "#not a comment",
        "D": "x=y",
        "E": "",
    }


def gunicorn_config(tmp_path, **variables):
    result = subprocess.run(
        [GUNICORN, "--config", "gunicorn.conf.py", "--print-config"],
        cwd=CHECKOUT,
        env=clean_environment(tmp_path, **variables),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return dict(
        (name.strip(), value.strip())
        for name, _, value in (line.partition("=") for line in result.stdout.splitlines())
    )


def test_gunicorn_control_socket_is_in_var_one_per_port_owner_only(tmp_path):
    config = gunicorn_config(tmp_path, PORT="8123")

    assert config["control_socket"] == str(tmp_path / "var" / "gunicorn-8123.ctl")
    assert config["control_socket_mode"] == str(0o600)
    assert config["control_socket_disable"] == "False"


def test_gunicorn_workers_suit_the_cores_and_memory_of_the_box(tmp_path):
    cores = os.process_cpu_count()
    memory_workers = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**28

    assert gunicorn_config(tmp_path)["workers"] == str(min(2 * cores + 1, memory_workers, 9))
    assert gunicorn_config(tmp_path, WEB_CONCURRENCY="3")["workers"] == "3"


def test_gunicorn_reads_bind_address_from_the_env_file(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("PORT=8124\nHOST=0.0.0.0\n")

    assert gunicorn_config(tmp_path, CLINIC_ENV_FILE=str(env_file))["bind"] == "['0.0.0.0:8124']"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
def test_systemd_unit_verifies(tmp_path):
    # The unit names /srv/clinic; point it at this checkout so its programs exist.
    unit = tmp_path / "clinic.service"
    unit.write_text(
        (CHECKOUT / "deploy" / "clinic.service").read_text().replace("/srv/clinic", str(CHECKOUT))
    )

    result = subprocess.run(
        ["systemd-analyze", "verify", unit], capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0
    assert result.stdout + result.stderr == ""
