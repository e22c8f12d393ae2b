"""``makemessages`` for the patient-facing interface (README, "Languages").

Django's own command, with the sources only staff read left out of the catalogue: the
admin, its forms and templates, publish checks, sign-in, management commands and the
editing tools stay in English, so every entry of ``locale/es/LC_MESSAGES/django.po`` is
one a translation is kept for (tests/clinic_site/test_spanish_catalogue.py checks none is
empty or fuzzy). Models are read whole: their labels reach pages too (the care card's
level of care).
"""

from django.core.management.commands import makemessages

# Glob patterns, matched against each file's or folder's name and its path from the
# project's root.
STAFF_ONLY_SOURCES = [
    "var",
    "node_modules",
    "tests",
    "bench",
    "deploy",
    "*/migrations",
    "*/management",
    "templates/admin",
    "editing",
    "admin.py",
    "forms.py",
    "publish_checks.py",
    "services.py",
    "signin.py",
    "validators.py",
]


class Command(makemessages.Command):
    help = makemessages.Command.help + " Sources only staff read are left out (README)."

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options["ignore_patterns"], *STAFF_ONLY_SOURCES]
        super().handle(*args, **options)
