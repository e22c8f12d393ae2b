"""gunicorn settings; each can be overridden on the command line or by GUNICORN_CMD_ARGS."""

import os
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent
sys.path.insert(0, str(CHECKOUT))

from clinic_site.environment import load_env_file, stop_if_production_incomplete  # noqa: E402

# The same .env as every manage.py run: HOST, PORT and WEB_CONCURRENCY may be set there. A
# production box missing its secret key or database stops here, with one line, before any
# worker starts (a worker that failed the same way would be restarted forever).
load_env_file()
stop_if_production_incomplete()

# Memory one worker may count on. A worker of this site holds about 80 MB; the rest is
# headroom for PostgreSQL and Redis when they share a small server with it.
MEMORY_PER_WORKER = 256 * 1024 * 1024


def workers_for_this_box():
    """gunicorn's rule of thumb (2 per core + 1) for the cores this process may use, no more
    than the memory holds, at most 9: a 1-core 1 GB server gets 3, a 2-core 4 GB one 5."""
    cores = os.process_cpu_count() if hasattr(os, "process_cpu_count") else os.cpu_count()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return max(1, min(2 * (cores or 1) + 1, memory // MEMORY_PER_WORKER, 9))


port = os.environ.get("PORT", "8000")
chdir = str(CHECKOUT)
wsgi_app = "clinic_site.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{port}"
workers = int(os.environ.get("WEB_CONCURRENCY") or workers_for_this_box())
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 30
accesslog = "-"
# Only the proxy on this machine may say the visitor came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# gunicornc's control socket (`.venv/bin/gunicornc -s var/gunicorn-8000.ctl`), owner only,
# one per port so two servers from one checkout never share it. gunicorn's default is in
# the home directory, which a service account may not have.
var_dir = Path(os.environ.get("CLINIC_VAR_DIR") or CHECKOUT / "var")
control_socket = str(var_dir / f"gunicorn-{port}.ctl")
control_socket_mode = 0o600
