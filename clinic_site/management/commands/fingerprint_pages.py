import hashlib
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client

# Pages every site has; each published guide and article is added from the sitemap's sections.
FIXED_PAGES = [
    "/",
    "/contact/",
    "/conditions/",
    "/articles/",
    "/sitemap.xml",
    "/feeds/articles/",
    "/robots.txt",
]
SITEMAP_LOCATION = re.compile(r"<loc>([^<]+)</loc>")
# Values made anew for every response, which a restore cannot and need not reproduce.
PER_RESPONSE_VALUES = re.compile(rb'(nonce|name="csrfmiddlewaretoken" value)="[^"]*"')


class Command(BaseCommand):
    help = (
        "Print a SHA-256 of every public page and every uploaded file, one per line. "
        "deploy/backup.sh keeps this list with each backup; with --compare FILE, report "
        "every page or file that differs from that list and exit 1 if any does, so a "
        "restore can prove it shows the same site."
    )

    def add_arguments(self, parser):
        parser.add_argument("--compare", metavar="FILE", help="A list this command printed.")

    def handle(self, *args, compare, **options):
        current = dict(page_fingerprints() + media_fingerprints())
        if not compare:
            for name, digest in current.items():
                self.stdout.write(f"{digest}  {name}")
            return
        try:
            expected = read_fingerprints(Path(compare))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {compare}: {error}") from error
        differences = [
            f"{'missing' if name not in current else 'changed'}: {name}"
            for name, digest in expected.items()
            if current.get(name) != digest
        ] + [f"new: {name}" for name in current.keys() - expected.keys()]
        if differences:
            for line in sorted(differences):
                self.stderr.write(line)
            self.stderr.write(f"{len(differences)} of {len(expected)} differ from {compare}.")
            sys.exit(1)
        self.stdout.write(f"All {len(expected)} pages and files are the same as in {compare}.")


def page_fingerprints():
    # Ask as the public would, over HTTPS under the site's own name, so that production's
    # redirect and host checks answer as they do for patients.
    client = Client(HTTP_HOST=site_host())
    paths = list(FIXED_PAGES)
    # The sitemap is an index of sections, each listing pages (some in several parts).
    index = fetch(client, "/sitemap.xml").decode()
    for location in SITEMAP_LOCATION.findall(index):
        section = urlsplit(location)._replace(scheme="", netloc="").geturl()
        paths.append(section)
        listed = fetch(client, section).decode()
        paths += [urlsplit(location).path for location in SITEMAP_LOCATION.findall(listed)]
    return [(path, fingerprint(fetch(client, path))) for path in dict.fromkeys(paths)]


def fingerprint(content):
    return hashlib.sha256(PER_RESPONSE_VALUES.sub(rb'\1=""', content)).hexdigest()


def media_fingerprints():
    root = Path(settings.MEDIA_ROOT)
    files = sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []
    return [
        (f"media/{path.relative_to(root)}", hashlib.sha256(path.read_bytes()).hexdigest())
        for path in files
    ]


def site_host():
    named = [host.lstrip(".") for host in settings.ALLOWED_HOSTS if host != "*"]
    return named[0] if named else "localhost"


def fetch(client, path):
    response = client.get(path, secure=True)
    if response.status_code != 200:
        raise CommandError(f"{path} answered {response.status_code}, not 200.")
    return response.content


def read_fingerprints(path):
    fingerprints = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, separator, name = line.partition("  ")
        if not separator or len(digest) != 64:
            raise ValueError(f"not a fingerprint line: {line[:60]!r}")
        fingerprints[name] = digest
    return fingerprints
