from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClinicSiteConfig(AppConfig):
    name = "clinic_site"
    verbose_name = "The clinic"

    def ready(self):
        from . import signals  # noqa: F401  (connects cache invalidation)
        from .roles import sync_roles_after_migrate

        # Once per migrate (and per test-database flush): the staff roles follow roles.py.
        post_migrate.connect(
            sync_roles_after_migrate, sender=self, dispatch_uid="clinic_site.sync_roles"
        )
