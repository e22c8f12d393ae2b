"""Readability by the language a text is written in: the one call the edit screen and the
publish checks make, so English text is judged by an English measure and Spanish text by
a Spanish one.

=========  =====================================================  =================
language   measure                                                target
=========  =====================================================  =================
``en``     Flesch-Kincaid grade (``articles.readability``)         grade 8 or lower
``es``     Szigriszt-Pazos on the INFLESZ scale                    55 or higher
           (``articles.readability_es``)                           ("normal")
=========  =====================================================  =================

Both results have ``words``, ``sentences``, ``syllables`` and ``meets_target``; the
English one adds ``grade`` and ``reading_ease``, the Spanish one ``score`` and ``band``
(``band.spanish``, ``band.english``). Pass plain text; for rich text, ``visible_text(html)``.
"""

from __future__ import annotations

from . import readability_es
from .readability import Readability, readability
from .readability_es import SpanishReadability

__all__ = ["MEASURES", "readability_in"]

MEASURES = {"en": readability, "es": readability_es.readability}


def readability_in(text: str, language: str) -> Readability | SpanishReadability | None:
    """The readability of `text` by the measure for `language`; None if it has no words.

    `language` is a language code as Django writes it ("en", "es", "es-mx", "en_US"): only
    the language counts, not the region. Any other language raises ``ValueError``, since
    scoring text by another language's measure would give a number that means nothing.
    """
    primary = (language or "").lower().replace("_", "-").split("-")[0]
    try:
        measure = MEASURES[primary]
    except KeyError:
        raise ValueError(
            f"No readability measure for language {language!r}; there is one for: "
            + ", ".join(MEASURES)
        ) from None
    return measure(text)
