from django.apps import AppConfig


class ClinicSiteConfig(AppConfig):
    name = "clinic_site"
    verbose_name = "The clinic"

    def ready(self):
        # Imported for their effect: deploy checks register, cache invalidation connects.
        from . import checks, signals  # noqa: F401
