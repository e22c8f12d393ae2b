"""Deploy checks (`manage.py check --deploy`): a box about to serve patients runs on its
own secret key and database, under the production switch (README, "Production").

With CLINIC_PRODUCTION=true, settings.py already refuses to start without
DJANGO_SECRET_KEY and DATABASE_URL; these checks say the same of a box where the switch
was forgotten, or where another settings module sets things its own way.
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

ENV_FILE_HINT = 'Set it in the installation\'s .env file (README, "Production").'


@register(Tags.security, deploy=True)
def check_production_switch(app_configs, **kwargs):
    if getattr(settings, "CLINIC_PRODUCTION", False):
        return []
    return [
        Warning(
            "CLINIC_PRODUCTION is not true, so a missing secret key or database would not "
            "stop the site and HTTPS-only is not the default.",
            hint="Set CLINIC_PRODUCTION=true in the installation's .env file.",
            id="clinic_site.W001",
        )
    ]


@register(Tags.security, deploy=True)
def check_secret_key_from_environment(app_configs, **kwargs):
    local_key_file = settings.VAR_DIR / "secret_key"
    if not local_key_file.exists() or local_key_file.read_text().strip() != settings.SECRET_KEY:
        return []
    return [
        Error(
            f"SECRET_KEY is the key this machine made for itself in {local_key_file}, not "
            "DJANGO_SECRET_KEY: a second app server or a rebuilt one would sign out everyone.",
            hint=ENV_FILE_HINT,
            id="clinic_site.E002",
        )
    ]


@register(Tags.security, deploy=True)
def check_database_is_not_embedded(app_configs, **kwargs):
    if not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return []
    return [
        Error(
            "The database is the embedded SQLite file: DATABASE_URL is not set.",
            hint=ENV_FILE_HINT + " e.g. DATABASE_URL=postgres://clinic:PASSWORD@127.0.0.1/clinic",
            id="clinic_site.E003",
        )
    ]
