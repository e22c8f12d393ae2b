"""Whole public pages for visitors without a session, kept in the shared cache and current
to the last change, with no time-to-live guesswork (README, "Page cache").

**What is kept.** The response of a page named in ``PUBLIC_PAGES`` (with the query
parameters it reads) to a GET from a visitor with no session cookie: status 200, no cookie
set, nothing saying it is private or varies by cookie. Anyone with a session (staff signed
in to the admin) is neither served from the cache nor fills it, and neither are previews,
drafts (the public gets a 404), redirects or a query with any other parameter.

**Key.** The scheme, host, path and query string as sent, and nothing else: never a header.
The language is in the path (``/es/…``), so a new language needs nothing here, and
``Accept-Language``, cookies or the browser change nothing a public page shows.

**Current.** An entry keeps the change tokens (``change_tokens``) of what it shows: the
clinic's details, and either its own page (a guide or article, with every record it shows)
or every page (lists, search, the sitemap, the feed); and the first instant at which time
changes it: the next scheduled publish, or the next midnight in the clinic's time zone at
which today's hours, the notices or the special hours to come differ. Past that instant,
or once a token is replaced, it is stale and the next request builds it again. It also
keeps the release (our code, templates, static manifest and the settings pages show) that
made it, so an upgrade needs no purge.

**HTTP.** Such pages carry an ETag (of the page's bytes) and a Last-Modified (when it was
built; kept while rebuilding gives the same bytes), answer If-None-Match and
If-Modified-Since with 304, say ``Cache-Control: no-cache`` (browsers and proxies may keep
a copy but ask each time, so a change shows at the next request) and are sent gzipped to
browsers that accept it. They hold no secret (no CSRF token, no session), so compressing
them leaks nothing to BREACH; staff and admin pages are never compressed.
``CLINIC_PAGE_CACHE=off`` keeps nothing (for measuring pages as built) but keeps the rest.
"""

import gzip
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import cache as once
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from articles.models import Article

from . import change_tokens, selectors

# Pages anyone may be shown, by URL name, with the query parameters each reads. A request
# with any other parameter is answered as usual but not kept: it could be reflected in the
# page (the search box shows ?q= on every page).
PUBLIC_PAGES = {
    "home": set(),
    "contact": set(),
    "search": {"q", "page"},
    "robots": set(),
    "feed": set(),
    "sitemap": set(),  # the index of sections
    "django.contrib.sitemaps.views.sitemap": {"p"},  # a section
    "guides:index": {"region", "letter"},
    "guides:detail": set(),
    "guides:references": set(),
    "articles:index": {"page"},
    "articles:detail": set(),
    "articles:references": set(),
}

# Memory housekeeping only: a page nobody asked for in this long leaves the cache. Whether
# an entry is current never depends on it.
KEPT_AT_MOST = timedelta(days=7)
# Bodies this short are not worth compressing.
SHORTEST_COMPRESSED = 200
COMPRESS_LEVEL = 6  # zlib's default: most of level 9's gain for less of its time
NEXT_PUBLISH_KEY = "page-cache:next-publish"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Headers the entry makes itself.
OWN_HEADERS = ("Content-Length", "Content-Encoding", "ETag", "Last-Modified", "Cache-Control")


def is_on():
    return settings.CLINIC_PAGE_CACHE


def entry_key(request):
    """The scheme, host, path and query string as sent; ``get_host`` refuses a host not in
    ALLOWED_HOSTS before anything is looked up."""
    parts = (request.scheme, request.get_host(), request.path, request.META.get("QUERY_STRING"))
    return "page:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def may_be_public(request):
    """Whether the request could get a kept page: a read by a visitor without a session."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(never_public_prefixes())
    )


@once
def never_public_prefixes():
    """Addresses not worth a look-up: the admin, static files and uploaded files."""
    return (
        "/admin/",
        *("/" + url.lstrip("/") for url in (settings.STATIC_URL, settings.MEDIA_URL)),
    )


def is_public_page(request, response):
    """A response anyone asking for the same address may be given."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in PUBLIC_PAGES:
        return False
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and set(request.GET) <= PUBLIC_PAGES[match.view_name]
        and not response.cookies
        and "cookie" not in response.get("Vary", "").lower()
        and not re.search(r"private|no-store|no-cache", cache_control)
        and not response.has_header("Content-Encoding")
        # A policy with this request's nonce cannot be given to another request.
        and "'nonce-" not in response.get("Content-Security-Policy", "")
    )


def depends_on(response):
    """The tokens of what a response shows: the clinic's details, and its own page (the
    view names it) or, for a list of pages, every page."""
    page_id = getattr(response, "page_shown", None)
    if page_id is not None:
        return [change_tokens.SITE, change_tokens.page_token(page_id)]
    return [change_tokens.SITE, change_tokens.LISTS]


