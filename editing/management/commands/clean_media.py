from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from editing.images import unreferenced_files


class Command(BaseCommand):
    help = (
        "Remove uploaded images that no record uses and no saved version could restore, "
        "with their resized copies. Safe to run from cron, e.g. nightly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be removed; remove nothing."
        )
        parser.add_argument(
            "--min-age-minutes",
            type=int,
            default=60,
            help="Leave files younger than this alone: a save may still be using them (60).",
        )

    def handle(self, *args, dry_run, min_age_minutes, **options):
        if min_age_minutes < 0:
            raise CommandError("--min-age-minutes must be 0 or more.")
        removed, freed = 0, 0
        for storage, name in unreferenced_files(min_age=timedelta(minutes=min_age_minutes)):
            freed += storage.size(name)
            removed += 1
            if dry_run:
                self.stdout.write(f"would remove {name}")
            else:
                storage.delete(name)
                if options["verbosity"] > 1:
                    self.stdout.write(f"removed {name}")
        verb = "Would remove" if dry_run else "Removed"
        self.stdout.write(f"{verb} {removed} unused files ({filesizeformat(freed)}).")
