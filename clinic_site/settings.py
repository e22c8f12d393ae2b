"""Settings for the clinic CMS.

Every setting a clinic may change comes from the environment (or the installation's
`.env` file, read first), with a default that runs the embedded set-up (SQLite and a file
cache under ``var/``). README.md, "Configuration", lists them all.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from clinic_site.environment import (
    load_env_file,
    parse_bool,
    production_is_on,
    stop,
    stop_if_production_incomplete,
)
from editing.extensions import PROSE_EDITOR_EXTENSIONS

BASE_DIR = Path(__file__).resolve().parent.parent
# Every manage.py command and gunicorn worker reads the same .env here; the environment wins.
load_env_file()
# The production switch: without DJANGO_SECRET_KEY and DATABASE_URL, stop with one line
# rather than run on a key made on this machine and an SQLite file. It also makes HTTPS-only
# the default below. Without it the embedded set-up runs as before.
CLINIC_PRODUCTION = production_is_on()
stop_if_production_incomplete()
VAR_DIR = Path(os.environ.get("CLINIC_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return parse_bool(name, value)


def env_list(name, default):
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


def local_secret_key():
    """A secret made once per installation and kept out of version control in var/."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or local_secret_key()
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Ours, top layer first; each app depends only on those listed below it.
    "clinic_site",
    "articles",
    "conditions",
    "references",
    # Shared editing tools, below every app: its template filters (safe_html), static
    # files (the Cite control) and the clean_media command.
    "editing",
    "django_prose_editor",
    "reversion",
    "clinic_site.admin_config.ClinicAdminConfig",  # django.contrib.admin, with our site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: a kept public page is answered from the cache alone, with the headers every
    # middleware below gave it (clinic_site/page_cache.py; README, "Page cache").
    "clinic_site.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files get the policy too: every response carries one.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "clinic_site.language.LanguageFromAddress",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After Django's CSP middleware, so it picks the admin's policy before the header is made.
    "editing.csp.AdminContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the plain "locked" page
]

ROOT_URLCONF = "clinic_site.urls"
WSGI_APPLICATION = "clinic_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "clinic_site.context_processors.clinic",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'clinic.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # Every transaction takes the write lock when it begins, and waits up to 20 s for
        # it: two saves at the same instant queue instead of failing with "database is
        # locked", and the second sees the first's version (editing/concurrency.py).
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        # Readers are not blocked by a writer, so public pages stay up during a save.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests use a file too, not memory: concurrency tests need the real locking.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's Redis backend, reusing its client (clinic_site/redis_cache.py).
            "BACKEND": "clinic_site.redis_cache.ClinicRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "clinic"),
        }
    }
else:
    # Files under var/, not local memory: every gunicorn worker must see the same cache,
    # or a receptionist's new phone number would reach only one worker's pages.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache",
            # Django's default of 300 files is too few once whole pages are kept (a page,
            # its token, search results); past this a third are removed at random.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Whole public pages kept in that cache for visitors without a session, current to the
# last change (clinic_site/page_cache.py). Off: every page is built for every request.
CLINIC_PAGE_CACHE = env_bool("CLINIC_PAGE_CACHE", True)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the addresses it always had, Spanish under /es/ (clinic_site/urls.py). The
# language is the address's alone (clinic_site/language.py), never the browser's.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
# The interface's Spanish (locale/es/LC_MESSAGES/django.po, compiled .mo committed beside it;
# README, "Languages"), and the dates and times each language writes (clinic_site/formats/).
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["clinic_site.formats"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "America/Denver")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Serve files straight from the apps in development and tests; production runs collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
# Files browsers and crawlers ask for at the site's root (/favicon.ico, /apple-touch-icon.png).
WHITENOISE_ROOT = BASE_DIR / "clinic_site" / "root_files"
# Uploaded images are the only large request bodies; keep them within reason.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Uploaded images (editing/images.py; README, "Configuration") ---------------------------
# Larger files, or pictures with more pixels, are refused with a message naming the limit.
CLINIC_IMAGE_MAX_BYTES = int(float(os.environ.get("CLINIC_IMAGE_MAX_MB", "10")) * 1024 * 1024)
CLINIC_IMAGE_MAX_PIXELS = int(
    float(os.environ.get("CLINIC_IMAGE_MAX_MEGAPIXELS", "40")) * 1_000_000
)

# The proxy in front (deploy/Caddyfile) says whether the visitor came over HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS only under the production switch; each can still be set on its own.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", CLINIC_PRODUCTION)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", CLINIC_PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe app servers over plain HTTP
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_SECURE_HSTS_SECONDS") or (365 * 24 * 3600 if CLINIC_PRODUCTION else 0)
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    # HSTS for subdomains (W005) and the browsers' preload list (W021) are the clinic's own
    # choice: a clinic on a shared domain (clinic.example-health.org) must not force HTTPS on
    # its neighbours, and leaving the preload list takes months. Off by default, settable
    # above, so Django's reminder about them is not a fault.
    "security.W005",
    "security.W021",
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No page is ever framed, the admin included: its related-record pop-ups are windows and
# the prose editor edits in place, with no iframe.
X_FRAME_OPTIONS = "DENY"

