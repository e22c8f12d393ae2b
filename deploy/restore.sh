#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into the database and media folder this
# installation's .env names (or DATABASE_URL and DJANGO_MEDIA_ROOT set in the
# environment), clear the cache, then prove the site shows the same pages and files as
# when the backup was made. Stop the site first (sudo systemctl stop clinic), and restore
# with the release the backup names in release.txt; upgrade afterwards.
#   usage: deploy/restore.sh BACKUP_FOLDER
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/settings.sh

backup=${1:-}
backup=${backup%/}
backup=${backup:?usage: deploy/restore.sh BACKUP_FOLDER}
for part in database.dump media.tar.gz pages.sha256; do
  [ -f "$backup/$part" ] || { echo "restore: $backup/$part is missing; nothing restored." >&2; exit 1; }
done

# Every table at once or none: a failed restore leaves the database as it was.
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
  --exit-on-error --dbname "$(database_url)" "$backup/database.dump"

# Unpack beside the media folder, then swap, so a failed unpack loses nothing.
media_root=$(setting settings.MEDIA_ROOT)
mkdir -p "$media_root"
unpacked=$(mktemp -d "$(dirname "$media_root")/.restoring-media.XXXXXX")
tar --extract --gzip --file "$backup/media.tar.gz" --directory "$unpacked"
previous="$media_root.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
mv "$media_root" "$previous"
mv "$unpacked" "$media_root"
chmod 755 "$media_root"
echo "Media restored; the previous files are in $previous."

.venv/bin/python manage.py migrate --noinput -v 0
setting 'cache.clear()' > /dev/null
.venv/bin/python manage.py fingerprint_pages --compare "$backup/pages.sha256"
