"""Deploy checks and the HTTPS headers (README, "Production")."""

import pytest
from django.core.checks import run_checks
from django.db import connection

pytestmark = pytest.mark.django_db


def deploy_check_ids():
    return {message.id for message in run_checks(include_deployment_checks=True)}


def test_machine_made_secret_key_is_an_error_and_one_from_the_environment_is_not(
    settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    (tmp_path / "secret_key").write_text("made-on-this-machine-" + "k" * 40 + "\n")
    settings.SECRET_KEY = "made-on-this-machine-" + "k" * 40
    assert "clinic_site.E002" in deploy_check_ids()

    settings.SECRET_KEY = "set-by-DJANGO_SECRET_KEY-" + "x" * 40
    assert "clinic_site.E002" not in deploy_check_ids()


def test_embedded_database_is_an_error_and_postgresql_is_not():
    # CI runs the suite on both; the subprocess tests cover each in one run.
    assert ("clinic_site.E003" in deploy_check_ids()) == (connection.vendor == "sqlite")


def test_missing_production_switch_is_a_warning(settings):
    settings.CLINIC_PRODUCTION = False
    assert "clinic_site.W001" in deploy_check_ids()

    settings.CLINIC_PRODUCTION = True
    assert "clinic_site.W001" not in deploy_check_ids()


def test_deploy_checks_stay_out_of_the_everyday_check():
    ids = {message.id for message in run_checks()}
    assert not {"clinic_site.W001", "clinic_site.E002", "clinic_site.E003"} & ids


@pytest.mark.parametrize("url", ["/", "/admin/login/", "/admin/", "/healthz"])
def test_no_page_may_be_framed(admin_client, url):
    assert admin_client.get(url)["X-Frame-Options"] == "DENY"


def test_article_editor_page_may_not_be_framed(admin_client):
    assert admin_client.get("/admin/articles/article/add/")["X-Frame-Options"] == "DENY"


def test_ssl_redirect_spares_the_health_check(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/contact/").status_code == 301
    assert client.get("/contact/")["Location"] == "https://testserver/contact/"
    assert client.get("/healthz").status_code == 200
    assert client.get("/contact/", headers={"X-Forwarded-Proto": "https"}).status_code == 200
