"""The admin app with our admin site as ``admin.site`` (its own module: an apps.py holding
two AppConfig classes would make Django guess which one is the clinic_site app)."""

from django.contrib.admin.apps import AdminConfig


class ClinicAdminConfig(AdminConfig):
    # Every app keeps registering on ``admin.site``; only the site's class changes.
    default_site = "clinic_site.signin.ClinicAdminSite"
