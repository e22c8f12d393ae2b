from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClinicSiteConfig(AppConfig):
    name = "clinic_site"
    verbose_name = "The clinic"

    def ready(self):
        # Imported for their effect: deploy checks register, cache invalidation connects.
        from . import checks, signals  # noqa: F401
        from .roles import sync_roles_after_migrate

        # Once per migrate (and per test-database flush): the staff roles follow roles.py.
        post_migrate.connect(
            sync_roles_after_migrate, sender=self, dispatch_uid="clinic_site.sync_roles"
        )
