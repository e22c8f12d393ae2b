#!/usr/bin/env bash
# Back up the clinic: the PostgreSQL database (pg_dump), the uploaded files, and a
# fingerprint of every public page and file, into one dated folder under DEST (default
# var/backups). Keeps the newest KEEP_BACKUPS (default 14) folders. Run it from cron
# nightly as the site's user and copy DEST off the machine (README, "Backups").
#   usage: deploy/backup.sh [DEST]
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/settings.sh

dest_root=${1:-var/backups}
backup="$dest_root/$(date -u +%Y-%m-%dT%H%M%SZ)"
mkdir -p "$backup"
chmod 700 "$dest_root" "$backup"

pg_dump --format=custom --no-owner --no-privileges --file "$backup/database.dump" "$(database_url)"
media_root=$(setting settings.MEDIA_ROOT)
mkdir -p "$media_root"
tar --create --gzip --file "$backup/media.tar.gz" --directory "$media_root" .
git rev-parse HEAD > "$backup/release.txt" 2>/dev/null || true
.venv/bin/python manage.py fingerprint_pages > "$backup/pages.sha256"
echo "Backed up to $backup ($(du -sh "$backup" | cut -f1))."

# Oldest first; keep the newest KEEP_BACKUPS.
ls -1d "$dest_root"/*/ | head -n -"${KEEP_BACKUPS:-14}" | xargs --no-run-if-empty rm -rf
