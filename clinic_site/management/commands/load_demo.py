from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Article
from clinic_site.demo.loader import load_demo
from clinic_site.models import ClinicProfile


class Command(BaseCommand):
    help = (
        "Load the demo clinic: two condition guides and an article rebuilt from the seed "
        "pages, with their records and references, and a sample Spanish translation of "
        "them, published in Spanish. Safe to run again; changes nothing "
        "the second time. Overwrites edits to the demo rows, so not for a live clinic."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-demo-logins",
            action="store_true",
            help="Also create the demo logins (practitioner, receptionist, admin) with "
            "published passwords. Never on a server others can reach.",
        )
        parser.add_argument(
            "--if-new",
            action="store_true",
            help="Load only into a new database (no clinic details, no pages yet), so "
            "edits made since the last load are kept. `make run` uses this.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would change, then roll everything back.",
        )

    def handle(self, *args, with_demo_logins, if_new, dry_run, verbosity, **options):
        if if_new and (ClinicProfile.objects.exists() or Article.objects.exists()):
            self.stdout.write("The database has content already; the demo is not reloaded.")
            return
        try:
            with transaction.atomic():
                report = load_demo(with_logins=with_demo_logins)
                if dry_run:
                    transaction.set_rollback(True)
        except ValidationError as error:
            raise CommandError(f"Demo content is invalid, nothing was saved: {error}") from error

        prefix = "Would create" if dry_run else "Created"
        if not report.changed:
            self.stdout.write("Demo content already loaded; nothing changed.")
        else:
            self.stdout.write(
                f"{prefix} {len(report.created)} and "
                f"{'would update' if dry_run else 'updated'} {len(report.updated)} rows."
            )
            if verbosity > 1:
                for line in report.created + report.updated:
                    self.stdout.write(f"  {line}")
        for username, password in [] if dry_run else report.logins:
            self.stdout.write(f"Demo login: {username} / {password}")
