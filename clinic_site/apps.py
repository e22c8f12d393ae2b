from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClinicSiteConfig(AppConfig):
    name = "clinic_site"
    verbose_name = "The clinic"

    def ready(self):
        # Imported for their effect: deploy checks register, cache invalidation connects.
        from articles.changes import page_changes_followed

        from . import change_tokens, checks, signals  # noqa: F401
        from .roles import sync_roles_after_migrate

        # Every app server sees a change at its next request (clinic_site/change_tokens.py),
        # once what follows page changes (search, Spanish state) has been written.
        page_changes_followed.connect(
            change_tokens.follow_page_changes, dispatch_uid="clinic_site.change_tokens"
        )
        # A data migration writes without Django's signals: whatever was cached is stale.
        post_migrate.connect(
            change_tokens.everything_changed, sender=self, dispatch_uid="clinic_site.migrated"
        )

        # Once per migrate (and per test-database flush): the staff roles follow roles.py.
        post_migrate.connect(
            sync_roles_after_migrate, sender=self, dispatch_uid="clinic_site.sync_roles"
        )