LOGIN_URL = "admin:login"

# The rich-text editor's own extensions (the "Cite" control), in editing/extensions.py.
DJANGO_PROSE_EDITOR_EXTENSIONS = PROSE_EDITOR_EXTENSIONS

# Content-Security-Policy (README, "Security: stored HTML and links"). Public pages need no
# JavaScript at all, so stored HTML that slipped past every sanitiser still could not run
# a script, load a plugin, re-point relative links, post a form or be framed.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.NONE],
    "style-src": [CSP.SELF],  # static/css only: no <style> and no style="" attributes
    "img-src": [CSP.SELF],  # uploads are served from this origin (MEDIA_URL)
    "font-src": [CSP.SELF],
    # No script runs on these pages, so connect-src only decides what tools reading through
    # a page may fetch: Lighthouse and Chrome DevTools read this site's robots.txt that way
    # (Network.loadNetworkResource obeys the page's connect-src), and under 'none' they
    # report "unable to download a robots.txt file" (tests/browser/test_site_audits_in_browser.py).
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],  # the header's search box (a GET form to /search/)
    "frame-ancestors": [CSP.NONE],
}
# The admin (editing.csp picks it for every admin URL) runs Django's scripts and
# django-prose-editor's modules from our own origin; inline tags need the request's nonce,
# which Django's admin templates and the editor's import map carry. The one hash is the
# <style> the editor (Tiptap) injects, without a nonce, for ProseMirror's base rules;
# tests/editing/test_content_security_policy.py recomputes it from the installed editor.
PROSE_EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CLINIC_ADMIN_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE, PROSE_EDITOR_STYLE_HASH],
    "img-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],  # the admin's autocomplete fields fetch their choices
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# --- Sign-in: lockout and two-step sign-in (README, "Configuration" and "Roles") ---------
# django-axes counts failed sign-ins per account and, separately, per address; either one
# reaching the limit refuses every sign-in for it, even with the right password, until the
# lockout ends or a superuser deletes the "access attempts" in the admin.
AUTHENTICATION_BACKENDS = [
    "clinic_site.signin.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("CLINIC_SIGNIN_FAILURE_LIMIT", "10"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
_lockout_minutes = int(os.environ.get("CLINIC_SIGNIN_LOCKOUT_MINUTES", "15"))
# 0 minutes: locked until a superuser unlocks it.
AXES_COOLOFF_TIME = timedelta(minutes=_lockout_minutes) if _lockout_minutes else None
AXES_LOCKOUT_CALLABLE = "clinic_site.signin.locked_out"
AXES_CLIENT_IP_CALLABLE = "clinic_site.signin.client_address"
# Proxies in front of the site that append the client's address to X-Forwarded-For; 0 means
# the site is reached directly and REMOTE_ADDR is the client.
CLINIC_TRUSTED_PROXY_COUNT = int(os.environ.get("CLINIC_TRUSTED_PROXY_COUNT", "0"))

# Who must sign in with an authenticator app as well as a password: "superusers", "staff"
# (everyone who uses the admin) or "none". Under the production switch the default is
# superusers; the embedded demo's is none, so the demo logins `make run` prints work.
# Anyone who has set up two-step sign-in is always asked for a code.
CLINIC_REQUIRE_2FA = os.environ.get("CLINIC_REQUIRE_2FA") or (
    "superusers" if CLINIC_PRODUCTION else "none"
)
if CLINIC_REQUIRE_2FA not in {"superusers", "staff", "none"}:
    stop(f"CLINIC_REQUIRE_2FA must be superusers, staff or none, not {CLINIC_REQUIRE_2FA!r}.")
OTP_TOTP_ISSUER = os.environ.get("CLINIC_2FA_ISSUER", "Clinic website")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
# Axes logs each failed sign-in (kept) and a banner at every start (dropped: it would
# fill the mail of every cron job running a management command).
LOGGING.setdefault("loggers", {})["axes.apps"] = {"level": "WARNING"}

# Uploaded images are served by Django itself in the embedded set-up; a production
# install serves var/media/ from the web server or an object store instead.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True)

# Medical review: a page's next review falls due this many months after its last review.
CLINIC_REVIEW_INTERVAL_MONTHS = int(os.environ.get("CLINIC_REVIEW_INTERVAL_MONTHS", "12"))
# The admin home page and `review_report` list reviews falling due within this many days.
CLINIC_REVIEW_WARNING_DAYS = int(os.environ.get("CLINIC_REVIEW_WARNING_DAYS", "30"))

# Email (the review report's --email). With EMAIL_HOST set, mail goes out over SMTP;
# without it, messages are printed to the console, so nothing leaves a demo install.
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
