"""deploy/backup.sh and deploy/verify-restore.sh on a real PostgreSQL: a backup restores
to the same pages and files, and a restore that differs is reported (README, "Backups")."""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url
import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
SERVER_URL = os.environ.get("DATABASE_URL", "")
if not SERVER_URL.startswith(("postgres://", "postgresql://")):
    SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def postgres_answers():
    if not all(shutil.which(tool) for tool in ("pg_dump", "pg_restore", "pg_isready")):
        return False
    server = dj_database_url.parse(SERVER_URL)
    ready = ["pg_isready", "-q", "-h", server["HOST"] or "127.0.0.1", "-p", str(server["PORT"])]
    return subprocess.run(ready).returncode == 0


pytestmark = pytest.mark.skipif(
    not postgres_answers(), reason="needs a PostgreSQL server and its client tools"
)


def run(environment, *command):
    return subprocess.run(
        command, cwd=CHECKOUT, env=environment, capture_output=True, text=True, timeout=300
    )


def psql(sql):
    subprocess.run(["psql", SERVER_URL, "-q", "-c", sql], check=True, capture_output=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A clinic of its own: a new database with the demo, and an uploaded file (made once:
    migrating PostgreSQL is the slow part)."""
    tmp_path = tmp_path_factory.mktemp("site")
    name = f"clinic_backup_test_{uuid.uuid4().hex[:8]}"
    base = SERVER_URL.rsplit("/", 1)[0]
    for database in (name, f"{name}_restore_check"):
        psql(f'CREATE DATABASE "{database}"')
    environment = {
        name_: value
        for name_, value in os.environ.items()
        if not name_.startswith(("DJANGO_", "CLINIC_")) and name_ != "REDIS_URL"
    } | {
        "DATABASE_URL": f"{base}/{name}",
        "CLINIC_ENV_FILE": str(tmp_path / "no.env"),
        "CLINIC_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    (tmp_path / "media" / "uploads").mkdir(parents=True)
    (tmp_path / "media" / "uploads" / "hero.jpg").write_bytes(b"an uploaded image's bytes")
    manage = [sys.executable, "manage.py"]
    for step in (["migrate"], ["load_demo"], ["collectstatic", "--noinput"]):
        assert run(environment, *manage, *step, "-v", "0").returncode == 0
    yield environment
    for database in (name, f"{name}_restore_check"):
        psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def test_restore_refuses_an_incomplete_backup_and_changes_nothing(site, tmp_path):
    incomplete = tmp_path / "incomplete"
    incomplete.mkdir()
    (incomplete / "database.dump").write_bytes(b"")

    result = run(site, "deploy/restore.sh", str(incomplete))

    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"restore: {incomplete}/media.tar.gz is missing; nothing restored."
    )
    assert (Path(site["DJANGO_MEDIA_ROOT"]) / "uploads" / "hero.jpg").exists()


def test_a_backup_restores_to_the_same_pages_and_files_and_a_change_is_caught(site, tmp_path):
    backups = tmp_path / "backups"
    backed_up = run(site, "deploy/backup.sh", str(backups))
    assert backed_up.returncode == 0, backed_up.stderr
    (backup,) = backups.iterdir()
    assert {path.name for path in backup.iterdir()} >= {
        "database.dump",
        "media.tar.gz",
        "pages.sha256",
    }
    assert "media/uploads/hero.jpg" in (backup / "pages.sha256").read_text()

    verified = run(site, "deploy/verify-restore.sh", str(backup))
    assert verified.returncode == 0, verified.stderr
    assert "pages and files are the same as in" in verified.stdout

    # The same check fails once the site differs from the backup in one fact or one file.
    changed_phone = "from clinic_site.models import ClinicProfile as P; " + (
        "p = P.objects.get(); p.phone = '+1 505 555 0177'; p.save()"
    )
    assert run(site, sys.executable, "manage.py", "shell", "-c", changed_phone).returncode == 0
    (Path(site["DJANGO_MEDIA_ROOT"]) / "uploads" / "hero.jpg").write_bytes(b"another image")
    compared = run(
        site, sys.executable, "manage.py", "fingerprint_pages", "--compare", backup / "pages.sha256"
    )
    assert compared.returncode == 1
    assert "changed: /contact/" in compared.stderr
    assert "changed: media/uploads/hero.jpg" in compared.stderr
