from django.apps import AppConfig


class ClinicSiteConfig(AppConfig):
    name = "clinic_site"
    verbose_name = "The clinic"

    def ready(self):
        from . import signals  # noqa: F401  (connects cache invalidation)
