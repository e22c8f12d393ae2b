"""Records in more than one language: a column per language, English where it always was.

A translatable model names its patient-facing text fields in ``translated_fields``; each
has a Spanish twin beside it (``name`` and ``name_es``), made with ``translation_of``. One
fact stays one row: a symptom is translated once, and every page that shows it is Spanish
where it shows it. Querysets and attribute reads never depend on the active language, so
the page object, the search index and the change signal read exactly the column they name.

Why not django-modeltranslation or django-parler: modeltranslation keeps a second copy of
the English (``name`` and ``name_en``) and rewrites every query and attribute read by the
request's language through a patched manager and descriptors, which the page object, the
search index (both languages in one process), version history and conflict merging would
all have to reason about; its admin tabs load jQuery UI from a CDN. parler moves the text to
a translation table, a join per model on every page (the guide's ten-query budget) and a
second row per fact. Here a reader asks for a language explicitly: ``in_language(record,
"es")`` is a read-only copy whose translated fields hold the Spanish.
"""

import copy

from django.conf import settings
from django.utils.translation import get_language, get_language_info

DEFAULT_LANGUAGE = "en"


def languages():
    """Language codes the site is written in, English first."""
    return [code for code, _name in settings.LANGUAGES]


def other_languages():
    return [code for code in languages() if code != DEFAULT_LANGUAGE]


def current_language():
    """The language being read now (set from the address by the language middleware), as
    one of ours: ``en`` for ``en-us`` or when translation is off."""
    code = (get_language() or DEFAULT_LANGUAGE).split("-")[0]
    return code if code in languages() else DEFAULT_LANGUAGE


def column(field_name, language):
    """The attribute that holds `field_name` in `language`: ``name`` or ``name_es``."""
    return field_name if language == DEFAULT_LANGUAGE else f"{field_name}_{language}"


def translation_of(english_field, verbose_name):
    """The Spanish twin of `english_field`: the same kind of field, optional (a record may
    wait for its translation), never unique by itself (models add a constraint that skips
    empty values), with no default or help text of its own."""
    _name, _path, args, kwargs = english_field.deconstruct()
    for key in ("unique", "default", "help_text", "error_messages", "db_index"):
        kwargs.pop(key, None)
    kwargs.update(blank=True, verbose_name=verbose_name)
    return type(english_field)(*args, **kwargs)


def translated_fields(model_or_instance):
    return getattr(model_or_instance, "translated_fields", ())


def has_translation(instance, field_name, language):
    return bool(str(getattr(instance, column(field_name, language)) or "").strip())


def missing_translations(instance, language):
    """The translated fields of `instance` that have English but no `language` text."""
    if language == DEFAULT_LANGUAGE:
        return []
    return [
        name
        for name in loaded_translated_fields(instance, language)
        if str(getattr(instance, name) or "").strip()
        and not has_translation(instance, name, language)
    ]


def loaded_translated_fields(instance, language):
    """The translated fields of `instance` read from the database in both English and
    `language`. A list reads only what it shows (``.only()``); touching a field it left
    out would cost a query per record."""
    deferred = instance.get_deferred_fields() if hasattr(instance, "get_deferred_fields") else ()
    return [
        name
        for name in translated_fields(instance)
        if name not in deferred and column(name, language) not in deferred
    ]


class ReadOnlyCopy(Exception):
    pass


def _refuse_save(*args, **kwargs):
    raise ReadOnlyCopy(
        "This is a record as one language shows it; save the record itself, not this copy."
    )


def in_language(instance, language, *, fallback=False):
    """`instance` as `language` shows it: a copy whose translated fields hold that
    language's text (English records are returned as they are).

    Without `fallback`, a missing translation reads as empty, and the caller decides what
    that means (a page is not public in Spanish until nothing is missing). With it, the
    English stays where there is no translation: for the clinic's notices, which must show
    in some language rather than not at all.

    The copy cannot be saved: its English columns hold another language's words. Only
    fields read from the database are translated (``loaded_translated_fields``): a record
    read with ``.only()`` keeps the others unread, so do not read them from the copy.
    """
    if instance is None or language == DEFAULT_LANGUAGE:
        return instance
    localized = copy.copy(instance)
    localized.untranslated_fields = missing_translations(instance, language)
    for name in loaded_translated_fields(instance, language):
        text = getattr(instance, column(name, language))
        if text or not fallback:
            setattr(localized, name, text)
    localized.save = _refuse_save
    # Its own record, whose columns still hold every language (a page's address in each).
    localized.translated_from = instance
    return localized


class LanguageVersion:
    """A page in another language: the language link and its ``hreflang`` alternate.
    `exists` is False when the page itself is not in that language yet and the link goes
    to the nearest page that is (the list of its kind)."""

    def __init__(self, code, url, exists=True):
        self.code = code
        self.url = url
        self.exists = exists
        self.name = get_language_info(code)["name_local"]
