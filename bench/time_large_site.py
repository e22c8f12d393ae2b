"""Time every list page of a large site, in process: median of 5 with caches cleared.

    .venv/bin/python bench/time_large_site.py [--save FILE] [--compare FILE]

Run it on the database `bench/build_large_site.py` filled (DATABASE_URL; `make bench-large`
does both on `var/large.sqlite3`). Each page is requested once to warm the worker (its
imports, compiled templates), then 5 times with Django's cache cleared before each; it
prints the median time and the spread, the queries of one more cleared request, and the
size. The public lists, the sitemap (every section of its index), the feed, search, the
admin's changelists and the admin home are timed; so is one guide, for scale.
Goal at 2,000 guides and 5,000 articles: every page under 100 ms, queries flat.
--save writes the figures as JSON; --compare prints them beside a saved run.
"""

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article  # noqa: E402
from conditions.models import BodyRegion  # noqa: E402

ROUNDS = 5
ADMIN_PAGES = {
    "admin home": "/admin/",
    "admin articles": "/admin/articles/article/",
    "admin articles, overdue": "/admin/articles/article/?review=overdue",
    "admin guides": "/admin/articles/guide/",
    "admin conditions": "/admin/conditions/condition/",
    "admin symptoms": "/admin/conditions/symptom/",
    "admin causes": "/admin/conditions/cause/",
    "admin treatments": "/admin/conditions/treatment/",
    "admin citations": "/admin/references/citation/",
}
SITEMAP_LOCATIONS = re.compile(r"<loc>https?://[^/]+(/sitemap[^<]*)</loc>")
LETTER_LINKS = re.compile(r'href="(\?(?:[^"]*&amp;)?letter=[^"]+)"')


def public_pages(client):
    """The public lists, found as a visitor finds them: the sitemap's sections from its
    index, the A to Z's biggest letter from its letter links."""
    articles = Article.objects.published().stories().count()
    last_page = max(1, -(-articles // 20))
    pages = {
        "home": "/",
        "A to Z": "/conditions/",
        "A to Z, one body region": f"/conditions/?region={BodyRegion.objects.first().slug}",
        "articles, page 1": "/articles/",
        f"articles, page {last_page} (last)": f"/articles/?page={last_page}",
        "feed": "/feeds/articles/",
        "search 'sample' (every page)": "/search/?q=sample",
        "search 'strain'": "/search/?q=strain",
        "search, a typo": "/search/?q=stiffnes",
        "sitemap.xml": "/sitemap.xml",
        "a guide (for scale)": Article.objects.published().guides().first().get_absolute_url(),
    }
    index = client.get("/sitemap.xml").content.decode()
    for location in dict.fromkeys(SITEMAP_LOCATIONS.findall(index)):
        pages[f"sitemap section {location}"] = location
    a_to_z = client.get("/conditions/").content.decode()
    letters = [link.replace("&amp;", "&") for link in LETTER_LINKS.findall(a_to_z)]
    if letters:
        sizes = {link: len(client.get(f"/conditions/{link}").content) for link in letters}
        biggest = max(sizes, key=sizes.get)
        pages[f"A to Z, biggest letter ({biggest})"] = f"/conditions/{biggest}"
    return pages


def measure(client, url):
    client.get(url)  # warm: imports, templates, this worker's rich-text memo
    times = []
    for _ in range(ROUNDS):
        cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return {
        "median_ms": round(statistics.median(times), 1),
        "min_ms": round(min(times), 1),
        "max_ms": round(max(times), 1),
        "queries": len(queries),
        "kb": round(len(response.content) / 1024, 1),
    }


def staff_client():
    user, _ = get_user_model().objects.get_or_create(
        username="bench-timer", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    return client


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", help="write the figures to this JSON file")
    parser.add_argument("--compare", help="print them beside this saved JSON file")
    options = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    print(
        f"{connection.vendor}: {Article.objects.guides().count()} guides, "
        f"{Article.objects.stories().count()} articles; median of {ROUNDS}, caches cleared"
    )
    earlier = json.loads(Path(options.compare).read_text()) if options.compare else {}
    results = {}
    for client, pages in (
        (Client(), public_pages(Client())),
        (staff_client(), ADMIN_PAGES),
    ):
        for name, url in pages.items():
            results[name] = figures = {"url": url, **measure(client, url)}
            line = (
                f"{name:<44} {figures['median_ms']:>7.1f} ms "
                f"({figures['min_ms']:.0f}–{figures['max_ms']:.0f}) "
                f"{figures['queries']:>4} queries {figures['kb']:>7.1f} KB"
            )
            if before := earlier.get(name):
                line += (
                    f"   before: {before['median_ms']:.1f} ms, {before['queries']} queries, "
                    f"{before['kb']:.1f} KB"
                )
            print(line, flush=True)
    slow = [name for name, figures in results.items() if figures["median_ms"] >= 100]
    print("All under 100 ms." if not slow else f"At or over 100 ms: {', '.join(slow)}")
    if options.save:
        Path(options.save).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
