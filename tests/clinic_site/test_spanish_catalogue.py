"""The Spanish catalogue is complete and compiled: every entry translated and none fuzzy,
every string a public template or module marks is in it, the committed .mo says what the
.po says, and every language names every date and time format the pages ask for.

Compiled and read in pure Python (Babel), as a machine without GNU gettext runs it.
"""

import gettext
import io
from pathlib import Path

import pytest
from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation
from django.utils.formats import get_format
from django.utils.translation.template import templatize

from clinic_site.formats import CLINIC_FORMATS

ROOT = Path(settings.BASE_DIR)
SPANISH = ROOT / "locale" / "es" / "LC_MESSAGES"

# Python modules whose marked strings reach public pages (templates are all found below).
PUBLIC_MODULES = [
    "articles/feeds.py",
    "articles/pages.py",
    "articles/search.py",
    "clinic_site/formats/__init__.py",
    "clinic_site/models.py",
    "conditions/models.py",
    "references/formatting.py",
]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def spanish_catalogue():
    with open(SPANISH / "django.po", "rb") as po:
        return read_po(po)


def public_templates():
    templates = ROOT / "templates"
    return [path for path in sorted(templates.rglob("*.html")) if "admin" not in path.parts[:-1]]


def marked_strings(path):
    """(context, msgid) of every string `path` marks, read as makemessages reads it."""
    source = path.read_text()
    if path.suffix == ".html":
        source = templatize(source, str(path))
    return {
        (context, message)
        for _line, message, _comments, context in extract(
            "python", io.BytesIO(source.encode()), keywords=KEYWORDS
        )
    }


def test_every_entry_is_translated_and_none_is_fuzzy():
    catalogue = spanish_catalogue()
    untranslated = [
        message.id
        for message in catalogue
        if message.id
        and (
            not message.string
            or (message.pluralizable and not all(message.string))
            or message.fuzzy
        )
    ]
    assert untranslated == []
    assert len(catalogue) > 100


def test_translations_keep_every_placeholder_and_plural_form():
    catalogue = spanish_catalogue()
    problems = [(message.id, errors) for message, errors in catalogue.check()]
    assert problems == []
    plural = next(message for message in catalogue if message.pluralizable)
    assert len(plural.string) == catalogue.num_plurals == 3  # as Django's own Spanish


@pytest.mark.parametrize(
    "path",
    [*public_templates(), *(ROOT / module for module in PUBLIC_MODULES)],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_every_string_a_public_source_marks_is_in_the_catalogue(path):
    catalogue = spanish_catalogue()
    missing = [
        message
        for context, message in marked_strings(path)
        if not (entry := catalogue.get(message, context=context)) or not entry.string
    ]
    assert missing == [], "run `make messages`, translate, then `make compilemessages`"


def test_the_committed_mo_holds_exactly_what_the_po_says():
    compiled = io.BytesIO()
    write_mo(compiled, spanish_catalogue())
    compiled.seek(0)
    with open(SPANISH / "django.mo", "rb") as committed:
        committed_catalogue = gettext.GNUTranslations(committed)._catalog
    expected = gettext.GNUTranslations(compiled)._catalog
    committed_catalogue.pop("", None)  # the headers: who compiled it, and when
    expected.pop("", None)
    assert committed_catalogue == expected, "the .mo is stale: run `make compilemessages`"


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_language_names_every_clinic_format(language):
    """Django reads a format name it cannot find as a format itself, printing nonsense."""
    with translation.override(language):
        missing = [name for name in CLINIC_FORMATS if get_format(name) == name]
    assert missing == []
