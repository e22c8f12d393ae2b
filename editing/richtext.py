"""The one rich-text field every app uses, so editor and sanitiser always agree.

It lives in `editing`, beside the other shared editing tools, so every app can use it.

Stored HTML can never run: it is cleaned by nh3 (an allow-list of the tags the editor
makes, links only to https:, http:, mailto: and tel:) twice, on the way in and on the way
out.

- **On every write through the ORM** (``get_db_prep_save``): ``save()``, ``create()``,
  ``QuerySet.update()``, ``bulk_update()``, ``bulk_create()``, ``loaddata`` fixtures and
  django-reversion's restores (both save "raw", which skips ``pre_save`` but not this),
  so the database, the exports and the version history hold clean HTML.
- **On every read through the ORM** (``from_db_value``), because writes cannot all be
  guaranteed: a migration's ``RunPython`` sees a plain ``TextField`` (django-prose-editor
  deconstructs to one, so historical models never call this class), an ``update()``
  with an SQL expression (``Value``, ``Concat``) is computed by the database, and
  ``RunSQL``, a raw cursor, ``psql`` or a restored backup write past the ORM entirely.
  Cleaning on read covers them all, and every template, feed, export and admin screen,
  without each having to remember a filter. Where a template shows a value that may
  come from elsewhere, such as the clinic's disclaimer from the cache, it uses the
  ``rich_text`` filter (``{% load safe_html %}``) instead of ``|safe``.

Cleaning on read would cost a page one nh3 pass per rich-text value, so results are
memoised per process (an LRU of the last ``SANITISED_CACHE_SIZE`` distinct texts): a
page's texts are cleaned once per worker and then cost a dictionary lookup. The memo is
keyed by the text itself, so an edited text is simply a new entry, never a stale one.
"""

from functools import lru_cache

from django_prose_editor.fields import ProseEditorField

RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["https", "http", "mailto", "tel"]},
    # Searches references and inserts a [cite:N] marker (editing/extensions.py).
    "Cite": True,
}

# Distinct texts remembered per field and process; a clinic has a few hundred at most.
SANITISED_CACHE_SIZE = 512


class RichTextField(ProseEditorField):
    """A prose-editor field whose HTML is cleaned by nh3 on every write and every read."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", RICH_TEXT_EXTENSIONS)
        kwargs["sanitize"] = True
        super().__init__(*args, **kwargs)
        self.sanitize = lru_cache(maxsize=SANITISED_CACHE_SIZE)(self.sanitize)

    def clean_html(self, value):
        """``value`` as nh3-cleaned HTML; empty values and SQL expressions pass through."""
        return self.sanitize(value) if isinstance(value, str) and value else value

    def pre_save(self, model_instance, add):
        # Cleans the instance too, so what a caller holds after save() is what was stored.
        value = self.clean_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        return super().get_db_prep_save(self.clean_html(value), connection)

    def from_db_value(self, value, expression, connection):
        return self.clean_html(value)