@dataclass
class Entry:
    """A public page as answered: status, headers and body (stored gzipped when that is
    shorter), with what keeps it current."""

    status: int
    headers: dict  # as answered, with ETag, Last-Modified, Cache-Control and Vary
    etag: str
    last_modified: int  # seconds since the epoch
    body: bytes = b""
    gzipped: bytes = b""
    tokens: dict = field(default_factory=dict)
    stale_from: datetime | None = None
    release: str = ""

    @classmethod
    def from_response(cls, response, *, built_at, previous=None):
        body = response.content
        etag = f'W/"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'
        last_modified = int(built_at.timestamp())
        if previous is not None and previous.etag == etag:
            last_modified = previous.last_modified  # the same bytes: not modified since
        for name in OWN_HEADERS:
            del response.headers[name]
        response.headers["ETag"] = etag
        response.headers["Last-Modified"] = http_date(last_modified)
        response.headers["Cache-Control"] = "no-cache"
        if len(body) >= SHORTEST_COMPRESSED:
            patch_vary_headers(response, ["Accept-Encoding"])
        headers = dict(response.headers.items())
        return cls(response.status_code, headers, etag, last_modified, body=body)

    def compressed(self):
        """Keep the gzipped body alone when it is shorter (it is for every page)."""
        if self.body and len(self.body) >= SHORTEST_COMPRESSED:
            gzipped = gzip.compress(self.body, COMPRESS_LEVEL, mtime=0)
            if len(gzipped) < len(self.body):
                self.gzipped, self.body = gzipped, b""
        return self

    def is_current(self, now, tokens_read=None):
        """Made by this release, before its time ran out, from the tokens as they are now.

        `tokens_read` are tokens already read with the entry; any other it needs is read.
        """
        if self.release != release() or (self.stale_from and now >= self.stale_from):
            return False
        tokens = dict(tokens_read or {})
        if missing := [name for name in self.tokens if tokens.get(name) is None]:
            tokens |= change_tokens.current(missing)
        return all(tokens[name] == value for name, value in self.tokens.items())

    def answer(self, request, how):
        """The response for `request` (304 if its copy is this one), labelled `how`."""
        response = HttpResponse(status=self.status, headers=self.headers)
        response.headers["X-Page-Cache"] = how
        if CONDITIONAL_HEADERS & request.META.keys():
            not_modified = get_conditional_response(
                request, etag=self.etag, last_modified=self.last_modified, response=response
            )
            if not_modified is not response:
                return not_modified
        can_gzip = bool(self.gzipped) or len(self.body) >= SHORTEST_COMPRESSED
        if can_gzip and ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            response.content = self.gzipped or gzip.compress(self.body, COMPRESS_LEVEL, mtime=0)
            response.headers["Content-Encoding"] = "gzip"
        else:
            response.content = self.body or uncompressed(self.etag, self.gzipped)
        response.headers["Content-Length"] = str(len(response.content))
        return response


# The bytes of pages last sent uncompressed, by ETag, in this worker: the ETag is the bytes'
# own hash, so a copy here is never stale, and a page asked for without gzip (by a tool;
# browsers accept gzip) is not decompressed again each time.
_uncompressed = {}
UNCOMPRESSED_REMEMBERED = 64


def uncompressed(etag, gzipped):
    body = _uncompressed.get(etag)
    if body is None:
        if len(_uncompressed) >= UNCOMPRESSED_REMEMBERED:
            _uncompressed.clear()
        body = _uncompressed[etag] = gzip.decompress(gzipped)
    return body


CONDITIONAL_HEADERS = {
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
}


