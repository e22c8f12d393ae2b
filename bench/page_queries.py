"""How a condition guide's cost grows with its records, as ratios from one run.

Run with `make bench`. Builds a throwaway test database, renders a guide whose condition
has 3 and then 30 of each record, and prints queries and the time ratio. Absolute times
are not printed: this machine is shared and noisy, so only ratios from one run mean much.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
)

ROUNDS = 200


def main():
    setup_test_environment()
    settings.STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from tests.factories import add_records, make_guide

        client = Client()
        client.get("/")
        results = {}
        for size in (3, 30):
            guide = make_guide()
            add_records(guide.condition, size)
            url = guide.get_absolute_url()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, response.status_code
            query_count = len(queries)
            started = time.perf_counter()
            for _ in range(ROUNDS):
                client.get(url)
            results[size] = (query_count, (time.perf_counter() - started) / ROUNDS)
        (q3, t3), (q30, t30) = results[3], results[30]
        print(f"guide with 3 of each record:  {q3} queries")
        print(f"guide with 30 of each record: {q30} queries")
        print(f"time per render, 30 vs 3 records: {t30 / t3:.2f}x ({ROUNDS} renders each)")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
