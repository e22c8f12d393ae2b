"""gunicorn settings for `bench/serving.py`: the project's gunicorn.conf.py as a clinic runs
it, with what the bench fixes: 2 sync workers (one thread each), no access log (writing it
would be measured too) and no control socket (three servers run side by side)."""

import runpy
from pathlib import Path

globals().update(
    (name, value)
    for name, value in runpy.run_path(
        str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py")
    ).items()
    if not name.startswith("__")
)
workers = 2
threads = 1
worker_class = "sync"
accesslog = None
control_socket_disable = True
loglevel = "warning"