class PageCacheMiddleware:
    """Answers with kept public pages before any other middleware, sessions, users or views
    are looked at, and keeps the ones built for visitors without a session. First in
    MIDDLEWARE: an entry keeps the headers every other middleware added (security headers,
    the content security policy), so a kept page costs little more than reading it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_be_public(request):
            return self.get_response(request)
        if not is_on():
            response = self.get_response(request)
            if not is_public_page(request, response):
                return response
            return Entry.from_response(response, built_at=timezone.now()).answer(request, "off")

        key = entry_key(request)
        now = timezone.now()
        kept, tokens = look_up(key)
        if kept is not None and kept.is_current(now, tokens):
            return kept.answer(request, "hit")

        # Read before anything the page shows is: see change_tokens.
        changes = change_tokens.current([change_tokens.CHANGES])[change_tokens.CHANGES]
        day = selectors.today()
        response = self.get_response(request)
        if not is_public_page(request, response):
            return response
        built = Entry.from_response(response, built_at=now, previous=kept)
        if request.method == "GET":
            keep(key, built, depends_on(response), changes=changes, built_at=now, day=day)
        return built.answer(request, "miss")


# The token names each address's entry needed last time, in this worker: read with the
# entry, in one round trip to Redis. Only which tokens to read early comes from here;
# whether they match is always decided by the entry's own list.
_tokens_of_entry = {}
TOKENS_REMEMBERED = 20_000


def look_up(key):
    """The entry kept under `key` (or None) and the tokens it needed last time."""
    names = _tokens_of_entry.get(key, ())
    found = cache.get_many([key, *names])
    entry = found.pop(key, None)
    if entry is not None and tuple(entry.tokens) != names:
        if len(_tokens_of_entry) >= TOKENS_REMEMBERED:
            _tokens_of_entry.clear()
        _tokens_of_entry[key] = tuple(entry.tokens)
    return entry, found


def keep(key, entry, dependencies, *, changes, built_at, day):
    """Store `entry` with its tokens, unless a change was signalled since `changes` was read."""
    tokens = change_tokens.current([*dependencies, change_tokens.LISTS, change_tokens.CHANGES])
    if tokens[change_tokens.CHANGES] != changes:
        return  # a change committed while the page was built: answer it, keep nothing
    entry.tokens = {name: tokens[name] for name in dependencies}
    entry.stale_from = stale_from(built_at, day, tokens[change_tokens.LISTS])
    entry.release = release()
    kept_for = KEPT_AT_MOST
    if entry.stale_from is not None:
        kept_for = min(kept_for, entry.stale_from - timezone.now())
    if kept_for >= timedelta(seconds=1):
        cache.set(key, entry.compressed(), int(kept_for.total_seconds()))


# --------------------------------------------------------------------------- time


def stale_from(built_at, day, lists_token):
    """The first instant after `built_at` at which time alone changes a page: a scheduled
    page goes live (in lists, search, related reading and at its own address), or the
    clinic's date-dependent details differ (``ClinicDetails.next_change_after``)."""
    instants = [next_scheduled_publish(built_at, lists_token)]
    if (next_day := selectors.clinic_details().next_change_after(day)) is not None:
        instants.append(start_of(next_day))
    return min((instant for instant in instants if instant is not None), default=None)


def start_of(day):
    """Midnight at the start of `day` in the clinic's time zone (DJANGO_TIME_ZONE); where
    clocks skip midnight, the instant they skip from, when that date begins."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_default_timezone())


def next_scheduled_publish(after, lists_token):
    """The first publish time after `after` of a page scheduled to go live, or None.

    Kept with the lists token: any save of a page replaces it, so while it is the same, no
    page was scheduled, moved or published, and the answer found at `computed_at` holds
    for every instant from then until it.
    """
    kept = cache.get(NEXT_PUBLISH_KEY)
    if kept is not None:
        token, computed_at, when = kept
        if token == lists_token and computed_at <= after and (when is None or after < when):
            return when
    when = Article.objects.filter(
        status=Article.Status.PUBLISHED, published_at__gt=after
    ).aggregate(first=Min("published_at"))["first"]
    cache.set(NEXT_PUBLISH_KEY, (lists_token, after, when), None)
    return when


# --------------------------------------------------------------------------- release


@once
def release():
    """A fingerprint of what makes a page besides the database: our code and templates,
    the pinned requirements, the static files' manifest (their hashed names) and the
    settings pages show. Read once per worker; an upgrade changes it, so pages made by the
    old release are never served by the new one, on any app server."""
    base = Path(settings.BASE_DIR)
    roots = [
        base / "templates",
        base / "static",
        # Our apps (at the checkout's top level; not the packages in .venv/ within it).
        *(Path(app.path) for app in apps.get_app_configs() if Path(app.path).parent == base),
        *(Path(path) for path in settings.LOCALE_PATHS),
    ]
    files = [base / "requirements.txt", Path(settings.STATIC_ROOT) / "staticfiles.json"]
    for root in roots:
        files += [path for path in root.rglob("*") if "__pycache__" not in path.parts]
    digest = hashlib.sha256(repr(django.VERSION).encode())
    for name in RELEASE_SETTINGS:
        digest.update(repr((name, getattr(settings, name, None))).encode())
    for path in sorted(set(files)):
        if path.is_file():
            # Named within the checkout, so app servers in other folders agree.
            name = path.relative_to(base) if path.is_relative_to(base) else path.name
            digest.update(str(name).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# Settings a page's bytes or kept headers depend on (read from the environment at start).
RELEASE_SETTINGS = (
    "TIME_ZONE",
    "LANGUAGE_CODE",
    "LANGUAGES",
    "STATIC_URL",
    "MEDIA_URL",
    "DEBUG",
    "X_FRAME_OPTIONS",
    "SECURE_CSP",
    "SECURE_CSP_REPORT_ONLY",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
)
