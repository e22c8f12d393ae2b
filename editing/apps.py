from django.apps import AppConfig


class EditingConfig(AppConfig):
    name = "editing"
    verbose_name = "Editing tools"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
