# Sourced by the backup scripts: values as settings.py sees them (after reading .env).
setting() {
  .venv/bin/python manage.py shell --no-imports -v 0 \
    -c "import os; from django.conf import settings; from django.core.cache import cache; print($1)"
}

database_url() {
  local url
  url=$(setting 'os.environ.get("DATABASE_URL", "")')
  case "$url" in
    postgres://* | postgresql://*) echo "$url" ;;
    *) echo "The backup scripts need PostgreSQL (DATABASE_URL=postgres://…); found ${url:-none}." >&2
       return 1 ;;
  esac
}
