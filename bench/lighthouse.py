"""Lighthouse 12 scores for the home page, the leg spasms guide and search results, mobile,
median of three.

Run with `make lighthouse`. Serves the demo clinic from a throwaway folder (its own SQLite
database, static files and cache; nothing of `var/` is touched) with gunicorn on a free
local port, runs Lighthouse (from bench/lighthouse/node_modules, at the version locked in
bench/lighthouse/package-lock.json) against Debian's Chromium three times per page, and
prints the median score of each category, with every audit short of full marks in any run.
Lighthouse's own defaults apply: a mobile device with simulated slow 4G and CPU throttling.
Search results are never indexed (noindex), so they are scored without SEO.
"""

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = CHECKOUT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = {
    "home": ("/", CATEGORIES),
    "guide": ("/conditions/leg-spasms-and-cramping/", CATEGORIES),
    "search": ("/search/?q=leg+cramps", CATEGORIES[:3]),
}
RUNS = 3


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_demo(var_dir, port):
    env = os.environ | {"CLINIC_VAR_DIR": str(var_dir), "PORT": str(port), "HOST": "127.0.0.1"}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    python = str(CHECKOUT / ".venv" / "bin" / "python")
    for command in (["migrate"], ["collectstatic", "--noinput"], ["load_demo"]):
        subprocess.run(
            [python, "manage.py", *command, "-v", "0"], cwd=CHECKOUT, env=env, check=True
        )
    server = subprocess.Popen(
        [str(CHECKOUT / ".venv" / "bin" / "gunicorn"), "--config", "gunicorn.conf.py"],
        cwd=CHECKOUT,
        env=env | {"WEB_CONCURRENCY": "2"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return server, base
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("The demo site did not start.")


def scores(url, categories, report):
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(categories)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env=os.environ | {"CHROME_PATH": CHROMIUM},
        check=True,
    )
    result = json.loads(Path(report).read_text())
    scored, audits = result["categories"], result["audits"]
    failing = {
        ref["id"]
        for name in categories
        for ref in scored[name]["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] not in (None, 1)
    }
    return {name: round(scored[name]["score"] * 100) for name in categories}, failing


def main():
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `make lighthouse`.")
    with tempfile.TemporaryDirectory(prefix="clinic-lighthouse-") as folder:
        server, base = serve_demo(Path(folder) / "var", free_port())
        try:
            print(f"Lighthouse, mobile, median of {RUNS} runs")
            print(f"{'page':8}" + "".join(f"{name:>16}" for name in CATEGORIES))
            for name, (path, categories) in PAGES.items():
                runs = [
                    scores(base + path, categories, Path(folder) / f"{name}-{run}.json")
                    for run in range(RUNS)
                ]
                medians = [
                    f"{statistics.median(run[category] for run, _failing in runs):.0f}"
                    if category in categories
                    else "-"
                    for category in CATEGORIES
                ]
                failing = sorted(set().union(*(failing for _run, failing in runs)))
                print(f"{name:8}" + "".join(f"{median:>16}" for median in medians))
                print(f"{'':8}below full marks in some run: {', '.join(failing) or 'nothing'}")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
