from django.core.management.base import BaseCommand

from clinic_site import change_tokens


class Command(BaseCommand):
    help = (
        "Mark every page and the clinic's details as changed, on every app server sharing "
        "this cache: each page is built again when next asked for. Needed only after a "
        "change made outside Django (SQL typed by hand); saves, deletes, restores and "
        "migrate do it themselves."
    )

    def handle(self, *args, **options):
        change_tokens.everything_changed()
        self.stdout.write("Every cached page will be built again at its next request.")
