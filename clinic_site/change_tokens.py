"""Change tokens: what every app server knows about changes, kept in the shared cache.

A token is a random string in the shared cache (Redis, or the file cache of one machine)
that is replaced whenever what it stands for changes:

- ``SITE``: the clinic's own details, which every page shows (and everything, after a
  ``migrate`` or ``forget_cached_pages``);
- ``LISTS``: any page at all, for what shows many pages (home, the A to Z, the articles
  list, search, the sitemap and the feed);
- ``page_token(id)``: that guide or article, or any record it shows;
- ``CHANGES``: any of the above.

A value cached together with the tokens it was built from is current while they are the
same. They are replaced after the change commits, once every ``pages_changed`` receiver has
written what it derives (``page_changes_followed``, ``articles/changes.py``), ``CHANGES``
first. So whoever builds a value reads ``CHANGES`` before
reading the database and reads its tokens and ``CHANGES`` again after: if ``CHANGES``
moved meanwhile, a change committed while it was building and the value is not kept;
if not, the tokens it keeps are older than any change it may have missed, and that
change's replacement makes it stale (``clinic_site.page_cache``).

A token missing from the cache (evicted, or the cache cleared) is made afresh: a new
random string, which nothing stored can match.
"""

import secrets

from django.core.cache import cache

SITE = "token:site"
LISTS = "token:lists"
CHANGES = "token:changes"

# A change shown on more pages than this replaces SITE instead of a token per page: every
# cached page is then built again when next asked for, which costs less than writing
# thousands of tokens during a receptionist's or practitioner's save.
MOST_PAGE_TOKENS_REPLACED = 200


def page_token(page_id):
    return f"token:page:{page_id}"


def _new():
    return secrets.token_hex(8)


def current(keys):
    """The tokens named, read in one go (Redis reads them at one instant; the file cache
    in the order given, so put ``CHANGES`` last), made afresh where missing."""
    found = cache.get_many(keys)
    for key in keys:
        if found.get(key) is None:
            found[key] = _made(key)
    return found


def _made(key):
    token = _new()
    if cache.add(key, token, timeout=None):
        return token
    # Another request made it first; if it is gone again, ours matches nothing stored.
    return cache.get(key) or token


def replace(keys):
    """Mark what these tokens stand for as changed, ``CHANGES`` first."""
    cache.set(CHANGES, _new(), timeout=None)
    if keys:
        cache.set_many({key: _new() for key in keys}, timeout=None)


def follow_page_changes(sender, pages, site_wide=False, **kwargs):
    """``page_changes_followed`` receiver: the pages named, and every list, have changed."""
    keys = []
    if site_wide or len(pages) > MOST_PAGE_TOKENS_REPLACED:
        keys.append(SITE)
    else:
        keys += [page_token(page_id) for page_id in sorted(pages)]
    if pages:
        keys.append(LISTS)
    replace(keys)


def everything_changed(**kwargs):
    """After ``migrate`` (a data migration writes without Django's signals) or by hand."""
    replace([SITE, LISTS])
