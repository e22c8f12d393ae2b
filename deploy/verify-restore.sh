#!/usr/bin/env bash
# Prove a backup restores: restore it into a scratch database and media folder (never the
# live ones) and compare every page and file with the fingerprints taken at backup time.
# The scratch database must exist and belong to the site's database user; by default it
# is the live one's name with _restore_check added (README, "Backups").
#   usage: deploy/verify-restore.sh BACKUP_FOLDER
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/settings.sh

backup=${1:-}
backup=${backup%/}
backup=${backup:?usage: deploy/verify-restore.sh BACKUP_FOLDER}
live_url=$(database_url)
scratch_url=${RESTORE_CHECK_DATABASE_URL:-${live_url%%\?*}_restore_check}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The environment wins over .env: the restore goes to the scratch database, media folder
# and cache, with the live site's settings otherwise.
export DATABASE_URL=$scratch_url DJANGO_MEDIA_ROOT="$scratch/media" CLINIC_VAR_DIR="$scratch/var"
export REDIS_URL=
.venv/bin/python manage.py collectstatic --noinput -v 0
deploy/restore.sh "$backup"
