# `make run` and `make test` are all a newcomer needs; README.md explains each target.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

# The newest Python 3.12+ on PATH (pyenv's shims honour .python-version).
PYTHON := $(shell for p in python3.13 python3.12 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)

.PHONY: run test setup demo lint format check bench lighthouse clean messages compilemessages

run: setup demo
	@echo ""
	@echo "Clinic site:  http://127.0.0.1:$(PORT)/"
	@echo "Admin:        http://127.0.0.1:$(PORT)/admin/"
	@echo "Demo logins:  practitioner / practitioner-demo   (writes guides and records)"
	@echo "              receptionist / receptionist-demo   (phone, email, hours, notices)"
	@echo "              admin / admin-demo                 (everything)"
	@echo "Stop with Ctrl+C."
	@echo ""
	PORT=$(PORT) $(VENV)/bin/gunicorn --config gunicorn.conf.py

test: setup node_modules/.installed
	$(VENV)/bin/pytest

setup: $(VENV)/.installed
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py collectstatic --noinput -v 0

# Into a new database only: a second `make run` keeps every edit made on the demo site.
demo:
	$(PY) manage.py load_demo --with-demo-logins --if-new

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 or newer is needed (Django 6.1); install it, e.g. 'pyenv install 3.13'." >&2; exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

# The accessibility and HTML checkers the browser tests run (axe-core, the Nu HTML Checker),
# at the exact versions in package-lock.json, so no test fetches anything. Install scripts
# are skipped: vnu-jar's would download a Java runtime, and the machine's Java 17+ serves.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is needed for the accessibility checks (apt-get install npm)." >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: setup
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

bench: setup
	$(PY) bench/page_queries.py
	$(PY) bench/search_quality.py

# The Spanish catalogue (README, "Languages"). `messages` refreshes locale/es/…/django.po
# from the sources with Django's makemessages, which needs GNU gettext (xgettext, msgmerge):
# a maintainer's tool, `apt-get install gettext`. `compilemessages` writes the committed .mo
# with Babel, pure Python, so nothing else needs gettext; a test fails when the .mo is stale.
messages: $(VENV)/.installed
	@command -v xgettext >/dev/null 2>&1 || { echo "make messages needs GNU gettext: apt-get install gettext" >&2; exit 1; }
	$(PY) manage.py makemessages --locale es --no-obsolete --add-location file

compilemessages: $(VENV)/.installed
	$(VENV)/bin/pybabel compile --domain django --directory locale --statistics

# Lighthouse 12 (large, so apart from the test tools): scores for the home page, a guide and
# search results. Lighthouse's trace engine asks for third-party-web and legacy-javascript at
# "latest", which moves with every release and breaks `npm ci`; package.json's overrides hold
# them at the locked versions.
bench/lighthouse/node_modules/.installed: bench/lighthouse/package.json bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

lighthouse: setup bench/lighthouse/node_modules/.installed
	$(PY) bench/lighthouse.py

clean:
	rm -rf $(VENV) var/static .pytest_cache node_modules
