"""A condition guide served by gunicorn, as a multiple of a bare Django view, in one run.

    .venv/bin/python bench/serving.py [--rounds 5] [--seconds 5] [--as-browsers]
    DATABASE_URL=postgres://… REDIS_URL=redis://… .venv/bin/python bench/serving.py

Builds a throwaway database of its own (`var/bench_serving.sqlite3`, or `bench_serving_`
and DATABASE_URL's name on PostgreSQL), loads the demo clinic, and starts three gunicorn
servers with `bench/gunicorn_bench.conf.py` (the project's settings, 2 sync workers, no
access log): the bare view of `bench/bare_django.py`, the site, and the site with the page
cache switched off (`CLINIC_PAGE_CACHE=off`). Then, in interleaved rounds (bare, cached
guide, uncached guide, bare, …), `wrk -t1 -c8` loads each for a few seconds while the
workers' CPU time (utime + stime in /proc/<pid>/stat, summed over the workers) is read
before and after. Each round's figures are divided by that round's bare view, so the
machine's other load mostly cancels out; the median and the spread (lowest–highest) over
the rounds are printed, with the queries one guide request takes.

Goals (issue 12): cached guide at most 2× the bare view's CPU per request, uncached at
most 20×, at most 10 queries. Absolute figures are printed for context only: this machine
is shared and noisy.
"""

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")

GUIDE = "/conditions/leg-spasms-and-cramping/"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PYTHON = sys.executable


def bench_database():
    """Create the bench's own database, load the demo, and return its DATABASE_URL."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from clinic_site.demo.loader import load_demo

    if connection.vendor == "sqlite":
        name = str(settings.VAR_DIR / "bench_serving.sqlite3")
    else:
        name = f"bench_serving_{connection.settings_dict['NAME']}"
    connection.settings_dict["TEST"] = {**connection.settings_dict["TEST"], "NAME": name}
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    load_demo()
    connection.close()
    if connection.vendor == "sqlite":
        return name, f"sqlite:///{name}"
    parts = urlsplit(os.environ["DATABASE_URL"])
    return name, urlunsplit(parts._replace(path=f"/{name}"))


def drop_database(name):
    from django.db import connection

    connection.creation.destroy_test_db(name, verbosity=0)


class Server:
    def __init__(self, label, port, app, env):
        self.label, self.port = label, port
        self.process = subprocess.Popen(
            [
                str(CHECKOUT / ".venv/bin/gunicorn"),
                "--config",
                str(CHECKOUT / "bench/gunicorn_bench.conf.py"),
                *([app] if app else []),
            ],
            cwd=CHECKOUT,
            env={**env, "PORT": str(port), "WEB_CONCURRENCY": "2"},
            stdout=subprocess.DEVNULL,
        )

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def wait_until_up(self, path, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url(path), timeout=5) as response:
                    if response.status == 200 and len(self.workers()) == 2:
                        return
            except OSError:
                pass
            if self.process.poll() is not None:
                raise SystemExit(f"{self.label}: gunicorn exited ({self.process.returncode})")
            time.sleep(0.3)
        raise SystemExit(f"{self.label}: no answer on port {self.port}")

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def cpu_seconds(self):
        """User + system CPU time of the workers so far."""
        total = 0
        for pid in self.workers():
            # Fields after the command name (which may hold spaces): utime, stime are 14, 15.
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        return total / CLOCK_TICKS

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


# What every browser sends; wrk sends no Accept-Encoding unless told (--as-browsers).
BROWSER_HEADERS = ["-H", "Accept-Encoding: gzip, deflate, br, zstd"]


def load(server, path, seconds, headers=()):
    """CPU seconds per request and requests per second under `wrk -t1 -c8`."""
    before = server.cpu_seconds()
    output = subprocess.run(
        ["wrk", "-t1", "-c8", f"-d{seconds}s", *headers, server.url(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    cpu = server.cpu_seconds() - before
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    if "Non-2xx" in output or requests == 0:
        raise SystemExit(f"{server.label}: bad answers under load\n{output}")
    rate = float(re.search(r"Requests/sec:\s*([\d.]+)", output).group(1))
    return cpu / requests, rate


def count_queries(path):
    """Queries of one anonymous request, the second (the clinic's details are cached
    after any first page); run in a child process with the servers' environment."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    cache.clear()
    client = Client()
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    print(len(queries))


def spread(values):
    return f"{statistics.median(values):6.2f}× ({min(values):.2f}–{max(values):.2f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=5, help="of load per case and round")
    parser.add_argument("--port", type=int, default=8601, help="first of three ports")
    parser.add_argument(
        "--as-browsers",
        action="store_true",
        help="send Accept-Encoding as browsers do (pages then go gzipped)",
    )
    parser.add_argument("--count-queries", metavar="PATH", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.count_queries:
        return count_queries(options.count_queries)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install -y wrk")

    name, database_url = bench_database()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CACHE_KEY_PREFIX": "bench-serving",
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings",
    }
    uncached_env = {**env, "CLINIC_PAGE_CACHE": "off"}
    cases = [
        ("bare Django view", "/", "bench.bare_django:application", env),
        ("guide, page cache on", GUIDE, None, env),
        ("guide, page cache off", GUIDE, None, uncached_env),
    ]
    servers = []
    try:
        for number, (label, _path, app, case_env) in enumerate(cases):
            servers.append(Server(label, options.port + number, app, case_env))
        for server, (_label, path, _app, _env) in zip(servers, cases, strict=True):
            server.wait_until_up(path)
            for _ in range(20):  # warm each worker: imports, templates, caches
                urllib.request.urlopen(server.url(path)).read()
        queries = {
            label: subprocess.run(
                [PYTHON, __file__, "--count-queries", path],
                env=case_env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            for label, path, _app, case_env in cases[1:]
        }
        figures = {label: [] for label, *_ in cases}
        for round_number in range(options.rounds):
            for server, (label, path, _app, _env) in zip(servers, cases, strict=True):
                headers = BROWSER_HEADERS if options.as_browsers else ()
                figures[label].append(load(server, path, options.seconds, headers))
            print(f"round {round_number + 1} of {options.rounds} done", file=sys.stderr)
    finally:
        for server in servers:
            server.stop()
        drop_database(name)

    from django.db import connection

    bare = figures[cases[0][0]]
    print(
        f"{connection.vendor}, cache {'Redis' if os.environ.get('REDIS_URL') else 'files'}; "
        f"{options.rounds} interleaved rounds of {options.seconds} s, wrk -t1 -c8"
        f"{' with a browser’s Accept-Encoding' if options.as_browsers else ''}, "
        "2 sync workers; median (lowest–highest)"
    )
    bare_cpu = statistics.median(cpu for cpu, _rate in bare)
    bare_rate = statistics.median(rate for _cpu, rate in bare)
    print(
        f"{'bare Django view':<24} {bare_cpu * 1e6:7.0f} µs CPU per request, "
        f"{bare_rate:7.0f} requests/s (context only)"
    )
    for label, *_ in cases[1:]:
        cpu_ratios = [cpu / base for (cpu, _), (base, _r) in zip(figures[label], bare, strict=True)]
        rate_ratios = [
            base / rate for (_, rate), (_c, base) in zip(figures[label], bare, strict=True)
        ]
        print(
            f"{label:<24} CPU per request {spread(cpu_ratios)} bare; "
            f"requests/s: bare serves {spread(rate_ratios)} as many; "
            f"{queries[label]} queries"
        )


if __name__ == "__main__":
    main()
