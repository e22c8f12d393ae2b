"""How well search finds the page a patient means, on the database DATABASE_URL names.

Run with `make bench` (SQLite by default) or, for PostgreSQL,
`DATABASE_URL=postgres://user@host/db .venv/bin/python bench/search_quality.py`.
Builds a throwaway database of its own (`var/bench_search.sqlite3`, or `bench_search_` and
DATABASE_URL's database name on PostgreSQL; never the test suite's), loads
the demo clinic, runs every query of `tests/articles/search_queries.py` and prints the share
of queries whose page comes first and within the top three, the misses, and any result for
a query that should find nothing; then the same for the Spanish queries, searched in
Spanish among the demo's Spanish pages.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def slug_of(result):
    return result.url.strip("/").rsplit("/", 1)[-1]


def measure(name, search, language, expected_page, nothing_to_find):
    first = top_three = 0
    misses = []
    for query, slug in expected_page:
        found = [slug_of(result) for result in search(query, language=language).object_list]
        first += found[:1] == [slug]
        top_three += slug in found[:3]
        if found[:1] != [slug]:
            misses.append(f"  {query!r}: wanted {slug}, got {found[:3]}")
    wrongly_found = [q for q in nothing_to_find if search(q, language=language).object_list]
    total = len(expected_page)
    print(f"\n{name}")
    print(f"found first:      {first}/{total} = {first / total:.1%}")
    print(f"in the top three: {top_three}/{total} = {top_three / total:.1%}")
    print(
        f"queries that should find nothing but did: {len(wrongly_found)}/"
        f"{len(nothing_to_find)} {wrongly_found or ''}"
    )
    if misses:
        print("not first:")
        print("\n".join(misses))


def main():
    setup_test_environment()
    if connection.vendor == "sqlite":
        bench_name = str(settings.VAR_DIR / "bench_search.sqlite3")
    else:
        bench_name = f"bench_search_{connection.settings_dict['NAME']}"
    connection.settings_dict["TEST"] = {**connection.settings_dict["TEST"], "NAME": bench_name}
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from articles.search import search
        from clinic_site.demo.loader import load_demo
        from tests.articles.search_queries import (
            EXPECTED_PAGE,
            NOTHING_TO_FIND,
            SPANISH_EXPECTED_PAGE,
            SPANISH_NOTHING_TO_FIND,
        )

        load_demo()
        print(f"database: {connection.vendor}")
        measure("English", search, "en", EXPECTED_PAGE, NOTHING_TO_FIND)
        measure("Spanish", search, "es", SPANISH_EXPECTED_PAGE, SPANISH_NOTHING_TO_FIND)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
