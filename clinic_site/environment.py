"""The installation's `.env` file and the production switch, read before anything else.

One place for every run: settings.py calls `load_env_file()` (so every `manage.py` command
and every gunicorn worker sees the same settings), and gunicorn.conf.py calls it too,
because its bind address and worker count come from the same file. No Django import here:
gunicorn's master process reads this before Django is set up.

The file holds `NAME=value` lines; blank lines and `#` comments are skipped, `export ` in
front of a name is allowed and a value may be wrapped in single or double quotes. Values
are taken literally (no `$VAR` expansion). A variable already in the environment wins over
the file, so one command can override it (`DJANGO_DEBUG=true .venv/bin/python manage.py …`).
"""

import os
import re
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}

# Under CLINIC_PRODUCTION=true these must come from the environment or the .env file:
# without them the site would sign sessions with a key made on this one machine and keep
# patients' pages in an SQLite file next to the code.
PRODUCTION_SWITCH = "CLINIC_PRODUCTION"
REQUIRED_IN_PRODUCTION = ("DJANGO_SECRET_KEY", "DATABASE_URL")


def env_file_path():
    """`.env` in the checkout, or the file CLINIC_ENV_FILE names."""
    return Path(os.environ.get("CLINIC_ENV_FILE") or BASE_DIR / ".env")


def parse_bool(name, value):
    if value.lower() in TRUE_WORDS:
        return True
    if value.lower() in FALSE_WORDS:
        return False
    stop(f"{name} must be true or false, not {value!r}.")


def parse_env_file(text, path):
    """The file's variables in order; a line that is not `NAME=value` stops with its number."""
    variables = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, equals, value = line.removeprefix("export ").partition("=")
        name, value = name.strip(), value.strip()
        if not equals or not NAME.fullmatch(name):
            stop(f"{path}, line {number}: expected NAME=value, found {line[:40]!r}.")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        variables[name] = value
    return variables


def load_env_file(path=None):
    """Put the file's variables into os.environ, unless the environment already sets them.

    A missing file is fine (the embedded set-up needs none); an unreadable one is not.
    """
    path = Path(path) if path else env_file_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as error:
        stop(f"cannot read {path}: {error.strerror}.")
    variables = parse_env_file(text, path)
    for name, value in variables.items():
        os.environ.setdefault(name, value)
    return variables


def production_is_on():
    return parse_bool(PRODUCTION_SWITCH, os.environ.get(PRODUCTION_SWITCH) or "false")


def stop_if_production_incomplete():
    """Under the production switch, refuse to run without a real secret key and database."""
    if not production_is_on():
        return
    missing = [name for name in REQUIRED_IN_PRODUCTION if not os.environ.get(name)]
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        stop(
            f"{PRODUCTION_SWITCH} is true but {' and '.join(missing)} {verb} not set; "
            f"add {'it' if len(missing) == 1 else 'them'} to {env_file_path()} "
            '(README, "Production").'
        )


def stop(message):
    """End the run with one line on stderr and exit status 1, not a traceback."""
    raise SystemExit(f"Clinic CMS cannot start: {message}")
